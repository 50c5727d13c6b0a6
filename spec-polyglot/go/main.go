// Conformance program of the Go client (go generator): runs every step of the scenario with the
// generated client and writes what it observed. Arguments: scenario file, results file, API base
// URL, API key, auth code. Each answer is decoded into the generated structs and written back
// with encoding/json (the structs' own MarshalJSON).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	happyfox "happyfox"
)

type step struct {
	ID          string                 `json:"id"`
	Operation   string                 `json:"operation"`
	Params      map[string]interface{} `json:"params"`
	Body        json.RawMessage        `json:"body"`
	ExpectError interface{}            `json:"expect_error"`
}

// plain turns a generated value into plain JSON values through its own encoding.
func plain(value interface{}) (interface{}, error) {
	data, err := json.Marshal(value)
	if err != nil {
		return nil, err
	}
	var out interface{}
	err = json.Unmarshal(data, &out)
	return out, err
}

// lastStatus is the HTTP status of the last answer, for the error steps.
var lastStatus int

func observe(value interface{}, response *http.Response, err error) (interface{}, error) {
	if response != nil {
		lastStatus = response.StatusCode
	}
	if err != nil {
		return nil, err
	}
	return plain(value)
}

func main() {
	if len(os.Args) != 6 {
		fmt.Fprintln(os.Stderr, "usage: conformance SCENARIO RESULTS URL API_KEY AUTH_CODE")
		os.Exit(2)
	}
	scenarioFile, resultsFile, url := os.Args[1], os.Args[2], os.Args[3]
	cfg := happyfox.NewConfiguration()
	cfg.Servers = happyfox.ServerConfigurations{{URL: strings.TrimSuffix(url, "/")}}
	client := happyfox.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), happyfox.ContextBasicAuth,
		happyfox.BasicAuth{UserName: os.Args[4], Password: os.Args[5]})

	raw, err := os.ReadFile(scenarioFile)
	if err != nil {
		panic(err)
	}
	var scenario struct {
		Steps []step `json:"steps"`
	}
	if err := json.Unmarshal(raw, &scenario); err != nil {
		panic(err)
	}

	perform := func(s step) (interface{}, error) {
		switch s.Operation {
		case "listContactCustomFields":
			return observe(client.ContactCustomFieldsAPI.ListContactCustomFields(ctx).Execute())
		case "getContact":
			return observe(client.ContactsAPI.GetContact(ctx, s.Params["contact"].(string)).Execute())
		case "listContacts":
			var pages []interface{}
			for page := int32(1); page <= 20; page++ {
				answer, _, err := client.ContactsAPI.ListContacts(ctx).
					Size(int32(s.Params["size"].(float64))).Page(page).Execute()
				if err != nil {
					return nil, err
				}
				encoded, err := plain(answer)
				if err != nil {
					return nil, err
				}
				pages = append(pages, encoded)
				if page >= answer.PageInfo.PageCount {
					break
				}
			}
			return pages, nil
		case "createOrUpdateContacts":
			// built as code builds the object-or-array body: with the constructor of its form
			// (custom/happyfox_custom_types.go)
			var request happyfox.ContactUpsertRequest
			if strings.HasPrefix(strings.TrimSpace(string(s.Body)), "[") {
				var items []happyfox.ContactUpsert
				if err := json.Unmarshal(s.Body, &items); err != nil {
					return nil, err
				}
				request = happyfox.ManyContactUpserts(items)
			} else {
				var item happyfox.ContactUpsert
				if err := json.Unmarshal(s.Body, &item); err != nil {
					return nil, err
				}
				request = happyfox.OneContactUpsert(item)
			}
			return observe(client.ContactsAPI.CreateOrUpdateContacts(ctx).ContactUpsertRequest(request).Execute())
		case "updateContact":
			var update happyfox.ContactUpdate
			if err := json.Unmarshal(s.Body, &update); err != nil {
				return nil, err
			}
			return observe(client.ContactsAPI.UpdateContact(ctx, s.Params["contact"].(string)).ContactUpdate(update).Execute())
		case "addContactsToGroup":
			var items []happyfox.GroupContactUpdate
			if err := json.Unmarshal(s.Body, &items); err != nil {
				return nil, err
			}
			return observe(client.ContactGroupsAPI.AddContactsToGroup(ctx, int64(s.Params["group_id"].(float64))).
				GroupContactUpdate(items).Execute())
		case "getContactGroup":
			return observe(client.ContactGroupsAPI.GetContactGroup(ctx, int64(s.Params["group_id"].(float64))).Execute())
		case "removeContactsFromGroup":
			var removal happyfox.GroupContactsRemoval
			if err := json.Unmarshal(s.Body, &removal); err != nil {
				return nil, err
			}
			return observe(client.ContactGroupsAPI.RemoveContactsFromGroup(ctx, int64(s.Params["group_id"].(float64))).
				GroupContactsRemoval(removal).Execute())
		}
		return nil, fmt.Errorf("unknown operation %s", s.Operation)
	}

	results := map[string]interface{}{}
	for _, s := range scenario.Steps {
		lastStatus = 0
		observed, err := perform(s)
		var apiError *happyfox.GenericOpenAPIError
		switch {
		case err == nil:
			results[s.ID] = map[string]interface{}{"observed": observed}
		case s.ExpectError != nil && errors.As(err, &apiError):
			var body happyfox.ErrorResponse
			if decodeErr := json.Unmarshal(apiError.Body(), &body); decodeErr != nil {
				results[s.ID] = map[string]interface{}{"error": "error body: " + decodeErr.Error()}
				continue
			}
			encoded, encodeErr := plain(body)
			if encodeErr != nil {
				results[s.ID] = map[string]interface{}{"error": encodeErr.Error()}
				continue
			}
			results[s.ID] = map[string]interface{}{"observed": map[string]interface{}{
				"status": lastStatus, "body": encoded}}
		default:
			results[s.ID] = map[string]interface{}{"error": err.Error()}
		}
	}
	out, err := json.MarshalIndent(map[string]interface{}{"steps": results}, "", "  ")
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile(resultsFile, out, 0o644); err != nil {
		panic(err)
	}
}
