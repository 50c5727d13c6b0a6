package io.github.hfcontacts.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomFieldValue;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.PhoneInput;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import io.github.hfcontacts.openapi.moshi.OpenApiModel;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Moshi runtime's bookkeeping (explicit nulls, additional properties, required properties)
 * and its bounds on number text.
 */
class ModelRuntimeTest {
  static final int LIMIT = HappyFoxMoshi.MAX_NUMBER_CHARS;
  final Moshi moshi = HappyFoxMoshi.create();
  final JsonAdapter<Contact> contacts = moshi.adapter(Contact.class);
  final JsonAdapter<ContactCustomFieldValue> fieldValues = moshi.adapter(ContactCustomFieldValue.class);

  static List<Class<?>> modelClasses() throws IOException, ClassNotFoundException {
    Path dir = Path.of("target/classes/io/github/hfcontacts/openapi/model");
    List<Class<?>> models = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (String file : files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList())) {
        if (file.endsWith(".class") && !file.contains("$")) {
          Class<?> type = Class.forName("io.github.hfcontacts.openapi.model." + file.replace(".class", ""));
          if (type.isAnnotationPresent(OpenApiModel.class)) {
            models.add(type);
          }
        }
      }
    }
    return models;
  }

  @Test
  void aNewModelHoldsNoCollectionsUntilOneIsNeeded() throws Exception {
    List<Class<?>> models = modelClasses();
    assertThat(models).extracting(Class::getSimpleName).contains("Contact", "ContactUpsert", "Phone");
    for (Class<?> model : models) {
      Object fresh = model.getDeclaredConstructor().newInstance();
      for (Field field : model.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        field.setAccessible(true);
        assertThat(field.get(fresh)).as(model.getSimpleName() + "." + field.getName()).isNull();
      }
      // Every model gets an adapter: at most 64 properties, each listed in the null bits.
      assertThat(moshi.adapter(model)).isNotNull();
    }
  }

  @Test
  void readingAnObjectWithoutExtraKeysCreatesNoMap() throws Exception {
    ContactUpsert read = moshi.adapter(ContactUpsert.class).fromJson("{\"email\":\"a@example.com\",\"name\":\"A\"}");
    Field map = ContactUpsert.class.getDeclaredField("additionalProperties");
    map.setAccessible(true);
    assertThat(map.get(read)).isNull();
    assertThat(read.getAdditionalProperties()).isEmpty();
    assertThat(read.getAdditionalProperty("c-cf-1")).isNull();
    assertThat(read).isEqualTo(new ContactUpsert().email("a@example.com").name("A"));
    assertThat(read.hashCode()).isEqualTo(new ContactUpsert().email("a@example.com").name("A").hashCode());
  }

  @Test
  void eachExplicitNullIsWrittenBackAtItsOwnProperty() throws IOException {
    String json = "{\"id\":7,\"name\":\"A\",\"email\":null,\"primary_phone\":null,\"updated_at\":null}";
    Contact contact = contacts.fromJson(json);
    assertThat(contacts.toJson(contact)).isEqualTo(json);
    contact.setEmail("a@example.com");
    assertThat(contacts.toJson(contact))
        .isEqualTo("{\"id\":7,\"name\":\"A\",\"email\":\"a@example.com\",\"primary_phone\":null,\"updated_at\":null}");
  }

  @Test
  void explicitNullAndUnsetAreDifferentValues() {
    ContactUpsert unset = new ContactUpsert().name("A");
    ContactUpsert nulled = new ContactUpsert().name("A").email(null);
    assertThat(nulled).isNotEqualTo(unset);
    assertThat(nulled.email("x@example.com").email(null)).isNotEqualTo(unset);
    assertThat(new ContactUpsert().email(null)).isEqualTo(new ContactUpsert().email(null));
  }

  @Test
  void aValueReadAfterANullReplacesIt() throws IOException {
    ContactCustomFieldValue value = fieldValues.fromJson("{\"id\":3,\"value\":null,\"value\":\"x\"}");
    assertThat(fieldValues.toJson(value)).isEqualTo("{\"id\":3,\"value\":\"x\"}");
  }

  @Test
  void addingAnItemClearsAnExplicitNullList() {
    ContactUpsert upsert = new ContactUpsert().email("a@example.com").addPhonesItem(new PhoneInput().number("1"));
    assertThat(moshi.adapter(ContactUpsert.class).toJson(upsert))
        .isEqualTo("{\"email\":\"a@example.com\",\"phones\":[{\"number\":\"1\"}]}");
  }

  @Test
  void anEmptyObjectIsNotAContact() {
    assertThatThrownBy(() -> contacts.fromJson("{}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Required property 'id' of Contact is missing or null at path $");
  }

  @Test
  void aContactWithoutIdIsRefusedWithItsPath() {
    String page = "{\"page_info\":{\"count\":2,\"page_count\":1},\"data\":["
        + "{\"id\":1,\"name\":\"A\",\"email\":null},{\"name\":\"B\",\"email\":\"b@example.com\"}]}";
    assertThatThrownBy(() -> moshi.adapter(ContactPage.class).fromJson(page))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Required property 'id' of Contact is missing or null at path $.data[1]");
  }

  @Test
  void aRequiredNullablePropertyMayBeNullButNotAbsent() throws IOException {
    assertThat(contacts.fromJson("{\"id\":1,\"name\":\"A\",\"email\":null}").getEmail()).isNull();
    assertThatThrownBy(() -> contacts.fromJson("{\"id\":1,\"name\":\"A\"}"))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("'email'");
  }

  @Test
  void aRequiredPropertyThatIsNotNullableMustNotBeNull() {
    assertThatThrownBy(() -> contacts.fromJson("{\"id\":null,\"name\":\"A\",\"email\":null}"))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("'id'");
  }

  @Test
  void aLongNumberInAnAnyValuePropertyIsRefusedBeforeConversion() {
    String digits = "9".repeat(100_000);
    assertThatThrownBy(() -> fieldValues.fromJson("{\"id\":6,\"value\":" + digits + "}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Number of 100000 characters exceeds the limit of " + LIMIT + " at path $.value");
    assertThatThrownBy(() -> fieldValues.fromJson("{\"id\":6,\"value_id\":[1,0." + digits + "]}"))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("$.value_id[1]");
  }

  @Test
  void numbersUpToTheLimitStayExact() throws IOException {
    // Not "1" and zeros: Moshi's reader refuses 1 followed by 64 or more zeros as malformed.
    String integer = "1234567890".repeat(LIMIT / 10);
    String decimal = "0." + "3".repeat(LIMIT - 2);
    ContactCustomFieldValue value = fieldValues.fromJson(
        "{\"id\":6,\"value\":" + integer + ",\"value_id\":" + decimal + "}");
    assertThat(value.getValue()).isEqualTo(new BigInteger(integer));
    assertThat(value.getValueId()).isEqualTo(new BigDecimal(decimal));
    assertThat(fieldValues.fromJson("{\"id\":6,\"value\":-9223372036854775808}").getValue())
        .isEqualTo(Long.MIN_VALUE);
    assertThat(fieldValues.fromJson("{\"id\":6,\"value\":9223372036854775808}").getValue())
        .isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(fieldValues.fromJson("{\"id\":6,\"value\":-0}").getValue()).isEqualTo(0L);
  }

  @Test
  void bigDecimalAndBigIntegerTextIsBounded() throws IOException {
    String digits = "7".repeat(LIMIT + 1);
    assertThatThrownBy(() -> moshi.adapter(BigDecimal.class).fromJson(digits))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("exceeds the limit");
    assertThatThrownBy(() -> moshi.adapter(BigInteger.class).fromJson("\"" + digits + "\""))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("exceeds the limit");
    assertThat(moshi.adapter(BigDecimal.class).fromJson("12.50")).isEqualTo(new BigDecimal("12.50"));
  }

  @Test
  void aQuotedLongIsReadLikeMoshiButBounded() throws IOException {
    assertThat(contacts.fromJson("{\"id\":\"33\",\"name\":\"A\",\"email\":null}").getId()).isEqualTo(33L);
    assertThat(contacts.fromJson("{\"id\":\"3.0e1\",\"name\":\"A\",\"email\":null}").getId()).isEqualTo(30L);
    assertThat(contacts.fromJson("{\"id\":9007199254740993,\"name\":\"A\",\"email\":null}").getId())
        .isEqualTo(9007199254740993L);
    assertThatThrownBy(() -> contacts.fromJson("{\"id\":\"" + "1".repeat(100_000) + "\",\"name\":\"A\",\"email\":null}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Number of 100000 characters exceeds the limit of " + LIMIT + " at path $.id");
  }

  @Test
  void aStringWhereALongBelongsIsNotEchoed() {
    assertThatThrownBy(() -> contacts.fromJson("{\"id\":\"SECRET-1\",\"name\":\"A\",\"email\":null}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.id")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void anyValuesOfEveryKindAreWrittenBack() throws IOException {
    String json = "{\"id\":6,\"value\":[\"a\",1,2.50,true,null,{\"k\":[3]},18446744073709551616],"
        + "\"value_id\":{\"x\":-1.5e300}}";
    ContactCustomFieldValue value = fieldValues.fromJson(json);
    assertThat(fieldValues.toJson(value)).isEqualTo(json.replace("-1.5e300", "-1.5E+300"));
    value.setValue(3.5d);
    assertThat(fieldValues.toJson(value)).startsWith("{\"id\":6,\"value\":3.5,");
  }
}
