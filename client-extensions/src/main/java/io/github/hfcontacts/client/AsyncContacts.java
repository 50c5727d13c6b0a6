package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.model.Contact;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The operations of {@link Contacts}, returning futures; see {@link AsyncHappyFoxClient} for how
 * they run, fail and are cancelled. Obtained from {@code client.async().contacts()}. Each method
 * does what the synchronous method of the same name does (read that method's documentation for
 * the requests sent, the read-merge-write and the custom-field rules); argument errors complete the
 * future exceptionally too.
 *
 * <p>Example:
 * <pre>{@code
 * AsyncContacts contacts = client.async().contacts();
 * CompletableFuture<Contact> renamed = contacts.updateByEmail("james@example.com",
 *     ContactDraft.builder().name("James Smith").build());
 * renamed.thenAccept(c -> System.out.println("renamed " + c.getId()));
 * }</pre>
 *
 * <p>Thread safety: immutable and safe for concurrent use.
 */
public final class AsyncContacts {
  private final Contacts contacts;
  private final AsyncRunner runner;

  AsyncContacts(Contacts contacts, AsyncRunner runner) {
    this.contacts = contacts;
    this.runner = runner;
  }

  /**
   * Returns a copy that validates custom fields; see {@link Contacts#withCustomFieldValidation()}.
   *
   * <p>Example: {@code client.async().contacts().withCustomFieldValidation()}.
   *
   * @return the validating view
   */
  public AsyncContacts withCustomFieldValidation() {
    return contacts.validatesCustomFields()
        ? this : new AsyncContacts(contacts.withCustomFieldValidation(), runner);
  }

  /**
   * {@link Contacts#get(long)}, asynchronously.
   *
   * <p>Example: {@code get(33).join().getEmail()} returns {@code "james@example.com"}.
   *
   * @param contactId the contact's id, positive
   * @return the contact, or the failure ({@link NotFoundException} when there is none)
   */
  public CompletableFuture<Contact> get(long contactId) {
    return runner.submit(() -> contacts.get(contactId));
  }

  /**
   * {@link Contacts#getByEmail(String)}, asynchronously.
   *
   * <p>Example: {@code getByEmail("james@example.com").join().getId()} returns {@code 33}.
   *
   * @param email the address
   * @return the contact, or the failure
   */
  public CompletableFuture<Contact> getByEmail(String email) {
    return runner.submit(() -> contacts.getByEmail(email));
  }

  /**
   * One page of {@link Contacts#list()}: {@code GET /users/?size=50&page=N}.
   *
   * <p>Example: {@code listPage(1).join().items()} holds the first 50 contacts.
   *
   * @param pageNumber the page, from 1
   * @return the page, or the failure
   */
  public CompletableFuture<Page<Contact>> listPage(int pageNumber) {
    return runner.submit(
        () -> contacts.fetchPage(Args.atLeastOne("pageNumber", pageNumber), null));
  }

  /**
   * One page of {@link Contacts#search(SearchQuery)}: {@code GET /users/?size=50&page=N&q=...}.
   *
   * <p>Example: {@code searchPage(SearchQuery.builder().name("adam").build(), 1)}.
   *
   * @param query the search
   * @param pageNumber the page, from 1
   * @return the page, or the failure
   */
  public CompletableFuture<Page<Contact>> searchPage(SearchQuery query, int pageNumber) {
    return runner.submit(() -> contacts.fetchPage(Args.atLeastOne("pageNumber", pageNumber),
        Objects.requireNonNull(query, "query").render()));
  }

  /**
   * {@link Contacts#upsertResettingOmittedCustomFields(ContactDraft)}, asynchronously.
   *
   * <p>Example: {@code upsertResettingOmittedCustomFields(newContact)} creates a contact.
   *
   * @param draft the contact
   * @return the contact as HappyFox answered it, or the failure
   */
  public CompletableFuture<Contact> upsertResettingOmittedCustomFields(ContactDraft draft) {
    return runner.submit(() -> contacts.upsertResettingOmittedCustomFields(draft));
  }

  /**
   * {@link Contacts#upsertAllResettingOmittedCustomFields(List)}, asynchronously.
   *
   * <p>Example: {@code upsertAllResettingOmittedCustomFields(drafts).join().failures()}.
   *
   * @param drafts the contacts
   * @return one result per draft, or the failure
   */
  public CompletableFuture<BulkResult<ContactDraft>> upsertAllResettingOmittedCustomFields(
      List<ContactDraft> drafts) {
    return runner.submit(() -> contacts.upsertAllResettingOmittedCustomFields(drafts));
  }

  /**
   * {@link Contacts#updateResettingOmittedCustomFields(long, ContactDraft)}, asynchronously.
   *
   * <p>Example: {@code updateResettingOmittedCustomFields(33, completeRecord)}.
   *
   * @param contactId the contact's id, positive
   * @param changes the fields to send
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> updateResettingOmittedCustomFields(
      long contactId, ContactDraft changes) {
    return runner.submit(() -> contacts.updateResettingOmittedCustomFields(contactId, changes));
  }

  /**
   * {@link Contacts#updateMerging(long, ContactDraft)}, asynchronously.
   *
   * <p>Example: {@code updateMerging(33, ContactDraft.builder().name("Jo").build())}.
   *
   * @param contactId the contact's id, positive
   * @param changes the fields to change
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> updateMerging(long contactId, ContactDraft changes) {
    return runner.submit(() -> contacts.updateMerging(contactId, changes));
  }

  /**
   * {@link Contacts#updateMerging(long, ContactDraft, Contact)}, asynchronously.
   *
   * <p>Example: {@code updateMerging(33, changes, shown)} fails with
   * {@link ConcurrentEditException} if contact 33 changed since {@code shown} was read.
   *
   * @param contactId the contact's id, positive
   * @param changes the fields to change
   * @param expectedCurrent the contact as the caller last read it
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> updateMerging(
      long contactId, ContactDraft changes, Contact expectedCurrent) {
    return runner.submit(() -> contacts.updateMerging(contactId, changes, expectedCurrent));
  }

  /**
   * {@link Contacts#updateByEmail(String, ContactDraft)}, asynchronously.
   *
   * <p>Example: {@code updateByEmail("james@example.com", changes)}.
   *
   * @param email the contact's address
   * @param changes the fields to change
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> updateByEmail(String email, ContactDraft changes) {
    return runner.submit(() -> contacts.updateByEmail(email, changes));
  }

  /**
   * {@link Contacts#updateByEmail(String, ContactDraft, Contact)}, asynchronously.
   *
   * <p>Example: {@code updateByEmail("james@example.com", changes, shown)}.
   *
   * @param email the contact's address
   * @param changes the fields to change
   * @param expectedCurrent the contact as the caller last read it
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> updateByEmail(
      String email, ContactDraft changes, Contact expectedCurrent) {
    return runner.submit(() -> contacts.updateByEmail(email, changes, expectedCurrent));
  }

  /**
   * {@link Contacts#updateCustomFields(long, Collection)}, asynchronously.
   *
   * <p>Example: {@code updateCustomFields(33, List.of(CustomFieldValue.text(4, "LDA5000")))}.
   *
   * @param contactId the contact's id, positive
   * @param changes the values to set
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> updateCustomFields(
      long contactId, Collection<CustomFieldValue> changes) {
    return runner.submit(() -> contacts.updateCustomFields(contactId, changes));
  }

  /**
   * {@link Contacts#setLoginEnabled(long, boolean)}, asynchronously.
   *
   * <p>Example: {@code setLoginEnabled(33, false)}.
   *
   * @param contactId the contact's id, positive
   * @param enabled whether the contact may log in
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> setLoginEnabled(long contactId, boolean enabled) {
    return runner.submit(() -> contacts.setLoginEnabled(contactId, enabled));
  }

  /**
   * {@link Contacts#updatePrimaryPhone(long, String)}, asynchronously.
   *
   * <p>Example: {@code updatePrimaryPhone(33, "5551234567")}.
   *
   * @param contactId the contact's id, positive
   * @param newNumber the new number
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> updatePrimaryPhone(long contactId, String newNumber) {
    return runner.submit(() -> contacts.updatePrimaryPhone(contactId, newNumber));
  }

  /**
   * {@link Contacts#updatePrimaryPhone(long, String, PhoneKind)}, asynchronously.
   *
   * <p>Example: {@code updatePrimaryPhone(33, "5551234567", PhoneKind.MOBILE)}.
   *
   * @param contactId the contact's id, positive
   * @param newNumber the new number
   * @param kind the new kind, or {@code null} to keep the current one
   * @return the contact after the edit, or the failure
   */
  public CompletableFuture<Contact> updatePrimaryPhone(
      long contactId, String newNumber, PhoneKind kind) {
    return runner.submit(() -> contacts.updatePrimaryPhone(contactId, newNumber, kind));
  }

  /**
   * Returns a description.
   *
   * @return {@code AsyncContacts{}} or {@code AsyncContacts{validating custom fields}}
   */
  @Override
  public String toString() {
    return contacts.validatesCustomFields()
        ? "AsyncContacts{validating custom fields}" : "AsyncContacts{}";
  }
}
