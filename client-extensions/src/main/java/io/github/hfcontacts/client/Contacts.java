package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.api.ContactsApi;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpdate;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.ContactUpsertRequest;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.model.ContactUpsertResult;
import io.github.hfcontacts.openapi.model.PageInfo;
import io.github.hfcontacts.openapi.model.Phone;
import io.github.hfcontacts.openapi.model.PhoneInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import retrofit2.Call;

/**
 * HappyFox contacts (the API's "users"): get, search and page through them, create or update them
 * one at a time or in bulk, and change their login permission, primary phone or custom fields.
 * Obtained from {@link HappyFoxClient#contacts()}.
 *
 * <p><b>What is returned.</b> Single-contact operations return the generated
 * {@link io.github.hfcontacts.openapi.model.Contact} model, deliberately: it carries every field
 * HappyFox answers (phones, groups, ticket counts, custom fields) without a second, partial copy.
 * It is a plain mutable data object, a fresh instance per call and never shared by the client.
 * Read its custom fields typed with {@link CustomFieldValues#from(Contact)}. HappyFox never answers
 * {@code is_login_enabled}: {@code Contact.getIsLoginEnabled()} is {@code null} on contacts read
 * from it (the property exists because the same flag is written by {@link #setLoginEnabled}).
 *
 * <p><b>Custom fields are reset when left out.</b> HappyFox resets every custom field that an
 * update or upsert does not send. {@link #updateMerging}, {@link #updateByEmail},
 * {@link #updateCustomFields}, {@link #setLoginEnabled} and {@link #updatePrimaryPhone} read the
 * contact first and send its other custom fields back unchanged (read-merge-write): use them to
 * edit a contact. The methods that send exactly the draft say so in their names:
 * {@link #updateResettingOmittedCustomFields}, {@link #upsertResettingOmittedCustomFields} and
 * {@link #upsertAllResettingOmittedCustomFields} (to create contacts, or to write complete
 * records). The former names {@code update}, {@code upsert} and {@code upsertAll} still work and
 * are deprecated.
 *
 * <p><b>Concurrent edits.</b> HappyFox has no version or ETag, so a read-merge-write overwrites a
 * change someone else makes between its read and its write (a window of one round trip). To edit
 * a contact you read earlier (shown in a form, say) without losing a change made since, pass that
 * contact as {@code expectedCurrent} to {@link #updateMerging(long, ContactDraft, Contact)} or
 * {@link #updateByEmail(String, ContactDraft, Contact)}: the write is made only if the contact read
 * just before it still matches, otherwise {@link ConcurrentEditException} is thrown and nothing is
 * written.
 *
 * <p><b>Validation.</b> Arguments are checked before any request (ids positive, emails without
 * whitespace, non-empty drafts), with an {@link IllegalArgumentException} naming the argument.
 * {@link #withCustomFieldValidation()} adds checks of custom-field values against the account's
 * definitions. Failed requests throw the typed {@link HappyFoxException}s; bulk operations report
 * per item instead (see {@link BulkResult}).
 *
 * <p>Example:
 * <pre>{@code
 * Contacts contacts = client.contacts();
 * Contact james = contacts.getByEmail("james@example.com");
 * contacts.setLoginEnabled(james.getId(), false);
 * contacts.updateCustomFields(james.getId(), List.of(CustomFieldValue.choice(5, 3)));
 * contacts.updateByEmail("james@example.com", ContactDraft.builder().name("James Smith").build());
 * for (Contact c : contacts.search(SearchQuery.builder().name("adam").build())) { ... }
 * }</pre>
 *
 * <p>Thread safety: immutable and safe for concurrent use.
 */
public final class Contacts {
  /** HappyFox's largest page size, used for every listing. */
  static final int PAGE_SIZE = 50;

  private final ContactsApi api;
  private final CallExecutor executor;
  private final CustomFields customFields;
  private final boolean validating;

  Contacts(ContactsApi api, CallExecutor executor, CustomFields customFields, boolean validating) {
    this.api = api;
    this.executor = executor;
    this.customFields = customFields;
    this.validating = validating;
  }

  /**
   * Returns a copy of this service that checks every custom-field value against the account's
   * definitions ({@link CustomFields}, cached per client) before sending anything: unknown field,
   * wrong type, unknown choice and, for the upserts, a missing required
   * field (an upsert may create the contact, and fields left out are reset anyway).
   *
   * <p>Example: {@code client.contacts().withCustomFieldValidation()
   * .upsertResettingOmittedCustomFields(draft)} throws
   * {@link CustomFieldValidationException} and sends no POST when {@code draft} sets
   * {@code choice(5, 9)} and field 5 has no choice 9.
   *
   * @return the validating service
   */
  public Contacts withCustomFieldValidation() {
    return validating ? this : new Contacts(api, executor, customFields, true);
  }

  /**
   * Returns whether this service validates custom fields before sending.
   *
   * <p>Example: {@code client.contacts().validatesCustomFields()} is {@code false}.
   *
   * @return whether values are validated
   */
  public boolean validatesCustomFields() {
    return validating;
  }

  /**
   * Gets a contact by id: {@code GET /user/{id}/}.
   *
   * <p>Example: {@code contacts.get(33).getEmail()} returns {@code "james@example.com"}.
   *
   * @param contactId the contact's id, positive
   * @return the contact
   * @throws IllegalArgumentException naming {@code contactId} if it is not positive
   * @throws NotFoundException if there is no such contact
   * @throws HappyFoxException for any other failure
   */
  public Contact get(long contactId) {
    return executor.execute(api.getContact(idSegment(contactId)));
  }

  /**
   * Gets a contact by email: {@code GET /user/{email}/}, the email percent-encoded as one path
   * segment ({@code a+b/c%d@example.com} is sent as {@code /user/a+b%2Fc%25d@example.com/}).
   *
   * <p>Example: {@code contacts.getByEmail("james@example.com").getId()} returns {@code 33}.
   *
   * @param email the address: with an {@code @}, no whitespace or control characters
   * @return the contact
   * @throws IllegalArgumentException naming {@code email} if it is malformed
   * @throws NotFoundException if there is no such contact
   * @throws HappyFoxException for any other failure
   */
  public Contact getByEmail(String email) {
    return executor.execute(api.getContact(Args.email("email", email)));
  }

  /**
   * Lists every contact, lazily and page by page ({@code GET /users/?size=50&page=N}).
   *
   * <p>Example: {@code for (Contact c : contacts.list()) { ... }}; no request is sent until the
   * iteration starts.
   *
   * @return the pager
   */
  public Pager<Contact> list() {
    return new Pager<>(page -> fetchPage(page, null), PAGE_SIZE, Integer.MAX_VALUE);
  }

  /**
   * Searches contacts, lazily and page by page ({@code GET /users/?size=50&page=N&q=...}).
   *
   * <p>Example: {@code contacts.search(SearchQuery.builder().email("adam@example.com").build())}
   * sends {@code q=email:adam@example.com}.
   *
   * @param query the search
   * @return the pager
   */
  public Pager<Contact> search(SearchQuery query) {
    Objects.requireNonNull(query, "query");
    String q = query.render();
    return new Pager<>(page -> fetchPage(page, q), PAGE_SIZE, Integer.MAX_VALUE);
  }

  Page<Contact> fetchPage(int pageNumber, String q) {
    ContactPage page = executor.execute(api.listContacts(PAGE_SIZE, pageNumber, q));
    List<Contact> items = new ArrayList<>();
    if (page.getData() != null) {
      for (Contact contact : page.getData()) {
        if (contact != null) {
          items.add(contact);
        }
      }
    }
    PageInfo info = page.getPageInfo();
    return new Page<>(pageNumber, info == null ? null : info.getPageCount(),
        info == null ? null : info.getLastIndex(), items);
  }

  /**
   * Creates a contact, or updates the one with the same email (upsert).
   *
   * @param draft the contact
   * @return the contact as HappyFox answered it
   * @deprecated the name hides that HappyFox resets the custom fields the draft leaves out when
   *     the contact exists; use {@link #upsertResettingOmittedCustomFields(ContactDraft)}, which
   *     does the same, or {@link #updateByEmail(String, ContactDraft)} to edit an existing contact
   *     and keep its custom fields.
   */
  @Deprecated
  public Contact upsert(ContactDraft draft) {
    return upsertResettingOmittedCustomFields(draft);
  }

  /**
   * Creates a contact, or updates the one with the same email (upsert): {@code POST /users/} with
   * one object. <b>When the contact exists, HappyFox resets every custom field the draft leaves
   * out</b>: use this to create contacts or to write complete records; to edit a contact and keep
   * its other custom fields, use {@link #updateByEmail(String, ContactDraft)}.
   *
   * <p>Example: {@code contacts.upsertResettingOmittedCustomFields(ContactDraft.builder()
   * .name("Ann").email("ann@example.com").build())} sends
   * {@code {"name": "Ann", "email": "ann@example.com"}} and returns the contact.
   *
   * @param draft the contact; needs an email or a phone (HappyFox also needs a name to create)
   * @return the contact as HappyFox answered it
   * @throws IllegalArgumentException naming {@code draft} if it has neither email nor phone
   * @throws CustomFieldValidationException when validating and a custom field does not fit
   * @throws ValidationException if HappyFox rejects the contact
   * @throws HappyFoxException for any other failure
   */
  public Contact upsertResettingOmittedCustomFields(ContactDraft draft) {
    checkUpsertable("draft", draft);
    if (validating) {
      customFields.validate(draft.customFields(), true);
    }
    Call<ContactUpsertResponse> call =
        api.createOrUpdateContacts(ContactUpsertRequest.ofContactUpsert(draft.toUpsert()));
    ContactUpsertResponse response = executor.execute(call);
    if (!response.isContact()) {
      throw Models.unexpectedAnswer(call, "a list of results instead of the contact");
    }
    return response.getContact();
  }

  /**
   * Creates or updates any number of contacts by email, in requests of at most 100, and reports
   * per contact, in input order: {@link #upsertAll} under a name that says what it does. <b>When a
   * contact exists, HappyFox resets every custom field its draft leaves out</b>: use this to
   * create contacts or to import complete records.
   *
   * <p>Example: 250 drafts send 3 requests of 100, 100 and 50; {@code result.items().get(0).id()}
   * is the first contact's id.
   *
   * @param drafts the contacts; each needs an email or a phone; empty sends nothing
   * @return one result per draft
   * @throws IllegalArgumentException naming {@code drafts[i]} if a draft has neither email nor
   *     phone; nothing is sent then
   * @throws CustomFieldValidationException when validating and any draft's custom fields do not
   *     fit; nothing is sent then
   */
  public BulkResult<ContactDraft> upsertAllResettingOmittedCustomFields(List<ContactDraft> drafts) {
    return upsertAll(drafts);
  }

  /**
   * Creates or updates any number of contacts by email, in requests of at most 100 (HappyFox's
   * limit), and reports per contact, in input order. A failed request does not stop the others
   * (except the failures listed in {@link ChunkFailure}); its contacts are reported with its
   * exception. A 2xx answer whose results do not match the contacts sent (count, or an email that
   * differs) is reported as a {@link MalformedResponseException} for those contacts, never
   * assigned by guesswork. <b>Custom fields left out of a draft are reset.</b>
   *
   * <p>Example: 250 drafts send 3 requests of 100, 100 and 50; {@code result.items().get(0).id()}
   * is the first contact's id.
   *
   * @param drafts the contacts; each needs an email or a phone; empty sends nothing
   * @return one result per draft
   * @throws IllegalArgumentException naming {@code drafts[i]} if a draft has neither email nor
   *     phone; nothing is sent then
   * @throws CustomFieldValidationException when validating and any draft's custom fields do not
   *     fit (the problems are prefixed with {@code drafts[i]}); nothing is sent then
   * @deprecated the name hides that HappyFox resets the custom fields a draft leaves out when its
   *     contact exists; use {@link #upsertAllResettingOmittedCustomFields(List)}, which does the
   *     same.
   */
  @Deprecated
  public BulkResult<ContactDraft> upsertAll(List<ContactDraft> drafts) {
    Args.noNullElements("drafts", drafts);
    List<ContactDraft> copy = new ArrayList<>(drafts);
    for (int i = 0; i < copy.size(); i++) {
      checkUpsertable("drafts[" + i + "]", copy.get(i));
    }
    if (validating && !copy.isEmpty()) {
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < copy.size(); i++) {
        for (String problem : customFields.problems(copy.get(i).customFields(), true)) {
          problems.add("drafts[" + i + "] " + problem);
        }
      }
      if (!problems.isEmpty()) {
        throw new CustomFieldValidationException(
            "custom fields do not match their definitions", problems);
      }
    }
    return BulkRunner.run(copy, executor, new UpsertChunks());
  }

  private final class UpsertChunks
      implements BulkRunner.ChunkSpec<ContactDraft, ContactUpsertResponse> {
    /** An upsert keyed by email that adds no phone: the same body twice, the same contact. */
    @Override
    public boolean replayable(ContactDraft draft) {
      return draft.email().isPresent() && draft.phones().isEmpty();
    }

    @Override
    public List<BulkRunner.Verdict> readBack(List<ContactDraft> drafts) {
      List<BulkRunner.Verdict> verdicts = new ArrayList<>();
      for (ContactDraft draft : drafts) {
        verdicts.add(BulkReadBack.upsert(draft, executor, api));
      }
      return verdicts;
    }

    @Override
    public Call<ContactUpsertResponse> call(List<ContactDraft> chunk) {
      List<ContactUpsert> bodies = new ArrayList<>();
      for (ContactDraft draft : chunk) {
        bodies.add(draft.toUpsert());
      }
      return api.createOrUpdateContacts(ContactUpsertRequest.ofContactUpsertList(bodies));
    }

    @Override
    public List<ItemResult<ContactDraft>> results(
        List<ContactDraft> chunk, ContactUpsertResponse body) throws BulkRunner.Mismatch {
      if (!body.isContactUpsertResultList()) {
        throw new BulkRunner.Mismatch("one contact object instead of a list of results");
      }
      List<ContactUpsertResult> answers = body.getContactUpsertResultList();
      if (answers.size() != chunk.size()) {
        throw new BulkRunner.Mismatch(answers.size() + " results for " + chunk.size() + " items");
      }
      List<ItemResult<ContactDraft>> results = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        ContactDraft draft = chunk.get(i);
        ContactUpsertResult answer = answers.get(i);
        if (answer == null || answer.getSuccess() == null) {
          throw new BulkRunner.Mismatch("result " + i + " has no success flag");
        }
        String sent = draft.email().orElse(null);
        String answered = answer.getEmail();
        if (sent != null && answered != null
            && !BulkReadBack.normalEmail(sent).equals(BulkReadBack.normalEmail(answered))) {
          throw new BulkRunner.Mismatch(
              "result " + i + " names another email than item " + i + " of the chunk");
        }
        if (answer.getSuccess()) {
          results.add(ItemResult.succeeded(i, draft, answer.getId(), null));
        } else {
          results.add(ItemResult.rejected(i, draft, answer.getId(),
              Models.fieldErrors(answer.getErrors()), null));
        }
      }
      return results;
    }
  }

  /**
   * Edits one contact with exactly the draft's fields.
   *
   * @param contactId the contact's id, positive
   * @param changes the fields to send; not empty
   * @return the contact after the edit
   * @deprecated the name hides that HappyFox resets the custom fields the draft does not set; use
   *     {@link #updateMerging(long, ContactDraft)} to keep them, or
   *     {@link #updateResettingOmittedCustomFields(long, ContactDraft)}, which does the same as
   *     this method.
   */
  @Deprecated
  public Contact update(long contactId, ContactDraft changes) {
    return updateResettingOmittedCustomFields(contactId, changes);
  }

  /**
   * Edits one contact: {@code POST /user/{id}/} with exactly the draft's fields. <b>HappyFox resets
   * every custom field the draft does not set</b>; to keep them, use {@link #updateMerging}.
   *
   * <p>Example: {@code contacts.updateResettingOmittedCustomFields(33,
   * ContactDraft.builder().name("John Smith").build())} sends {@code {"name": "John Smith"}} and
   * leaves every custom field of contact 33 empty.
   *
   * @param contactId the contact's id, positive
   * @param changes the fields to send; not empty
   * @return the contact after the edit
   * @throws IllegalArgumentException naming the argument if the id is not positive or the draft is
   *     empty
   * @throws CustomFieldValidationException when validating and a custom field does not fit
   * @throws HappyFoxException if the request fails
   */
  public Contact updateResettingOmittedCustomFields(long contactId, ContactDraft changes) {
    String id = idSegment(contactId);
    checkNotEmpty(changes);
    if (validating) {
      customFields.validate(changes.customFields(), false);
    }
    return executor.execute(api.updateContact(id, changes.toUpdate()));
  }

  /**
   * Edits one contact and keeps its other custom fields (read-merge-write): {@code GET
   * /user/{id}/}, then {@code POST /user/{id}/} with the draft's fields plus <em>every</em> custom
   * field of the contact, the draft's values replacing the current ones. Empty fields are sent back
   * as {@code null} (they stay empty).
   *
   * <p>If a current value cannot be read back (see {@link CustomFieldValues}) and the draft does
   * not replace it, nothing is written: an {@link IllegalStateException} names the field, because
   * sending the contact without it would reset it.
   *
   * <p>Not atomic: a change made by someone else between the read and the write is overwritten
   * (HappyFox has no version to check); see {@link #updateMerging(long, ContactDraft, Contact)}.
   *
   * <p>Example: for a contact with {@code c-cf-4 = "XHR1234"} and {@code c-cf-5 = choice 3},
   * {@code updateMerging(33, ContactDraft.builder().name("Jo").customField(choice(5, 4)).build())}
   * sends {@code {"name": "Jo", "c-cf-4": "XHR1234", "c-cf-5": 4}}.
   *
   * @param contactId the contact's id, positive
   * @param changes the fields to change; not empty
   * @return the contact after the edit
   * @throws IllegalArgumentException naming the argument if the id is not positive or the draft is
   *     empty
   * @throws IllegalStateException if a custom field the draft does not set cannot be read back
   * @throws CustomFieldValidationException when validating and a custom field does not fit
   * @throws HappyFoxException if a request fails
   */
  public Contact updateMerging(long contactId, ContactDraft changes) {
    return readMergeWrite(idSegment(contactId), changes, null);
  }

  /**
   * Like {@link #updateMerging(long, ContactDraft)}, but writes only if the contact has not changed
   * since {@code expectedCurrent} was read: the contact read just before the write must have the
   * same {@code updated_at} as {@code expectedCurrent} (or, when HappyFox answers no
   * {@code updated_at}, the same name, email, phones, login flag and custom fields). Otherwise
   * nothing is written and {@link ConcurrentEditException} carries the contact as it is now.
   *
   * <p>This detects the edits made while {@code expectedCurrent} was held (a form shown to a user,
   * a long computation). The check cannot cover the last round trip: HappyFox has no conditional
   * write, so an edit landing between this method's own read and its write is still overwritten.
   *
   * <p>Example:
   * <pre>{@code
   * Contact shown = contacts.get(33);
   * // ... the user edits the name in a form ...
   * try {
   *   contacts.updateMerging(33, ContactDraft.builder().name("Jo").build(), shown);
   * } catch (ConcurrentEditException e) {
   *   Contact now = e.currentContact(); // show the user what changed, then retry
   * }
   * }</pre>
   *
   * @param contactId the contact's id, positive
   * @param changes the fields to change; not empty
   * @param expectedCurrent the contact as the caller last read it
   * @return the contact after the edit
   * @throws ConcurrentEditException if the contact changed since {@code expectedCurrent}; nothing
   *     was written
   * @throws IllegalArgumentException naming the argument if the id is not positive or the draft is
   *     empty
   * @throws IllegalStateException if a custom field the draft does not set cannot be read back
   * @throws CustomFieldValidationException when validating and a custom field does not fit
   * @throws HappyFoxException if a request fails
   */
  public Contact updateMerging(long contactId, ContactDraft changes, Contact expectedCurrent) {
    Objects.requireNonNull(expectedCurrent, "expectedCurrent");
    return readMergeWrite(idSegment(contactId), changes, expectedCurrent);
  }

  /**
   * Edits the contact with this email and keeps its other custom fields (read-merge-write):
   * {@code GET /user/{email}/}, then {@code POST /user/{email}/} with the draft's fields plus every
   * custom field of the contact, the draft's values replacing the current ones. The email is
   * percent-encoded as one path segment, as in {@link #getByEmail(String)}. The draft may change
   * the email itself.
   *
   * <p>This is the edit by email to use instead of an upsert: an upsert of {@code {email, name}}
   * would reset every custom field of the contact. Like {@link #updateMerging(long, ContactDraft)},
   * it is not atomic; see {@link #updateByEmail(String, ContactDraft, Contact)}.
   *
   * <p>Example: for a contact with {@code c-cf-4 = "XHR1234"},
   * {@code updateByEmail("james@example.com", ContactDraft.builder().name("James Smith").build())}
   * sends {@code POST /user/james@example.com/} with
   * {@code {"name": "James Smith", "c-cf-4": "XHR1234"}}.
   *
   * @param email the contact's address: with an {@code @}, no whitespace or control characters
   * @param changes the fields to change; not empty
   * @return the contact after the edit
   * @throws IllegalArgumentException naming the argument if the email is malformed or the draft is
   *     empty
   * @throws NotFoundException if no contact has this email; nothing was written
   * @throws IllegalStateException if a custom field the draft does not set cannot be read back
   * @throws CustomFieldValidationException when validating and a custom field does not fit
   * @throws HappyFoxException if a request fails
   */
  public Contact updateByEmail(String email, ContactDraft changes) {
    return readMergeWrite(Args.email("email", email), changes, null);
  }

  /**
   * Like {@link #updateByEmail(String, ContactDraft)}, but writes only if the contact has not
   * changed since {@code expectedCurrent} was read; see
   * {@link #updateMerging(long, ContactDraft, Contact)} for what counts as a change.
   *
   * <p>Example: {@code contacts.updateByEmail("james@example.com", changes, shown)} throws
   * {@link ConcurrentEditException} and writes nothing when the contact's {@code updated_at} is no
   * longer the one of {@code shown}.
   *
   * @param email the contact's address: with an {@code @}, no whitespace or control characters
   * @param changes the fields to change; not empty
   * @param expectedCurrent the contact as the caller last read it
   * @return the contact after the edit
   * @throws ConcurrentEditException if the contact changed since {@code expectedCurrent}; nothing
   *     was written
   * @throws IllegalArgumentException naming the argument if the email is malformed or the draft is
   *     empty
   * @throws NotFoundException if no contact has this email; nothing was written
   * @throws IllegalStateException if a custom field the draft does not set cannot be read back
   * @throws CustomFieldValidationException when validating and a custom field does not fit
   * @throws HappyFoxException if a request fails
   */
  public Contact updateByEmail(String email, ContactDraft changes, Contact expectedCurrent) {
    Objects.requireNonNull(expectedCurrent, "expectedCurrent");
    return readMergeWrite(Args.email("email", email), changes, expectedCurrent);
  }

  /**
   * Reads the contact at {@code segment} (an id or an email), checks it against
   * {@code expectedCurrent} when given, and writes {@code changes} plus every current custom field
   * back to the same segment.
   */
  private Contact readMergeWrite(String segment, ContactDraft changes, Contact expectedCurrent) {
    checkNotEmpty(changes);
    if (validating) {
      customFields.validate(changes.customFields(), false);
    }
    Call<Contact> read = api.getContact(segment);
    Contact current = executor.execute(read);
    if (expectedCurrent != null) {
      ConcurrentEditException.check(read, expectedCurrent, current);
    }
    long contactId = current.getId() == null ? -1 : current.getId();
    Collection<CustomFieldValue> merged = mergedCustomFields(contactId, current, changes);
    return executor.execute(api.updateContact(segment, changes.toUpdate(merged)));
  }

  /**
   * Every current custom field of {@code current}, with the values of {@code changes} replacing
   * theirs: what a write must carry so that HappyFox resets no custom field.
   *
   * @throws IllegalStateException if a current value cannot be read back and {@code changes} does
   *     not replace it (sending the contact without it would reset it)
   */
  private static Collection<CustomFieldValue> mergedCustomFields(
      long contactId, Contact current, ContactDraft changes) {
    CustomFieldValues values = CustomFieldValues.from(current);
    Set<Long> lost = new TreeSet<>();
    for (Long unreadable : values.unreadableFieldIds()) {
      if (changes.customField(unreadable).isEmpty()) {
        lost.add(unreadable);
      }
    }
    if (!lost.isEmpty()) {
      List<String> keys = new ArrayList<>();
      for (Long fieldId : lost) {
        List<String> about = new ArrayList<>();
        values.name(fieldId).ifPresent(name -> about.add("\"" + name + "\""));
        values.unreadableReason(fieldId).ifPresent(about::add);
        keys.add(CustomFieldValue.key(fieldId)
            + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")"));
      }
      throw new IllegalStateException("contact " + contactId + " not updated: the current value"
          + " of " + String.join(", ", keys) + " cannot be read back, and leaving it out would"
          + " reset it; set it in the changes");
    }
    Map<Long, CustomFieldValue> merged = new LinkedHashMap<>();
    for (CustomFieldValue value : values.all()) {
      merged.put(value.fieldId(), value);
    }
    for (CustomFieldValue change : changes.customFields()) {
      merged.put(change.fieldId(), change);
    }
    return merged.values();
  }

  /**
   * Changes some custom fields of a contact and keeps the others: {@link #updateMerging} with a
   * draft holding only {@code changes}.
   *
   * <p>Example: {@code contacts.updateCustomFields(33, List.of(CustomFieldValue.text(4,
   * "LDA5000")))} reads contact 33 and sends all its custom fields, {@code c-cf-4} changed.
   *
   * @param contactId the contact's id, positive
   * @param changes the values to set; not empty, no nulls
   * @return the contact after the edit
   * @throws IllegalArgumentException naming the argument if the id is not positive or
   *     {@code changes} is empty
   * @throws IllegalStateException if a custom field not in {@code changes} cannot be read back
   * @throws CustomFieldValidationException when validating and a value does not fit
   * @throws HappyFoxException if a request fails
   */
  public Contact updateCustomFields(long contactId, Collection<CustomFieldValue> changes) {
    Args.noNullElements("changes", changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("changes must hold at least one custom-field value");
    }
    return updateMerging(contactId, ContactDraft.builder().customFields(changes).build());
  }

  /**
   * Enables or disables a contact's login to the support portal, keeping its custom fields:
   * {@code GET /user/{id}/}, then {@code POST /user/{id}/} with {@code "is_login_enabled": "TRUE"}
   * or {@code "FALSE"} (strings, as HappyFox requires) and every current custom field, because
   * HappyFox resets the custom fields an update leaves out. It is {@link #updateMerging} with a
   * draft holding only the flag.
   *
   * <p>HappyFox's answers do not include {@code is_login_enabled}: on the returned contact, as on
   * every contact read from HappyFox, {@code getIsLoginEnabled()} is {@code null}, so the flag can
   * be set but not read back.
   *
   * <p>Example: {@code contacts.setLoginEnabled(33, false)} for a contact whose only custom field
   * is {@code c-cf-4 = "XHR1234"} sends {@code {"is_login_enabled":"FALSE","c-cf-4":"XHR1234"}}.
   *
   * @param contactId the contact's id, positive
   * @param enabled whether the contact may log in
   * @return the contact after the edit
   * @throws IllegalArgumentException naming {@code contactId} if it is not positive
   * @throws IllegalStateException before any write, if a current custom field cannot be read back
   * @throws HappyFoxException if a request fails
   */
  public Contact setLoginEnabled(long contactId, boolean enabled) {
    return updateMerging(contactId, ContactDraft.builder().loginEnabled(enabled).build());
  }

  /**
   * Changes the number of a contact's primary phone, keeping its kind, following HappyFox's
   * documented steps (section 14): {@code GET /user/{id}/}, take the id of the primary phone, then
   * {@code POST /user/{id}/} with {@code {"email": <the contact's email>, "phones": [{"id": <phone
   * id>, "type": <its kind>, "number": <the new number>}]}} plus every current custom field, because
   * HappyFox resets the custom fields an update leaves out.
   *
   * <p>Example: {@code contacts.updatePrimaryPhone(33, "5551234567")} for a contact whose primary
   * phone is {@code {"id": 31, "type": "w"}} sends {@code {"email": "georgen@example.com",
   * "phones": [{"id": 31, "type": "w", "number": "5551234567"}]}}.
   *
   * @param contactId the contact's id, positive
   * @param newNumber the new number; with a digit, at most 40 characters
   * @return the contact after the edit
   * @throws IllegalArgumentException naming the argument if it is invalid
   * @throws IllegalStateException before any write, if the contact has no primary phone (or it has
   *     no id), no email (HappyFox needs it to edit a phone by id), a primary phone without a kind
   *     (use the overload with a {@link PhoneKind}), or a custom field whose current value cannot be
   *     read back
   * @throws HappyFoxException if a request fails
   */
  public Contact updatePrimaryPhone(long contactId, String newNumber) {
    return updatePrimaryPhone(contactId, newNumber, null);
  }

  /**
   * Changes the number and the kind of a contact's primary phone; see
   * {@link #updatePrimaryPhone(long, String)}.
   *
   * <p>Example: {@code contacts.updatePrimaryPhone(33, "5551234567", PhoneKind.MOBILE)} sends
   * {@code "type": "mo"}.
   *
   * @param contactId the contact's id, positive
   * @param newNumber the new number; with a digit, at most 40 characters
   * @param kind the new kind, or {@code null} to keep the current one
   * @return the contact after the edit
   * @throws IllegalArgumentException naming the argument if it is invalid
   * @throws IllegalStateException before any write, if the contact has no primary phone, no email,
   *     or (with {@code kind} null) a primary phone without a kind
   * @throws HappyFoxException if a request fails
   */
  public Contact updatePrimaryPhone(long contactId, String newNumber, PhoneKind kind) {
    String id = idSegment(contactId);
    Args.phoneNumber("newNumber", newNumber);
    Contact contact = executor.execute(api.getContact(id));
    Phone primary = contact.getPrimaryPhone();
    if (primary == null || primary.getId() == null) {
      throw new IllegalStateException("contact " + contactId + " has no primary phone"
          + (primary == null ? "" : " id") + " to update; add a phone with "
          + "ContactDraft.Builder.phone(kind, number, true) and Contacts.upsert instead");
    }
    String email = contact.getEmail();
    if (email == null || email.trim().isEmpty()) {
      throw new IllegalStateException("contact " + contactId + " has no email, which HappyFox"
          + " requires to edit a phone by its id; nothing was sent");
    }
    String type;
    if (kind != null) {
      type = kind.wireValue();
    } else if (primary.getType() != null && !primary.getType().isEmpty()) {
      // Sent back as HappyFox wrote it, even a kind PhoneKind does not know: the kind is open.
      type = primary.getType();
    } else {
      throw new IllegalStateException("contact " + contactId + " has a primary phone without a"
          + " kind; pass a PhoneKind to updatePrimaryPhone");
    }
    List<PhoneInput> phones = new ArrayList<>();
    phones.add(new PhoneInput().id(primary.getId()).type(type).number(newNumber));
    ContactUpdate body = new ContactUpdate().email(email).phones(phones);
    ContactDraft noChanges = ContactDraft.builder().build();
    for (CustomFieldValue value : mergedCustomFields(contactId, contact, noChanges)) {
      body.putAdditionalProperty(value.key(), value.wireValue());
    }
    return executor.execute(api.updateContact(id, body));
  }

  private static String idSegment(long contactId) {
    return Long.toString(Args.positiveId("contactId", contactId));
  }

  private static void checkNotEmpty(ContactDraft changes) {
    Objects.requireNonNull(changes, "changes");
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("changes must set at least one field");
    }
  }

  private static void checkUpsertable(String name, ContactDraft draft) {
    Objects.requireNonNull(draft, name);
    if (draft.email().isEmpty() && draft.phones().isEmpty()) {
      throw new IllegalArgumentException(
          name + " needs an email (the upsert key) or, for a contact without email, a phone");
    }
  }

  /**
   * Returns a description.
   *
   * @return {@code Contacts{}} or {@code Contacts{validating custom fields}}
   */
  @Override
  public String toString() {
    return validating ? "Contacts{validating custom fields}" : "Contacts{}";
  }
}
