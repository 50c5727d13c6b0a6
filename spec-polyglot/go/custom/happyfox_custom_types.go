// The two schemas of the HappyFox contract that are one object or an array of objects, the body
// and the answer of POST /users/, written by hand and mapped in with schemaMappings (see
// ../config.yaml): the go generator then makes no struct of its own for them. Copy this file
// into the generated package (package happyfox). It needs the standard library only (Go 1.18
// or newer: two small generic helpers).
//
// Each value is a sum type: exactly one of its two fields is set, and the JSON's first character
// ('{' or '[') says which one is read, so no branch is ever guessed.
package happyfox

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// maxUpsertBatch is the most contacts one POST /users/ takes (ContactUpsertBatch.maxItems).
const maxUpsertBatch = 100

// ContactUpsertRequest is the body of POST /users/: one contact (One), or an array of 1 to 100
// contacts (Many). Build it with OneContactUpsert or ManyContactUpserts; encoding a value with
// neither or both set, or with a batch of the wrong size, fails before anything is sent.
type ContactUpsertRequest struct {
	One  *ContactUpsert
	Many []ContactUpsert
}

// OneContactUpsert is the body that creates or updates one contact; the answer is the contact.
func OneContactUpsert(contact ContactUpsert) ContactUpsertRequest {
	return ContactUpsertRequest{One: &contact}
}

// ManyContactUpserts is the body that creates or updates 1 to 100 contacts; the answer has one
// result per contact, in this order.
func ManyContactUpserts(contacts []ContactUpsert) ContactUpsertRequest {
	if contacts == nil {
		contacts = []ContactUpsert{}
	}
	return ContactUpsertRequest{Many: contacts}
}

// MarshalJSON writes the contact object or the array of contacts.
func (r ContactUpsertRequest) MarshalJSON() ([]byte, error) {
	if r.One == nil && r.Many != nil && (len(r.Many) == 0 || len(r.Many) > maxUpsertBatch) {
		return nil, fmt.Errorf("ContactUpsertRequest: Many has %d contacts; a batch takes 1 to %d",
			len(r.Many), maxUpsertBatch)
	}
	return writeObjectOrArray("ContactUpsertRequest", "One", "Many", r.One, r.Many)
}

// UnmarshalJSON reads an object into One or an array into Many.
func (r *ContactUpsertRequest) UnmarshalJSON(data []byte) error {
	return readObjectOrArray("ContactUpsertRequest", "the contact", "the array", data, &r.One, &r.Many)
}

// ContactUpsertResponse is the answer of POST /users/: the saved contact (Contact) for a body of
// one contact, or one result per item, in request order (Results), for an array body.
type ContactUpsertResponse struct {
	Contact *Contact
	Results []ContactUpsertResult
}

// MarshalJSON writes the contact or the array of results.
func (r ContactUpsertResponse) MarshalJSON() ([]byte, error) {
	return writeObjectOrArray("ContactUpsertResponse", "Contact", "Results", r.Contact, r.Results)
}

// UnmarshalJSON reads an object into Contact or an array into Results.
func (r *ContactUpsertResponse) UnmarshalJSON(data []byte) error {
	return readObjectOrArray("ContactUpsertResponse", "the contact", "the results", data,
		&r.Contact, &r.Results)
}

// readObjectOrArray decodes a JSON object into *one or a JSON array into *many, as the first
// character after white space says, and leaves the other nil; on failure both are nil and the
// error names the type (name) and the form that failed (object or array).
func readObjectOrArray[O any, I any](name, object, array string, data []byte, one **O, many *[]I) error {
	*one, *many = nil, nil
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(trimmed) > 0 && trimmed[0] == '{':
		var value O
		if err := json.Unmarshal(data, &value); err != nil {
			return fmt.Errorf("%s: %s: %w", name, object, err)
		}
		*one = &value
		return nil
	case len(trimmed) > 0 && trimmed[0] == '[':
		items := []I{}
		if err := json.Unmarshal(data, &items); err != nil {
			return fmt.Errorf("%s: %s: %w", name, array, err)
		}
		*many = items
		return nil
	}
	if len(trimmed) > 20 {
		trimmed = trimmed[:20]
	}
	return fmt.Errorf("%s: expected a JSON object or array, got %q", name, trimmed)
}

// writeObjectOrArray encodes the one of its two forms that is set (one as an object, many as an
// array), and fails when neither or both are, naming the type and its fields.
func writeObjectOrArray[O any, I any](name, oneField, manyField string, one *O, many []I) ([]byte, error) {
	switch {
	case one != nil && many != nil:
		return nil, fmt.Errorf("%s: both %s and %s are set; set one of them", name, oneField, manyField)
	case one != nil:
		return json.Marshal(one)
	case many != nil:
		return json.Marshal(many)
	}
	return nil, fmt.Errorf("%s: neither %s nor %s is set", name, oneField, manyField)
}
