package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API;
import static io.github.hfcontacts.client.MockHappyFox.BASIC;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorMappingTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private void assertOneRequest(String method, String path) throws InterruptedException {
    RecordedRequest request = mock.take();
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getPath()).isEqualTo(path);
    assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
    assertThat(mock.sleeper.sleeps()).isEmpty();
  }

  @Test
  void http400BecomesValidationExceptionWithFieldErrors() throws Exception {
    mock.enqueue(json(400, Fixtures.read("error-name-required.json")));

    ValidationException e = Thrown.by(ValidationException.class, mock::createAnn);

    assertThat(e).hasMessage(
        "POST " + API + "users/ failed: HTTP 400 (name: This field is required.)");
    assertThat(e.statusCode()).hasValue(400);
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo(API + "users/");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.fieldErrors())
        .containsExactly(FieldError.of("name", List.of("This field is required.")));
    assertThat(e.bodyExcerpt()).hasValue(Fixtures.read("error-name-required.json"));
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void http400WithSeveralFieldsListsThemAll() throws Exception {
    mock.enqueue(json(400, Fixtures.read("error-two-fields.json")));

    ValidationException e = Thrown.by(ValidationException.class, mock::createAnn);

    assertThat(e).hasMessage("POST " + API + "users/ failed: HTTP 400 (name: This field is "
        + "required.; email: Enter a valid email address. This email is already in use.)");
    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("name", "email");
    assertThat(e.fieldErrors().get(1).messages()).hasSize(2);
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void credentialsEchoedByTheServerAreMaskedInMessageAndExcerpt() throws Exception {
    mock.enqueue(json(400, Fixtures.read("error-echoing-credentials.json")));

    ValidationException e = Thrown.by(ValidationException.class, mock::createAnn);

    assertThat(e).hasMessage(
        "POST " + API + "users/ failed: HTTP 400 (api_key: Unknown key ██ with code ██)");
    assertThat(e.bodyExcerpt().orElseThrow()).contains("Unknown key ██ with code ██");
    assertThat(e.fieldErrors().get(0).messages())
        .containsExactly("Unknown key ██ with code ██");
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void http400WithoutJsonHasNoFieldErrors() throws Exception {
    mock.enqueue(new MockResponse().setResponseCode(400).setBody("Bad Request"));

    ValidationException e = Thrown.by(ValidationException.class, mock::createAnn);

    assertThat(e).hasMessage("POST " + API + "users/ failed: HTTP 400");
    assertThat(e.fieldErrors()).isEmpty();
    assertThat(e.bodyExcerpt()).hasValue("Bad Request");
    assertOneRequest("POST", API + "users/");
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void http401And403BecomeAuthenticationExceptionKeepingTheStatus(int status) throws Exception {
    mock.enqueue(json(status, "{\"error\": \"Invalid credentials\"}")
        .setHeader("WWW-Authenticate", "Basic realm=\"api\""));

    AuthenticationException e = Thrown.by(AuthenticationException.class, mock::listUsers);

    assertThat(e).hasMessage("GET " + API + "users/ failed: HTTP " + status);
    assertThat(e.statusCode()).hasValue(status);
    assertOneRequest("GET", API + "users/?size=50&page=1");
  }

  @Test
  void http404BecomesNotFoundException() throws Exception {
    mock.enqueue(json(404, "{\"error\": \"Not found\"}"));

    NotFoundException e =
        Thrown.by(NotFoundException.class, () -> mock.transport().execute(mock.api().get(999)));

    assertThat(e).hasMessage("GET " + API + "user/999/ failed: HTTP 404");
    assertThat(e.statusCode()).hasValue(404);
    assertThat(e.path()).isEqualTo(API + "user/999/");
    assertOneRequest("GET", API + "user/999/");
  }

  @ParameterizedTest
  @ValueSource(ints = {405, 409, 413, 418})
  void otherClientErrorsBecomeUnexpectedStatusException(int status) throws Exception {
    mock.enqueue(json(status, "{}"));

    UnexpectedStatusException e = Thrown.by(UnexpectedStatusException.class, mock::createAnn);

    assertThat(e).hasMessage("POST " + API + "users/ failed: HTTP " + status);
    assertThat(e.statusCode()).hasValue(status);
    assertOneRequest("POST", API + "users/");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void redirectsAreRefusedAndNotFollowed(int status) throws Exception {
    mock.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "/elsewhere/"));
    mock.enqueue(json(200, "{}"));

    UnexpectedStatusException e = Thrown.by(UnexpectedStatusException.class, mock::createAnn);

    assertThat(e).hasMessage(
        "POST " + API + "users/ failed: HTTP " + status + " (redirects are not followed)");
    assertThat(e.statusCode()).hasValue(status);
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void redirectsAreRefusedEvenWhenTheSuppliedOkHttpClientFollowsThem() throws Exception {
    okhttp3.OkHttpClient following = new okhttp3.OkHttpClient.Builder()
        .followRedirects(true)
        .followSslRedirects(true)
        .build();
    mock.use(mock.builder().okHttpClient(following).build());
    mock.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/elsewhere/"));
    mock.enqueue(json(200, "{}"));

    UnexpectedStatusException e = Thrown.by(UnexpectedStatusException.class, mock::listUsers);

    assertThat(e.statusCode()).hasValue(302);
    assertOneRequest("GET", API + "users/?size=50&page=1");
  }

  @Test
  void http429BecomesRateLimitedExceptionWithTheDocumentedBlock() throws Exception {
    mock.enqueue(json(429, "{\"error\": \"Too many requests\"}"));

    RateLimitedException e = Thrown.by(RateLimitedException.class, mock::listUsers);

    assertThat(e).hasMessage("GET " + API + "users/ failed: HTTP 429 (retry after 600 s)");
    assertThat(e.statusCode()).hasValue(429);
    assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(10));
    assertOneRequest("GET", API + "users/?size=50&page=1");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsOnPostBecomeServerExceptionWithoutRetry(int status) throws Exception {
    mock.enqueue(json(status, "{}"));
    mock.enqueue(json(200, "{}"));

    ServerException e = Thrown.by(ServerException.class, mock::createAnn);

    assertThat(e).hasMessage("POST " + API + "users/ failed: HTTP " + status);
    assertThat(e.statusCode()).hasValue(status);
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void malformedJsonBecomesMalformedResponseException() throws Exception {
    mock.enqueue(new MockResponse()
        .setHeader("Content-Type", "text/html")
        .setBody(Fixtures.read("not-json.html")));

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, mock::listUsers);

    assertThat(e.getMessage())
        .startsWith("GET " + API + "users/ failed: malformed body in HTTP 200 (");
    assertThat(e.getCause()).isInstanceOf(JsonEncodingException.class);
    assertThat(e.statusCode()).hasValue(200);
    assertThat(e.bodyExcerpt()).hasValue(Fixtures.read("not-json.html"));
    assertOneRequest("GET", API + "users/?size=50&page=1");
  }

  @Test
  void wrongShapeBecomesMalformedResponseExceptionWithJsonPath() throws Exception {
    mock.enqueue(json(200, Fixtures.read("wrong-shape.json")));

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, mock::listUsers);

    assertThat(e).hasMessage("GET " + API
        + "users/ failed: malformed body in HTTP 200 (Expected BEGIN_OBJECT but was BEGIN_ARRAY "
        + "at path $)");
    assertThat(e.getCause()).isInstanceOf(JsonDataException.class);
    assertOneRequest("GET", API + "users/?size=50&page=1");
  }

  @Test
  void emptySuccessBodyIsMalformed() throws Exception {
    mock.enqueue(new MockResponse().setResponseCode(200));

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, mock::listUsers);

    assertThat(e).hasMessage(
        "GET " + API + "users/ failed: malformed body in HTTP 200 (empty body)");
    assertOneRequest("GET", API + "users/?size=50&page=1");
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201})
  void successStatusWithOnlyAnErrorArrayIsAValidationException(int status) throws Exception {
    mock.enqueue(json(status, Fixtures.read("error-name-required.json")));

    ValidationException e = Thrown.by(ValidationException.class, mock::createAnn);

    assertThat(e).hasMessage(
        "POST " + API + "users/ failed: HTTP " + status + " (name: This field is required.)");
    assertThat(e.statusCode()).hasValue(status);
    assertThat(e.fieldErrors())
        .containsExactly(FieldError.of("name", List.of("This field is required.")));
    assertThat(e.bodyExcerpt()).hasValue(Fixtures.read("error-name-required.json"));
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void successStatusWithAnErrorStringIsAValidationException() throws Exception {
    mock.enqueue(json(200, "{\"error\": \"Contact limit reached\"}"));

    ValidationException e = Thrown.by(ValidationException.class, mock::createAnn);

    assertThat(e).hasMessage("POST " + API + "users/ failed: HTTP 200 (Contact limit reached)");
    assertThat(e.fieldErrors()).containsExactly(FieldError.of("", List.of("Contact limit reached")));
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void successStatusWithAnEmptyErrorArrayIsAValidationException() throws Exception {
    mock.enqueue(json(200, "{\"error\": []}"));

    ValidationException e = Thrown.by(ValidationException.class, mock::createAnn);

    assertThat(e).hasMessage("POST " + API + "users/ failed: HTTP 200 (error body)");
    assertThat(e.fieldErrors()).isEmpty();
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void anErrorKeyBesideOtherDataIsNotAnEnvelope() throws Exception {
    mock.enqueue(json(200, "{\"error\": [], \"id\": 5}"));

    Map<String, Object> answer = mock.createAnn();

    assertThat(answer).containsEntry("id", 5.0);
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void queryStringValuesNeverReachTheMessage() throws Exception {
    mock.enqueue(json(404, "{}"));

    NotFoundException e = Thrown.by(NotFoundException.class,
        () -> mock.transport().execute(mock.api().search("email:private.person@example.com")));

    assertThat(e).hasMessage("GET " + API + "users/ failed: HTTP 404");
    assertThat(e.path()).isEqualTo(API + "users/");
    assertThat(mock.take().getPath()).contains("private.person");
  }

  @Test
  void bodyExcerptIsBoundedAndKeptOutOfTheMessage() throws Exception {
    String longBody = "x".repeat(5000);
    mock.enqueue(new MockResponse().setResponseCode(409).setBody(longBody));

    UnexpectedStatusException e = Thrown.by(UnexpectedStatusException.class, mock::createAnn);

    assertThat(e.bodyExcerpt()).hasValue("x".repeat(HappyFoxException.MAX_BODY_EXCERPT_CHARS));
    assertThat(e.getMessage()).doesNotContain("xxx");
    assertOneRequest("POST", API + "users/");
  }

  @Test
  void djangoStyleFieldMapIsParsed() throws Exception {
    mock.enqueue(json(400, "{\"error\": {\"email\": [\"Enter a valid email address.\"]}}"));

    ValidationException e = Thrown.by(ValidationException.class, mock::createAnn);

    assertThat(e.fieldErrors())
        .containsExactly(FieldError.of("email", List.of("Enter a valid email address.")));
    assertOneRequest("POST", API + "users/");
  }
}
