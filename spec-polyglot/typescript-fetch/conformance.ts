// Conformance program of the typescript-fetch client: runs every step of the scenario with the
// generated client and writes what it observed. Arguments: scenario file, results file, API base
// URL, API key, auth code. Each answer is read through the generated model functions
// (FromJSON) and written back through those of each item's type (ToJSON), so a property the
// model loses or misnames shows up as a difference.
import * as fs from "fs";
import {
  Configuration,
  ContactCustomFieldsApi,
  ContactGroupsApi,
  ContactsApi,
  ResponseError,
  ContactCustomFieldToJSON,
  ContactGroupDetailToJSON,
  ContactPageToJSON,
  ContactToJSON,
  ContactUpdateFromJSON,
  ContactUpsertRequestFromJSON,
  ContactUpsertResultToJSON,
  ErrorResponseFromJSON,
  ErrorResponseToJSON,
  GroupContactRemovalResultToJSON,
  GroupContactUpdateFromJSON,
  GroupContactUpdateResultToJSON,
  GroupContactsRemovalFromJSON,
} from "../target/generated-clients/typescript-fetch/src";

type Json = any;

async function main(): Promise<void> {
  const [scenarioFile, resultsFile, url, apiKey, authCode] = process.argv.slice(2);
  const config = new Configuration({ basePath: url.replace(/\/$/, ""), username: apiKey, password: authCode });
  const contacts = new ContactsApi(config);
  const groups = new ContactGroupsApi(config);
  const customFields = new ContactCustomFieldsApi(config);
  const scenario = JSON.parse(fs.readFileSync(scenarioFile, "utf8"));

  async function perform(step: Json): Promise<Json> {
    const params = step.params ?? {};
    const body = step.body;
    switch (step.operation) {
      case "listContactCustomFields":
        return (await customFields.listContactCustomFields()).map((f) => ContactCustomFieldToJSON(f));
      case "getContact":
        return ContactToJSON(await contacts.getContact({ contact: params.contact }));
      case "listContacts": {
        const pages: Json[] = [];
        for (let page = 1; page <= 20; page++) {
          const answer = await contacts.listContacts({ size: params.size, page });
          pages.push(ContactPageToJSON(answer));
          if (page >= answer.pageInfo.pageCount) break;
        }
        return pages;
      }
      case "createOrUpdateContacts": {
        const answer = await contacts.createOrUpdateContacts({
          contactUpsertRequest: ContactUpsertRequestFromJSON(body),
        });
        return Array.isArray(answer) ? answer.map((r) => ContactUpsertResultToJSON(r)) : ContactToJSON(answer);
      }
      case "updateContact":
        return ContactToJSON(await contacts.updateContact({ contact: params.contact, contactUpdate: ContactUpdateFromJSON(body) }));
      case "addContactsToGroup":
        return (await groups.addContactsToGroup({
          groupId: params.group_id,
          groupContactUpdateList: (body as Json[]).map((item) => GroupContactUpdateFromJSON(item)),
        })).map((r) => GroupContactUpdateResultToJSON(r));
      case "getContactGroup":
        return ContactGroupDetailToJSON(await groups.getContactGroup({ groupId: params.group_id }));
      case "removeContactsFromGroup":
        return (await groups.removeContactsFromGroup({
          groupId: params.group_id,
          groupContactsRemoval: GroupContactsRemovalFromJSON(body),
        })).map((r) => GroupContactRemovalResultToJSON(r));
      default:
        throw new Error("unknown operation " + step.operation);
    }
  }

  const results: Record<string, Json> = {};
  for (const step of scenario.steps) {
    try {
      results[step.id] = { observed: await perform(step) };
    } catch (e) {
      if (step.expect_error && e instanceof ResponseError) {
        const error = ErrorResponseFromJSON(await e.response.json());
        results[step.id] = { observed: { status: e.response.status, body: ErrorResponseToJSON(error) } };
      } else {
        results[step.id] = { error: String(e instanceof Error ? e.stack ?? e.message : e) };
      }
    }
  }
  fs.writeFileSync(resultsFile, JSON.stringify({ steps: results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
