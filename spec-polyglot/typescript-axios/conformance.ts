// Conformance program of the typescript-axios client (see config.yaml for its options): runs every
// step of the scenario with the generated client and writes what it observed. typescript-axios
// does not convert JSON: a model is the answer itself, typed by the generated interfaces.
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
import { type Json, runScenario } from "../typescript-common/steps";

runScenario(
  (connection) => {
    const config = new Configuration(connection);
    const contacts = new ContactsApi(config);
    const groups = new ContactGroupsApi(config);
    const customFields = new ContactCustomFieldsApi(config);
    return async (step) => {
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
    };
  },
  async (e) => {
    if (!isAxiosError(e) || !e.response) return undefined;
    const error: ErrorResponse = e.response.data;
    return { status: e.response.status, body: error };
  },
).catch((e) => {
  console.error(e);
  process.exit(1);
});
