package io.github.hfcontacts.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomField;
import io.github.hfcontacts.openapi.model.ContactCustomFieldValue;
import io.github.hfcontacts.openapi.model.ContactUpdate;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.ContactUpsertRequest;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.model.ContactUpsertResult;
import io.github.hfcontacts.openapi.model.LoginFlag;
import io.github.hfcontacts.openapi.model.Phone;
import io.github.hfcontacts.openapi.model.PhoneInput;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated models on the wire: sum types, custom-field keys, open values, unset versus null. */
class ModelJsonTest {
  final Moshi moshi = HappyFoxMoshi.create();
  final JsonAdapter<ContactUpsertRequest> request = moshi.adapter(ContactUpsertRequest.class);
  final JsonAdapter<ContactUpsertResponse> response = moshi.adapter(ContactUpsertResponse.class);

  @Test
  void upsertRequestWritesAndReadsTheObjectShape() throws IOException {
    ContactUpsertRequest one = ContactUpsertRequest.ofContactUpsert(new ContactUpsert().email("a@example.com").name("A"));
    assertThat(request.toJson(one)).isEqualTo("{\"name\":\"A\",\"email\":\"a@example.com\"}");
    ContactUpsertRequest read = request.fromJson("{\"email\":\"a@example.com\",\"name\":\"A\"}");
    assertThat(read.isContactUpsert()).isTrue();
    assertThat(read.isContactUpsertList()).isFalse();
    assertThat(read.getContactUpsert().getName()).isEqualTo("A");
    assertThatThrownBy(read::getContactUpsertList).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void upsertRequestWritesAndReadsTheArrayShape() throws IOException {
    ContactUpsertRequest many = ContactUpsertRequest.ofContactUpsertList(List.of(
        new ContactUpsert().email("a@example.com"), new ContactUpsert().email("b@example.com")));
    assertThat(request.toJson(many)).isEqualTo("[{\"email\":\"a@example.com\"},{\"email\":\"b@example.com\"}]");
    ContactUpsertRequest read = request.fromJson("[{\"email\":\"a@example.com\"}]");
    assertThat(read.isContactUpsertList()).isTrue();
    assertThat(read.getContactUpsertList()).extracting(ContactUpsert::getEmail).containsExactly("a@example.com");
  }

  @Test
  void upsertResponseReadsAContactOrPerItemResults() throws IOException {
    ContactUpsertResponse contact = response.fromJson("{\"id\":34,\"name\":\"A\",\"email\":null}");
    assertThat(contact.isContact()).isTrue();
    assertThat(contact.getContact().getId()).isEqualTo(34L);
    ContactUpsertResponse results = response.fromJson(
        "[{\"email\":\"a@example.com\",\"success\":true,\"id\":14},{\"email\":\"b@example.com\",\"success\":false,"
            + "\"errors\":[{\"field\":\"name\",\"errors\":[\"This field is required.\"]}]}]");
    assertThat(results.isContactUpsertResultList()).isTrue();
    List<ContactUpsertResult> items = results.getContactUpsertResultList();
    assertThat(items).extracting(ContactUpsertResult::getSuccess).containsExactly(true, false);
    assertThat(items.get(1).getErrors().get(0).getErrors()).containsExactly("This field is required.");
    assertThat(response.toJson(results)).startsWith("[{\"email\":\"a@example.com\",\"success\":true,\"id\":14}");
  }

  @Test
  void aSumTypeRefusesAShapeItDoesNotHave() {
    assertThatThrownBy(() -> response.fromJson("\"text\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("ContactUpsertResponse")
        .hasMessageContaining("STRING");
  }

  @Test
  void customFieldKeysRoundTripWithExactValues() throws IOException {
    ContactUpsert upsert = new ContactUpsert().email("a@example.com")
        .putAdditionalProperty("c-cf-1", "text value")
        .putAdditionalProperty("c-cf-2", new BigDecimal("12.50"))
        .putAdditionalProperty("c-cf-3", 7L)
        .putAdditionalProperty("c-cf-4", List.of(1L, 2L))
        .putAdditionalProperty("c-cf-5", "2026-11-27")
        .putAdditionalProperty("c-cf-6", null);
    JsonAdapter<ContactUpsert> adapter = moshi.adapter(ContactUpsert.class);
    String json = adapter.toJson(upsert);
    assertThat(json).isEqualTo("{\"email\":\"a@example.com\",\"c-cf-1\":\"text value\",\"c-cf-2\":12.50,"
        + "\"c-cf-3\":7,\"c-cf-4\":[1,2],\"c-cf-5\":\"2026-11-27\",\"c-cf-6\":null}");
    ContactUpsert read = adapter.fromJson(json);
    assertThat(read.getAdditionalProperties()).containsExactly(
        Map.entry("c-cf-1", "text value"), Map.entry("c-cf-2", new BigDecimal("12.50")),
        Map.entry("c-cf-3", 7L), Map.entry("c-cf-4", List.of(1L, 2L)), Map.entry("c-cf-5", "2026-11-27"),
        new java.util.AbstractMap.SimpleEntry<>("c-cf-6", null));
    assertThat(read).isEqualTo(upsert);
    assertThat(adapter.toJson(read)).isEqualTo(json);
  }

  @Test
  void anAdditionalPropertyCannotShadowADeclaredOne() {
    ContactUpdate update = new ContactUpdate().putAdditionalProperty("name", "sneaky");
    assertThatThrownBy(() -> moshi.adapter(ContactUpdate.class).toJson(update))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("'name'");
  }

  @Test
  void openValuesKeepAValueThisVersionDoesNotKnow() throws IOException {
    String json = "{\"id\":9,\"type\":\"fax\",\"number\":\"123\"}";
    Phone phone = moshi.adapter(Phone.class).fromJson(json);
    assertThat(phone.getType()).isEqualTo("fax");
    assertThat(phone.getNumber()).isEqualTo("123");
    assertThat(moshi.adapter(Phone.class).toJson(phone)).isEqualTo(json);
    ContactCustomField field = moshi.adapter(ContactCustomField.class)
        .fromJson("{\"id\":4,\"name\":\"Tier\",\"type\":\"multiple_select\"}");
    assertThat(field.getType()).isEqualTo("multiple_select");
  }

  @Test
  void anOpenValueReadFromTheServerIsSentBackUnchanged() {
    PhoneInput input = new PhoneInput().id(9L).number("456").type("fax");
    assertThat(moshi.adapter(PhoneInput.class).toJson(input))
        .isEqualTo("{\"id\":9,\"type\":\"fax\",\"number\":\"456\"}");
  }

  @Test
  void aContactWithoutPhonesHasANullPrimaryPhoneWrittenBackAsNull() throws IOException {
    String json = "{\"id\":33,\"name\":\"James may\",\"email\":\"james@example.com\",\"primary_phone\":null,"
        + "\"phones\":[]}";
    Contact contact = moshi.adapter(Contact.class).fromJson(json);
    assertThat(contact.getPrimaryPhone()).isNull();
    assertThat(contact.getPhones()).isEmpty();
    assertThat(moshi.adapter(Contact.class).toJson(contact)).isEqualTo(json);
  }

  @Test
  void closedEnumsRefuseUnknownValues() {
    assertThatThrownBy(() -> moshi.adapter(LoginFlag.class).fromJson("\"MAYBE\""))
        .isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> LoginFlag.fromValue("true")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loginFlagIsWrittenAsTheStringsTrueAndFalse() {
    JsonAdapter<ContactUpdate> adapter = moshi.adapter(ContactUpdate.class);
    assertThat(adapter.toJson(new ContactUpdate().isLoginEnabled(LoginFlag.TRUE))).isEqualTo("{\"is_login_enabled\":\"TRUE\"}");
    assertThat(adapter.toJson(new ContactUpdate().isLoginEnabled(LoginFlag.FALSE))).isEqualTo("{\"is_login_enabled\":\"FALSE\"}");
  }

  @Test
  void fieldsANewerServerAddsToAResponseAreKept() throws IOException {
    String json = "{\"id\":1,\"name\":\"A\",\"email\":\"a@example.com\",\"brand_new\":{\"x\":[1,2]},\"another\":null}";
    Contact contact = moshi.adapter(Contact.class).fromJson(json);
    assertThat(contact.getId()).isEqualTo(1L);
    assertThat(contact.getAdditionalProperties()).containsOnlyKeys("brand_new", "another");
    assertThat(contact.getAdditionalProperty("brand_new")).isEqualTo(Map.of("x", List.of(1L, 2L)));
    assertThat(moshi.adapter(Contact.class).toJson(contact)).isEqualTo(json);
  }

  @Test
  void unknownPropertiesOfARequestModelAreIgnored() throws IOException {
    PhoneInput input = moshi.adapter(PhoneInput.class).fromJson("{\"number\":\"1\",\"extension\":\"22\"}");
    assertThat(moshi.adapter(PhoneInput.class).toJson(input)).isEqualTo("{\"number\":\"1\"}");
  }

  @Test
  void nothingIsSentThatTheCallerDidNotSet() {
    JsonAdapter<ContactUpsert> adapter = moshi.adapter(ContactUpsert.class);
    assertThat(adapter.toJson(new ContactUpsert())).isEqualTo("{}");
    assertThat(adapter.toJson(new ContactUpsert().email("a@example.com"))).isEqualTo("{\"email\":\"a@example.com\"}");
    assertThat(new ContactUpsert().getPhones()).isNull();
  }

  @Test
  void aNullableValueSetToNullIsSentAsNull() {
    JsonAdapter<ContactUpsert> adapter = moshi.adapter(ContactUpsert.class);
    ContactUpsert phoneOnly = new ContactUpsert().email(null).addPhonesItem(new PhoneInput().number("123").type("mo"));
    assertThat(adapter.toJson(phoneOnly)).isEqualTo("{\"email\":null,\"phones\":[{\"type\":\"mo\",\"number\":\"123\"}]}");
    assertThat(adapter.toJson(phoneOnly.email("x@example.com"))).startsWith("{\"email\":\"x@example.com\"");
  }

  @Test
  void aNonNullablePropertySetToNullIsUnset() {
    assertThat(moshi.adapter(ContactUpsert.class).toJson(new ContactUpsert().name("A").name(null))).isEqualTo("{}");
  }

  @Test
  void anEditCannotSendANullEmail() throws IOException {
    JsonAdapter<ContactUpdate> adapter = moshi.adapter(ContactUpdate.class);
    assertThat(adapter.toJson(new ContactUpdate().name("Grace").email(null))).isEqualTo("{\"name\":\"Grace\"}");
    assertThat(adapter.toJson(new ContactUpdate().email("g@example.com").email(null))).isEqualTo("{}");
    assertThat(adapter.toJson(adapter.fromJson("{\"name\":\"Grace\",\"email\":null}"))).isEqualTo("{\"name\":\"Grace\"}");
  }

  @Test
  void anExplicitlyEmptyListIsSent() {
    assertThat(moshi.adapter(ContactUpsert.class).toJson(new ContactUpsert().phones(new ArrayList<>())))
        .isEqualTo("{\"phones\":[]}");
  }

  @Test
  void nullsReadFromAResponseAreWrittenBack() throws IOException {
    String json = "{\"id\":13,\"name\":\"A\",\"type\":\"text\",\"value\":null,\"value_id\":null}";
    ContactCustomFieldValue value = moshi.adapter(ContactCustomFieldValue.class).fromJson(json);
    assertThat(value.getValue()).isNull();
    assertThat(moshi.adapter(ContactCustomFieldValue.class).toJson(value)).isEqualTo(json);
  }

  @Test
  void anyValuePropertiesKeepIntegersExact() throws IOException {
    ContactCustomFieldValue value = moshi.adapter(ContactCustomFieldValue.class)
        .fromJson("{\"id\":5,\"type\":\"multiple_choice\",\"value\":\"APAC, Europe\",\"value_id\":[3,2]}");
    assertThat(value.getValueId()).isEqualTo(List.of(3L, 2L));
    assertThat(value.getType()).isEqualTo("multiple_choice");
  }

  @Test
  void listsOfModelsUseTheSameRules() throws IOException {
    JsonAdapter<List<ContactUpsert>> adapter = moshi.adapter(Types.newParameterizedType(List.class, ContactUpsert.class));
    List<ContactUpsert> read = adapter.fromJson("[{\"email\":\"a@example.com\",\"c-cf-4\":\"XHR1234\"}]");
    assertThat(read.get(0).getAdditionalProperty("c-cf-4")).isEqualTo("XHR1234");
  }
}
