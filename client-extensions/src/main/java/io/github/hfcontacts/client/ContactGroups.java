package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.api.ContactGroupsApi;
import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupCreate;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactGroupUpdate;
import io.github.hfcontacts.openapi.model.GroupContactRemovalResult;
import io.github.hfcontacts.openapi.model.GroupContactUpdate;
import io.github.hfcontacts.openapi.model.GroupContactUpdateResult;
import io.github.hfcontacts.openapi.model.GroupContactsRemoval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import retrofit2.Call;

/**
 * HappyFox contact groups: list, get, create and edit them, and add or remove any number of their
 * contacts. Obtained from {@link HappyFoxClient#contactGroups()}.
 *
 * <p><b>What is returned.</b> Groups come back as the generated models
 * {@link io.github.hfcontacts.openapi.model.ContactGroup} (listing) and
 * {@link io.github.hfcontacts.openapi.model.ContactGroupDetail} (one group with its contacts),
 * deliberately: they mirror HappyFox's answer field for field. They are mutable data objects, a
 * fresh instance per call. Their {@code tagged_domains} is HappyFox's comma-separated string:
 * split it with {@link #taggedDomains(String)}.
 *
 * <p><b>Renaming.</b> HappyFox has no way to rename a group: {@link #edit} changes only the
 * description and the tagged domains.
 *
 * <p>Example:
 * <pre>{@code
 * ContactGroups groups = client.contactGroups();
 * ContactGroupDetail vip = groups.create("VIP", "Key accounts", List.of("example.com"));
 * BulkResult<GroupMember> added = groups.addContacts(vip.getId(),
 *     List.of(GroupMember.of(41, true), GroupMember.of(200)));
 * BulkResult<Long> removed = groups.removeContacts(vip.getId(), List.of(200L));
 * }</pre>
 *
 * <p>Thread safety: immutable and safe for concurrent use.
 */
public final class ContactGroups {
  /** Longest tagged domain (DNS limit). */
  private static final int MAX_DOMAIN_LENGTH = 253;

  private final ContactGroupsApi api;
  private final CallExecutor executor;

  ContactGroups(ContactGroupsApi api, CallExecutor executor) {
    this.api = api;
    this.executor = executor;
  }

  /**
   * Lists every contact group: {@code GET /contact_groups/} (not paged by HappyFox).
   *
   * <p>Example: {@code groups.list().get(0).getName()} returns {@code "test group"}.
   *
   * @return an unmodifiable list of the groups
   * @throws HappyFoxException if the request fails
   */
  public List<ContactGroup> list() {
    List<ContactGroup> groups = new ArrayList<>();
    for (ContactGroup group : executor.execute(api.listContactGroups())) {
      if (group != null) {
        groups.add(group);
      }
    }
    return Collections.unmodifiableList(groups);
  }

  /**
   * Gets one group with its contacts: {@code GET /contact_group/{id}/}.
   *
   * <p>Example: {@code groups.get(1).getContacts()} lists the group's contacts.
   *
   * @param groupId the group's id, positive
   * @return the group
   * @throws IllegalArgumentException naming {@code groupId} if it is not positive
   * @throws NotFoundException if there is no such group
   * @throws HappyFoxException for any other failure
   */
  public ContactGroupDetail get(long groupId) {
    return executor.execute(api.getContactGroup(Args.positiveId("groupId", groupId)));
  }

  /**
   * Creates a group: {@code POST /contact_groups/}. Contacts added later with an email in one of
   * the tagged domains join the group automatically.
   *
   * <p>Example: {@code groups.create("test group", "example description", List.of("example.com",
   * "acme.com"))} sends {@code {"name": "test group", "description": "example description",
   * "tagged_domains": "example.com,acme.com"}}.
   *
   * @param name the group's name, unique in the account; not blank, one line
   * @param description what the group is for, or {@code null} to send none
   * @param taggedDomains domains, each without commas or whitespace; empty sends none
   * @return the new group
   * @throws IllegalArgumentException naming the argument if it is invalid
   * @throws ValidationException if HappyFox rejects the group (for example a duplicate name)
   * @throws HappyFoxException for any other failure
   */
  public ContactGroupDetail create(String name, String description, List<String> taggedDomains) {
    ContactGroupCreate body = new ContactGroupCreate().name(Args.text("name", name, Args.MAX_TEXT_LENGTH));
    if (description != null) {
      body.description(Args.multilineText("description", description, Args.MAX_TEXT_LENGTH));
    }
    String domains = joinDomains(taggedDomains);
    if (!domains.isEmpty()) {
      body.taggedDomains(domains);
    }
    return executor.execute(api.createContactGroup(body));
  }

  /**
   * Edits a group's description and/or tagged domains: {@code POST /contact_group/{id}/}. A group
   * cannot be renamed. The tagged domains given replace the old ones; an empty list removes them.
   *
   * <p>Example: {@code groups.edit(1, null, List.of("example.com", "example.org"))} sends
   * {@code {"tagged_domains": "example.com,example.org"}}.
   *
   * @param groupId the group's id, positive
   * @param description the new description, or {@code null} to leave it
   * @param taggedDomains the new domains, or {@code null} to leave them
   * @return the group after the edit
   * @throws IllegalArgumentException naming the argument if it is invalid, or if both
   *     {@code description} and {@code taggedDomains} are null
   * @throws HappyFoxException if the request fails
   */
  public ContactGroupDetail edit(long groupId, String description, List<String> taggedDomains) {
    Args.positiveId("groupId", groupId);
    if (description == null && taggedDomains == null) {
      throw new IllegalArgumentException(
          "description and taggedDomains are both null: there is nothing to edit (a group cannot"
              + " be renamed)");
    }
    ContactGroupUpdate body = new ContactGroupUpdate();
    if (description != null) {
      body.description(Args.multilineText("description", description, Args.MAX_TEXT_LENGTH));
    }
    if (taggedDomains != null) {
      body.taggedDomains(joinDomains(taggedDomains));
    }
    return executor.execute(api.updateContactGroup(groupId, body));
  }

  /**
   * Adds any number of contacts to a group (or changes their ticket access):
   * {@code POST /contact_group/{id}/update_contacts/} in requests of at most 100, with one result
   * per member in input order (see {@link BulkResult}; {@link ItemResult#id()} is the contact id).
   *
   * <p>Example: 250 members send 3 requests of 100, 100 and 50 items.
   *
   * @param groupId the group's id, positive
   * @param members the contacts to add; empty sends nothing
   * @return one result per member
   * @throws IllegalArgumentException naming {@code groupId} if it is not positive
   */
  public BulkResult<GroupMember> addContacts(long groupId, List<GroupMember> members) {
    Args.positiveId("groupId", groupId);
    List<GroupMember> copy = new ArrayList<>(Args.noNullElements("members", members));
    return BulkRunner.run(copy, executor, new AddChunks(groupId));
  }

  /**
   * Removes any number of contacts from a group: {@code POST /contact_group/{id}/delete_contacts/}
   * in requests of at most 100 ids, with one result per id in input order. A contact that is not
   * in the group, or does not exist, is {@link ItemResult.Status#REJECTED} with HappyFox's
   * {@link ItemResult#message()}.
   *
   * <p>Example: {@code groups.removeContacts(1, List.of(1L, 3L))} sends {@code {"contacts": [1,
   * 3]}}.
   *
   * @param groupId the group's id, positive
   * @param contactIds the contacts' ids, each positive; empty sends nothing
   * @return one result per id
   * @throws IllegalArgumentException naming the argument if an id is not positive
   */
  public BulkResult<Long> removeContacts(long groupId, List<Long> contactIds) {
    Args.positiveId("groupId", groupId);
    List<Long> copy = new ArrayList<>(Args.noNullElements("contactIds", contactIds));
    for (int i = 0; i < copy.size(); i++) {
      Args.positiveId("contactIds[" + i + "]", copy.get(i));
    }
    return BulkRunner.run(copy, executor, new RemoveChunks(groupId));
  }

  /**
   * Splits HappyFox's comma-separated {@code tagged_domains} into domains.
   *
   * <p>Example: {@code taggedDomains("example.com, acme.com")} returns
   * {@code ["example.com", "acme.com"]}; {@code taggedDomains("")} and {@code taggedDomains(null)}
   * return {@code []}.
   *
   * @param commaSeparated the value as HappyFox answers it; may be {@code null}
   * @return an unmodifiable list, without empty entries
   */
  public static List<String> taggedDomains(String commaSeparated) {
    if (commaSeparated == null) {
      return Collections.emptyList();
    }
    List<String> domains = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      String domain = part.trim();
      if (!domain.isEmpty()) {
        domains.add(domain);
      }
    }
    return Collections.unmodifiableList(domains);
  }

  private static String joinDomains(List<String> taggedDomains) {
    Args.noNullElements("taggedDomains", taggedDomains);
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < taggedDomains.size(); i++) {
      String name = "taggedDomains[" + i + "]";
      String domain = taggedDomains.get(i);
      if (domain.isEmpty()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      if (domain.length() > MAX_DOMAIN_LENGTH) {
        throw new IllegalArgumentException(
            name + " must be at most " + MAX_DOMAIN_LENGTH + " characters");
      }
      for (int c = 0; c < domain.length(); c++) {
        char ch = domain.charAt(c);
        if (ch == ',') {
          throw new IllegalArgumentException(name + " \"" + domain + "\" must not contain a comma:"
              + " HappyFox separates tagged domains with commas; pass each domain separately");
        }
        if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || Character.isISOControl(ch)) {
          throw new IllegalArgumentException(name + " must not contain whitespace or control"
              + " characters (found " + String.format("U+%04X", (int) ch) + " at index " + c + ")");
        }
      }
      checked.add(domain);
    }
    return String.join(",", checked);
  }

  private final class AddChunks
      implements BulkRunner.ChunkSpec<GroupMember, List<GroupContactUpdateResult>> {
    private final long groupId;

    AddChunks(long groupId) {
      this.groupId = groupId;
    }

    /** Adding a member with the same access twice leaves the same membership. */
    @Override
    public boolean replayable(GroupMember member) {
      return true;
    }

    @Override
    public List<BulkRunner.Verdict> readBack(List<GroupMember> members) {
      Map<Long, Boolean> current = BulkReadBack.members(groupId, executor, api);
      List<BulkRunner.Verdict> verdicts = new ArrayList<>();
      for (GroupMember member : members) {
        verdicts.add(BulkReadBack.added(member, current));
      }
      return verdicts;
    }

    @Override
    public Call<List<GroupContactUpdateResult>> call(List<GroupMember> chunk) {
      List<GroupContactUpdate> body = new ArrayList<>();
      for (GroupMember member : chunk) {
        body.add(new GroupContactUpdate()
            .contact(member.contactId())
            .accessTickets(member.accessTickets()));
      }
      return api.addContactsToGroup(groupId, body);
    }

    @Override
    public List<ItemResult<GroupMember>> results(
        List<GroupMember> chunk, List<GroupContactUpdateResult> answers)
        throws BulkRunner.Mismatch {
      if (answers.size() != chunk.size()) {
        throw new BulkRunner.Mismatch(answers.size() + " results for " + chunk.size() + " items");
      }
      List<ItemResult<GroupMember>> results = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        GroupMember member = chunk.get(i);
        GroupContactUpdateResult answer = answers.get(i);
        if (answer == null || answer.getSuccess() == null) {
          throw new BulkRunner.Mismatch("result " + i + " has no success flag");
        }
        if (answer.getData() != null && answer.getData().getContact() != null
            && answer.getData().getContact() != member.contactId()) {
          throw new BulkRunner.Mismatch("result " + i + " is for contact "
              + answer.getData().getContact() + ", not " + member.contactId());
        }
        if (answer.getSuccess()) {
          results.add(ItemResult.succeeded(i, member, member.contactId(), null));
        } else {
          results.add(ItemResult.rejected(i, member, member.contactId(),
              Models.fieldErrors(answer.getErrors()), null));
        }
      }
      return results;
    }
  }

  private final class RemoveChunks
      implements BulkRunner.ChunkSpec<Long, List<GroupContactRemovalResult>> {
    private final long groupId;

    RemoveChunks(long groupId) {
      this.groupId = groupId;
    }

    /** Removing a contact that is no longer a member changes nothing. */
    @Override
    public boolean replayable(Long contactId) {
      return true;
    }

    @Override
    public List<BulkRunner.Verdict> readBack(List<Long> contactIds) {
      Set<Long> current = BulkReadBack.members(groupId, executor, api).keySet();
      List<BulkRunner.Verdict> verdicts = new ArrayList<>();
      for (Long contactId : contactIds) {
        verdicts.add(BulkReadBack.removed(contactId, current));
      }
      return verdicts;
    }

    /**
     * A repeat answers "not part of the contact group" for a contact the first request removed:
     * the contact is not a member, as asked.
     */
    @Override
    public ItemResult<Long> afterResend(ItemResult<Long> result) {
      String message = result.message().orElse("");
      if (result.status() == ItemResult.Status.REJECTED
          && message.toLowerCase(java.util.Locale.ROOT).contains("not part of")) {
        return ItemResult.succeeded(result.index(), result.input(), result.input(),
            message + " (after a repeated request: the contact is not a member)");
      }
      return result;
    }

    @Override
    public Call<List<GroupContactRemovalResult>> call(List<Long> chunk) {
      return api.removeContactsFromGroup(
          groupId, new GroupContactsRemoval().contacts(new ArrayList<>(chunk)));
    }

    @Override
    public List<ItemResult<Long>> results(
        List<Long> chunk, List<GroupContactRemovalResult> answers) throws BulkRunner.Mismatch {
      if (answers.size() != chunk.size()) {
        throw new BulkRunner.Mismatch(answers.size() + " results for " + chunk.size() + " items");
      }
      List<ItemResult<Long>> results = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        Long contactId = chunk.get(i);
        GroupContactRemovalResult answer = answers.get(i);
        if (answer == null || answer.getSuccess() == null) {
          throw new BulkRunner.Mismatch("result " + i + " has no success flag");
        }
        String message = answer.getData() == null ? null : answer.getData().getMessage();
        Long answered = answer.getData() == null ? null : answer.getData().getContact();
        if (answered != null && !Objects.equals(answered, contactId)) {
          throw new BulkRunner.Mismatch(
              "result " + i + " is for contact " + answered + ", not " + contactId);
        }
        if (answer.getSuccess()) {
          results.add(ItemResult.succeeded(i, contactId, contactId, message));
        } else {
          results.add(ItemResult.rejected(
              i, contactId, contactId, Collections.emptyList(), message));
        }
      }
      return results;
    }
  }

  /**
   * Returns a description.
   *
   * @return {@code ContactGroups{}}
   */
  @Override
  public String toString() {
    return "ContactGroups{}";
  }
}
