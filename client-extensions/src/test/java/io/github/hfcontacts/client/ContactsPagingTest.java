package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.assertGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.openapi.model.Contact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Contacts#list()} and {@link Contacts#search}: lazy auto-pagination over size-50 pages. */
class ContactsPagingTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  /** A page of {@code count} contacts with ids {@code firstId...}, claiming {@code pageCount}. */
  private static String page(int firstId, int count, Integer pageCount, int total) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int id = firstId + i;
      data.append(i == 0 ? "" : ",")
          .append("{\"id\":").append(id)
          .append(",\"name\":\"Contact ").append(id)
          .append("\",\"email\":\"c").append(id).append("@example.com\",\"phones\":[],")
          .append("\"primary_phone\":null,\"custom_fields\":[]}");
    }
    return "{\"page_info\":{\"count\":" + count
        + (pageCount == null ? "" : ",\"page_count\":" + pageCount)
        + ",\"start_index\":" + firstId + ",\"end_index\":" + (firstId + count - 1)
        + ",\"last_index\":" + total + "},\"data\":[" + data + "]}";
  }

  private void enqueueThreePages() {
    mock.enqueueJson(200, page(1, 50, 3, 120));
    mock.enqueueJson(200, page(51, 50, 3, 120));
    mock.enqueueJson(200, page(101, 20, 3, 120));
  }

  @Test
  void iteratesEveryContactOfThreePagesInOrder() throws Exception {
    enqueueThreePages();

    List<Long> ids = new ArrayList<>();
    for (Contact contact : mock.client().contacts().list()) {
      ids.add(contact.getId());
    }

    assertThat(ids).hasSize(120).startsWith(1L, 2L).endsWith(119L, 120L);
    assertGet(mock.take(), "users/?size=50&page=1");
    assertGet(mock.take(), "users/?size=50&page=2");
    assertGet(mock.take(), "users/?size=50&page=3");
    assertThat(mock.requestCount()).isEqualTo(3);
  }

  @Test
  void pagesExposeNumberPageCountAndItems() throws Exception {
    enqueueThreePages();

    List<String> seen = new ArrayList<>();
    for (Page<Contact> page : mock.client().contacts().list().pages()) {
      seen.add(page.number() + "/" + page.pageCount().getAsInt() + ":" + page.items().size()
          + (page.isLast() ? " last" : ""));
      assertThat(page.totalItems()).hasValue(120);
    }

    assertThat(seen).containsExactly("1/3:50", "2/3:50", "3/3:20 last");
    assertThat(mock.requestCount()).isEqualTo(3);
  }

  @Test
  void nothingIsRequestedBeforeIterationStarts() throws Exception {
    mock.enqueueJson(200, page(1, 50, 2, 100));

    Pager<Contact> pager = mock.client().contacts().list();
    Iterator<Contact> iterator = pager.iterator();
    Stream<Contact> stream = pager.stream();
    Iterable<Page<Contact>> pages = pager.pages();

    assertThat(mock.requestCount()).isZero();
    assertThat(iterator.hasNext()).isTrue();
    assertThat(mock.requestCount()).isEqualTo(1);
    stream.close();
    assertThat(pages).isNotNull();
  }

  @Test
  void takingFiveContactsOfAFiftyContactPageSendsOneRequest() throws Exception {
    mock.enqueueJson(200, page(1, 50, 3, 120));
    mock.enqueueJson(200, page(51, 50, 3, 120));

    List<Long> first5 = mock.client().contacts().list().stream()
        .limit(5).map(Contact::getId).collect(Collectors.toList());

    assertThat(first5).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertGet(mock.take(), "users/?size=50&page=1");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void theNextPageIsFetchedOnlyWhenTheCurrentOneIsUsedUp() throws Exception {
    enqueueThreePages();

    Iterator<Contact> iterator = mock.client().contacts().list().iterator();
    for (int i = 0; i < 50; i++) {
      iterator.next();
    }
    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(iterator.next().getId()).isEqualTo(51L);
    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void maxPagesLimitsTheRequests() throws Exception {
    enqueueThreePages();

    Pager<Contact> limited = mock.client().contacts().list().maxPages(2);

    assertThat(limited.stream().count()).isEqualTo(100);
    assertGet(mock.take(), "users/?size=50&page=1");
    assertGet(mock.take(), "users/?size=50&page=2");
    assertThat(mock.requestCount()).isEqualTo(2);
    assertThatThrownBy(() -> limited.maxPages(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPages must be at least 1 but was 0");
  }

  @Test
  void startingAtFetchesFromThatPageAndCountsMaxPagesFromIt() throws Exception {
    mock.enqueueJson(200, page(51, 50, 3, 120));

    Pager<Contact> second = mock.client().contacts().list().startingAt(2).maxPages(1);

    assertThat(second.stream().map(Contact::getId).collect(Collectors.toList()))
        .hasSize(50).startsWith(51L);
    assertGet(mock.take(), "users/?size=50&page=2");
    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(second.toString()).isEqualTo("Pager{pageSize=50, firstPage=2, maxPages=1}");
    assertThatThrownBy(() -> second.startingAt(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstPage must be at least 1 but was 0");
  }

  @Test
  void stopsAtAnEmptyPageEvenIfPageCountSaysMore() throws Exception {
    mock.enqueueJson(200, page(1, 50, 5, 250));
    mock.enqueueJson(200, "{\"page_info\":{\"count\":0,\"page_count\":5},\"data\":[]}");

    assertThat(mock.client().contacts().list().stream().count()).isEqualTo(50);
    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void anEmptyResultIsOneRequestAndNoPages() throws Exception {
    mock.enqueueJson(200, "{\"page_info\":{\"count\":0,\"page_count\":0},\"data\":[]}");

    assertThat(mock.client().contacts().list().pages()).isEmpty();
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void aPageWithoutThePageCountTheSpecRequiresIsMalformed() throws Exception {
    mock.enqueueJson(200, page(1, 50, null, 70));

    assertThatThrownBy(() -> mock.client().contacts().list().stream().count())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("'page_count'");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void aFailedPageThrowsTheTypedExceptionWithItsStatus() throws Exception {
    mock.enqueueJson(200, page(1, 50, 3, 120));
    mock.enqueueJson(401, "{}");

    Iterator<Contact> iterator = mock.client().contacts().list().iterator();
    for (int i = 0; i < 50; i++) {
      iterator.next();
    }
    assertThatThrownBy(iterator::hasNext)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.statusCode()).hasValue(401);
          assertThat(e.method()).isEqualTo("GET");
          assertThat(e.path()).isEqualTo("/api/1.1/json/users/");
        });
    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void aFailedPageInAStreamIsNotWrapped() {
    mock.enqueueJson(403, "{}");

    assertThatThrownBy(() -> mock.client().contacts().list().stream().count())
        .isExactlyInstanceOf(AuthenticationException.class);
  }

  @Test
  void eachIterationStartsOverFromPageOne() throws Exception {
    mock.enqueueJson(200, page(1, 10, 1, 10));
    mock.enqueueJson(200, page(1, 10, 1, 10));
    Pager<Contact> pager = mock.client().contacts().list();

    assertThat(pager.stream().count()).isEqualTo(10);
    assertThat(pager.stream().count()).isEqualTo(10);
    assertGet(mock.take(), "users/?size=50&page=1");
    assertGet(mock.take(), "users/?size=50&page=1");
  }

  @Test
  void searchSendsTheRenderedQueryUrlEncoded() throws Exception {
    mock.enqueueJson(200, page(7, 1, 1, 1));
    SearchQuery query = SearchQuery.builder()
        .name("adam")
        .email("adam+vip@example.com")
        .phone("+1 (123) 123-1234")
        .updatedSince(LocalDate.of(2025, 1, 31))
        .createdSince(Instant.parse("2024-12-01T23:59:59Z"))
        .build();

    List<Contact> found = mock.client().contacts().search(query).stream().toList();

    assertThat(found).extracting(Contact::getId).containsExactly(7L);
    var request = mock.take();
    assertGet(request, "users/?size=50&page=1&q=name%3Aadam%20email%3Aadam%2Bvip%40example.com"
        + "%20phone%3A11231231234%20updated_since%3A2025-01-31%20created_since%3A2024-12-01");
    assertThat(request.getRequestUrl().queryParameter("q")).isEqualTo("name:adam"
        + " email:adam+vip@example.com phone:11231231234 updated_since:2025-01-31"
        + " created_since:2024-12-01");
  }

  @Test
  void searchPagesLikeList() throws Exception {
    mock.enqueueJson(200, page(1, 50, 2, 60));
    mock.enqueueJson(200, page(51, 10, 2, 60));

    long count = mock.client().contacts()
        .search(SearchQuery.builder().phone("11231231234").build()).stream().count();

    assertThat(count).isEqualTo(60);
    assertGet(mock.take(), "users/?size=50&page=1&q=phone%3A11231231234");
    assertGet(mock.take(), "users/?size=50&page=2&q=phone%3A11231231234");
  }
}
