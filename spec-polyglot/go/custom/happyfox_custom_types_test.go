// Tests of the hand-written object-or-array types, run with the generated package by
// GoCustomTypesIT (go test, GOPATH mode).
package happyfox

import (
	"encoding/json"
	"strings"
	"testing"
)

func contact(email string) ContactUpsert {
	return *NewContactUpsert(*NewNullableString(&email))
}

func encode(t *testing.T, value interface{}) string {
	t.Helper()
	data, err := json.Marshal(value)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return string(data)
}

func refused(t *testing.T, value interface{}, want string) {
	t.Helper()
	_, err := json.Marshal(value)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("want an error containing %q, got %v", want, err)
	}
}

func TestOneContactIsSentAsAnObject(t *testing.T) {
	got := encode(t, OneContactUpsert(contact("ada@example.com")))
	if got != `{"email":"ada@example.com"}` {
		t.Fatalf("got %s", got)
	}
}

func TestManyContactsAreSentAsAnArrayInOrder(t *testing.T) {
	got := encode(t, ManyContactUpserts([]ContactUpsert{contact("a@example.com"), contact("b@example.com")}))
	if got != `[{"email":"a@example.com"},{"email":"b@example.com"}]` {
		t.Fatalf("got %s", got)
	}
}

func TestAnEmptyOrOversizedBatchIsRefusedBeforeSending(t *testing.T) {
	refused(t, ManyContactUpserts(nil), "Many has 0 contacts; a batch takes 1 to 100")
	batch := make([]ContactUpsert, 101)
	for i := range batch {
		batch[i] = contact("c@example.com")
	}
	refused(t, ManyContactUpserts(batch), "Many has 101 contacts")
	if got := encode(t, ManyContactUpserts(batch[:100])); !strings.HasPrefix(got, "[{") {
		t.Fatalf("a batch of 100 was not sent as an array: %.20s", got)
	}
}

func TestARequestWithNeitherOrBothFormsIsRefused(t *testing.T) {
	refused(t, ContactUpsertRequest{}, "neither One nor Many is set")
	one := contact("a@example.com")
	refused(t, ContactUpsertRequest{One: &one, Many: []ContactUpsert{one}}, "both One and Many are set")
}

func TestARequestIsReadBackInTheFormItWasWritten(t *testing.T) {
	var one, many ContactUpsertRequest
	if err := json.Unmarshal([]byte(` {"email": "a@example.com", "c-cf-4": "X"}`), &one); err != nil {
		t.Fatal(err)
	}
	if one.One == nil || one.Many != nil || one.One.GetEmail() != "a@example.com" ||
		one.One.AdditionalProperties["c-cf-4"] != "X" {
		t.Fatalf("object read as %+v", one)
	}
	if err := json.Unmarshal([]byte(`[{"email": null, "phones": [{"number": "1"}]}]`), &many); err != nil {
		t.Fatal(err)
	}
	if many.One != nil || len(many.Many) != 1 || many.Many[0].Email.Get() != nil {
		t.Fatalf("array read as %+v", many)
	}
}

func TestAnObjectAnswerIsTheSavedContact(t *testing.T) {
	var answer ContactUpsertResponse
	if err := json.Unmarshal([]byte(`{"id": 7, "name": "Ada", "email": "ada@example.com", "new_field": 1}`), &answer); err != nil {
		t.Fatal(err)
	}
	if answer.Results != nil || answer.Contact == nil || answer.Contact.GetId() != 7 {
		t.Fatalf("read as %+v", answer)
	}
	if got := encode(t, answer); !strings.Contains(got, `"new_field":1`) || !strings.HasPrefix(got, "{") {
		t.Fatalf("written back as %s", got)
	}
}

func TestAnArrayAnswerIsOneResultPerItem(t *testing.T) {
	var answer ContactUpsertResponse
	body := `[{"email": "a@example.com", "success": true, "id": 3}, {"email": "b@", "success": false}]`
	if err := json.Unmarshal([]byte(body), &answer); err != nil {
		t.Fatal(err)
	}
	if answer.Contact != nil || len(answer.Results) != 2 || !answer.Results[0].GetSuccess() ||
		answer.Results[1].GetSuccess() {
		t.Fatalf("read as %+v", answer)
	}
	var empty ContactUpsertResponse
	if err := json.Unmarshal([]byte(`[]`), &empty); err != nil || encode(t, empty) != "[]" {
		t.Fatalf("an empty array answer: %v, %+v", err, empty)
	}
}

func TestAnAnswerThatIsNeitherObjectNorArrayIsAnError(t *testing.T) {
	for _, body := range []string{`null`, `"saved"`, `42`, ``} {
		var answer ContactUpsertResponse
		err := json.Unmarshal([]byte(body), &answer)
		if err == nil {
			t.Fatalf("%q was accepted as %+v", body, answer)
		}
	}
	var answer ContactUpsertResponse
	err := answer.UnmarshalJSON([]byte(`"saved"`))
	if err == nil || err.Error() != `ContactUpsertResponse: expected a JSON object or array, got "\"saved\""` {
		t.Fatalf("got %v", err)
	}
}

func TestAnObjectAnswerMissingARequiredPropertyNamesIt(t *testing.T) {
	var answer ContactUpsertResponse
	err := json.Unmarshal([]byte(`{"email": "a@example.com", "success": true, "id": 3}`), &answer)
	if err == nil || !strings.Contains(err.Error(), "ContactUpsertResponse: the contact: no value given for required property name") {
		t.Fatalf("got %v", err)
	}
	if answer.Contact != nil || answer.Results != nil {
		t.Fatalf("a failed read left %+v", answer)
	}
}
