package io.github.hfcontacts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every named example of the spec reads into its generated model and writes back to equivalent JSON. */
class ExampleRoundTripTest {
  static final Moshi MOSHI = HappyFoxMoshi.create();
  static final JsonAdapter<Object> TREE = MOSHI.adapter(Object.class);

  @Test
  void theSpecHasExamplesForEveryOperation() {
    List<SpecExamples.NamedExample> examples = SpecExamples.all();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(30);
    assertThat(examples).extracting(e -> e.where().substring(0, e.where().indexOf(' ')))
        .contains("listContacts", "getContact", "createOrUpdateContacts", "updateContact", "listContactGroups",
            "createContactGroup", "getContactGroup", "updateContactGroup", "addContactsToGroup",
            "removeContactsFromGroup", "listContactCustomFields");
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRoundTrips() {
    return SpecExamples.all().stream().map(example -> DynamicTest.dynamicTest(example.where(), () -> {
      JsonAdapter<Object> adapter = MOSHI.adapter(example.type());
      Object model = adapter.fromJson(example.json());
      assertThat(model).as("parsed model").isNotNull();
      if (example.type() instanceof Class<?> cls) {
        assertThat(model).isInstanceOf(cls);
      } else {
        assertThat(model).isInstanceOf(List.class);
      }
      String written = adapter.toJson(model);
      assertThat(TREE.fromJson(written)).as("written back").isEqualTo(TREE.fromJson(example.json()));
      assertThat(adapter.fromJson(written)).as("read again").isEqualTo(model);
    }));
  }
}
