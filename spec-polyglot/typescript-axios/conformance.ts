// Conformance program of the typescript-axios client: runs every step of the scenario with the
// generated client and writes what it observed. Arguments: scenario file, results file, API base
// URL, API key, auth code. typescript-axios does not convert JSON: a model is the parsed answer
// typed by the generated interfaces (property names as in the spec), so it is written back as is.
import * as fs from "fs";
import { isAxiosError } from "axios";
import {
  Configuration,
  ContactCustomFieldsApi,
  ContactGroupsApi,
  ContactsApi,
  type ContactUpdate,
  type ContactUpsertRequest,
  type ErrorResponse,
  type GroupContactUpdate,
  type GroupContactsRemoval,
} from "../target/generated-clients/typescript-axios";

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
        return (await customFields.listContactCustomFields()).data;
      case "getContact":
        return (await contacts.getContact(params.contact)).data;
      case "listContacts": {
        const pages: Json[] = [];
        for (let page = 1; page <= 20; page++) {
          const answer = (await contacts.listContacts(params.size, page)).data;
          pages.push(answer);
          if (page >= answer.page_info.page_count) break;
        }
        return pages;
      }
      case "createOrUpdateContacts":
        return (await contacts.createOrUpdateContacts(body as ContactUpsertRequest)).data;
      case "updateContact":
        return (await contacts.updateContact(params.contact, body as ContactUpdate)).data;
      case "addContactsToGroup":
        return (await groups.addContactsToGroup(params.group_id, body as GroupContactUpdate[])).data;
      case "getContactGroup":
        return (await groups.getContactGroup(params.group_id)).data;
      case "removeContactsFromGroup":
        return (await groups.removeContactsFromGroup(params.group_id, body as GroupContactsRemoval)).data;
      default:
        throw new Error("unknown operation " + step.operation);
    }
  }

  const results: Record<string, Json> = {};
  for (const step of scenario.steps) {
    try {
      results[step.id] = { observed: await perform(step) };
    } catch (e) {
      if (step.expect_error && isAxiosError(e) && e.response) {
        const error: ErrorResponse = e.response.data;
        results[step.id] = { observed: { status: e.response.status, body: error } };
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
