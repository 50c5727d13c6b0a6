"""Conformance program of the Python client (python generator): runs every step of the scenario
with the generated client and writes what it observed.

Arguments: scenario file, results file, API base URL, API key, auth code. Each request body is
built with the generated models' from_dict() (the c-cf-<id> keys land in additional_properties);
each answer is decoded into the generated pydantic models and written back with their to_dict().
"""
import json
import sys
import traceback

import happyfox_contacts as hf
from happyfox_contacts.exceptions import ApiException


def to_json(value):
    """The generated models' own to_dict(), down to plain JSON values (a oneOf's to_dict()
    answers its actual instance, which may be a list of models)."""
    if hasattr(value, "to_dict"):
        return to_json(value.to_dict())
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    return value


def main(scenario_file, results_file, url, api_key, auth_code):
    config = hf.Configuration(host=url.rstrip("/"), username=api_key, password=auth_code)
    client = hf.ApiClient(config)
    contacts = hf.ContactsApi(client)
    groups = hf.ContactGroupsApi(client)
    custom_fields = hf.ContactCustomFieldsApi(client)
    with open(scenario_file, encoding="utf-8") as f:
        scenario = json.load(f)

    def perform(step):
        params = step.get("params", {})
        body = step.get("body")
        operation = step["operation"]
        if operation == "listContactCustomFields":
            return to_json(custom_fields.list_contact_custom_fields())
        if operation == "getContact":
            return to_json(contacts.get_contact(params["contact"]))
        if operation == "listContacts":
            pages = []
            for page in range(1, 21):
                answer = contacts.list_contacts(size=params["size"], page=page)
                pages.append(to_json(answer))
                if page >= answer.page_info.page_count:
                    break
            return pages
        if operation == "createOrUpdateContacts":
            if isinstance(body, list):
                request = hf.ContactUpsertRequest([hf.ContactUpsert.from_dict(item) for item in body])
            else:
                request = hf.ContactUpsertRequest(hf.ContactUpsert.from_dict(body))
            return to_json(contacts.create_or_update_contacts(request))
        if operation == "updateContact":
            return to_json(contacts.update_contact(params["contact"], hf.ContactUpdate.from_dict(body)))
        if operation == "addContactsToGroup":
            items = [hf.GroupContactUpdate.from_dict(item) for item in body]
            return to_json(groups.add_contacts_to_group(params["group_id"], items))
        if operation == "getContactGroup":
            return to_json(groups.get_contact_group(params["group_id"]))
        if operation == "removeContactsFromGroup":
            return to_json(groups.remove_contacts_from_group(
                params["group_id"], hf.GroupContactsRemoval.from_dict(body)))
        raise ValueError("unknown operation " + operation)

    results = {}
    for step in scenario["steps"]:
        try:
            results[step["id"]] = {"observed": perform(step)}
        except ApiException as e:
            if "expect_error" in step:
                error = e.data if isinstance(e.data, hf.ErrorResponse) else hf.ErrorResponse.from_json(e.body)
                results[step["id"]] = {"observed": {"status": e.status, "body": error.to_dict()}}
            else:
                results[step["id"]] = {"error": "HTTP %s: %s" % (e.status, e.body)}
        except Exception:  # every other failure is this step's result
            results[step["id"]] = {"error": traceback.format_exc(limit=3)}
    with open(results_file, "w", encoding="utf-8") as f:
        json.dump({"steps": results}, f, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:6])
