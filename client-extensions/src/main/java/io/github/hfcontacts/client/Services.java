package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.api.ContactCustomFieldsApi;
import io.github.hfcontacts.openapi.api.ContactGroupsApi;
import io.github.hfcontacts.openapi.api.ContactsApi;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import retrofit2.Retrofit;

/**
 * The domain services of one {@link HappyFoxClient}, created once with it: they share its
 * transport (rate budget, retries, error mapping) and one custom-field definition cache.
 */
final class Services {
  final Contacts contacts;
  final ContactGroups contactGroups;
  final CustomFields customFields;

  Services(Transport transport) {
    Retrofit retrofit = transport.retrofit(HappyFoxMoshi.create());
    CallExecutor executor = transport;
    this.customFields =
        new CustomFields(retrofit.create(ContactCustomFieldsApi.class), executor);
    this.contacts =
        new Contacts(retrofit.create(ContactsApi.class), executor, customFields, false);
    this.contactGroups = new ContactGroups(retrofit.create(ContactGroupsApi.class), executor);
  }
}
