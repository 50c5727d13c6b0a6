// Conformance program of the typescript-fetch client (see config.yaml for its options): runs every
// step of the scenario with the generated client and writes what it observed. With
// withoutRuntimeChecks the models are the JSON itself, typed by the generated interfaces.
import {
  Configuration,
  ContactCustomFieldsApi,
  ContactGroupsApi,
  ContactsApi,
  ResponseError,
  type ContactUpdate,
  type ContactUpsertRequest,
  type ErrorResponse,
  type GroupContactUpdate,
  type GroupContactsRemoval,
} from "../target/generated-clients/typescript-fetch/src";
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
          return await customFields.listContactCustomFields();
        case "getContact":
          return await contacts.getContact({ contact: params.contact });
        case "listContacts": {
          const pages: Json[] = [];
          for (let page = 1; page <= 20; page++) {
            const answer = await contacts.listContacts({ size: params.size, page });
            pages.push(answer);
            if (page >= answer.page_info.page_count) break;
          }
          return pages;
        }
        case "createOrUpdateContacts":
          return await contacts.createOrUpdateContacts({ contactUpsertRequest: body as ContactUpsertRequest });
        case "updateContact":
          return await contacts.updateContact({ contact: params.contact, contactUpdate: body as ContactUpdate });
        case "addContactsToGroup":
          return await groups.addContactsToGroup({ groupId: params.group_id, groupContactUpdate: body as GroupContactUpdate[] });
        case "getContactGroup":
          return await groups.getContactGroup({ groupId: params.group_id });
        case "removeContactsFromGroup":
          return await groups.removeContactsFromGroup({ groupId: params.group_id, groupContactsRemoval: body as GroupContactsRemoval });
        default:
          throw new Error("unknown operation " + step.operation);
      }
    };
  },
  async (e) => {
    if (!(e instanceof ResponseError)) return undefined;
    const error: ErrorResponse = await e.response.json();
    return { status: e.response.status, body: error };
  },
).catch((e) => {
  console.error(e);
  process.exit(1);
});
