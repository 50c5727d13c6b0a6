package io.github.hfcontacts.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.CustomFieldDefinition;
import io.github.hfcontacts.client.CustomFieldValidationException;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.client.CustomFields;
import io.github.hfcontacts.client.FieldError;
import io.github.hfcontacts.client.FieldType;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.ValidationException;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import io.github.hfcontacts.sandbox.SandboxCustomField;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Custom-field definitions and validation, by the server and by the client, through the proxy. */
class CustomFieldsE2eTest {

    private static final Map<Long, String> REGIONS = new LinkedHashMap<>();

    static {
        REGIONS.put(3L, "APAC");
        REGIONS.put(2L, "Europe");
    }

    @RegisterExtension
    static final SandboxBehindPrism E2E = SandboxBehindPrism.of(HappyFoxSandbox.builder().customFields(List.of(
            SandboxCustomField.text(13, "A").required(),
            SandboxCustomField.choice(5, "Region ID", REGIONS),
            SandboxCustomField.number(6, "Credit Limit"),
            SandboxCustomField.multipleChoice(7, "Products", Map.of(11L, "Helpdesk")),
            SandboxCustomField.date(8, "Renewal Date"))));

    private HappyFoxClient client;

    @BeforeEach
    void client() {
        client = E2E.client();
    }

    private static ContactDraft.Builder draft() {
        return ContactDraft.builder().name("C").email("c@example.com");
    }

    @Test
    void definitionsOfEveryTypeAreRead() {
        CustomFields fields = client.customFields();

        assertThat(fields.definitions()).extracting(CustomFieldDefinition::type).containsExactly(FieldType.TEXT,
                FieldType.CHOICE, FieldType.NUMBER, FieldType.MULTIPLE_CHOICE, FieldType.DATE);
        assertThat(fields.definition(13)).hasValueSatisfying(field -> assertThat(field.required()).isTrue());
        assertThat(fields.refresh()).hasSize(5);
        fields.validate(List.of(CustomFieldValue.choice(5, 3), CustomFieldValue.text(13, "x")), true);
        assertThatThrownBy(() -> fields.validate(List.of(CustomFieldValue.number(8, 1)), false))
                .isInstanceOf(CustomFieldValidationException.class);
        assertThat(E2E.sandbox().stats().getRequests()).isEqualTo(2);
    }

    @Test
    void theServerRefusesAMissingRequiredFieldWithTheVendorsBody() {
        assertThatThrownBy(() -> client.contacts()
            .upsertResettingOmittedCustomFields(draft().build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field, FieldError::messages)
                        .containsExactly(org.assertj.core.api.Assertions.tuple("c-cf-13",
                                List.of("This field is required"))));
        assertThat(E2E.sandbox().stats().contacts()).isZero();
        assertThat(E2E.sandbox().stats().responses(400)).isEqualTo(1);
    }

    @Test
    void theServerRefusesValuesThatDoNotFitTheirField() {
        assertThatThrownBy(() -> client.contacts()
            .upsertResettingOmittedCustomFields(draft().customField(CustomFieldValue.text(13, "x"))
                .customField(CustomFieldValue.choice(5, 4)).customField(CustomFieldValue.text(6, "many")).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("c-cf-5", "c-cf-6"));
        assertThat(E2E.sandbox().stats().contacts()).isZero();
    }

    @Test
    void validValuesOfEveryTypeAreStored() {
        client.contacts()
            .upsertResettingOmittedCustomFields(draft().customField(CustomFieldValue.text(13, "x"))
                .customField(CustomFieldValue.choice(5, 2))
                .customField(CustomFieldValue.number(6, new BigDecimal("0.1")))
                .customField(CustomFieldValue.multipleChoice(7, List.of(11L)))
                .customField(CustomFieldValue.date(8, java.time.LocalDate.of(2026, 2, 28))).build());

        assertThat(E2E.sandbox().contacts().get(0).getCustomFields())
                .extracting(value -> String.valueOf(value.getValue()))
                .containsExactly("x", "Europe", "0.1", "[Helpdesk]", "2026-02-28");
    }

    @Test
    void theClientCanCheckValuesBeforeSendingAnything() {
        long postsBefore = E2E.sandbox().stats().postRequests();

        assertThatThrownBy(() -> client.contacts().withCustomFieldValidation()
            .upsertResettingOmittedCustomFields(draft()
                .customField(CustomFieldValue.choice(5, 9)).build()))
                .isInstanceOfSatisfying(CustomFieldValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("choice 9"))
                        .anySatisfy(p -> assertThat(p).contains("required")));
        assertThat(E2E.sandbox().stats().postRequests()).isEqualTo(postsBefore);
        assertThat(E2E.sandbox().stats().getRequests()).isEqualTo(1);
    }
}
