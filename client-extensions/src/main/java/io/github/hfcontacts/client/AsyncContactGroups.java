package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The operations of {@link ContactGroups}, returning futures; see {@link AsyncHappyFoxClient} for
 * how they run, fail and are cancelled. Obtained from {@code client.async().contactGroups()}.
 *
 * <p>Example: {@code client.async().contactGroups().get(1).thenApply(ContactGroupDetail::getName)}.
 *
 * <p>Thread safety: immutable and safe for concurrent use.
 */
public final class AsyncContactGroups {
  private final ContactGroups groups;
  private final AsyncRunner runner;

  AsyncContactGroups(ContactGroups groups, AsyncRunner runner) {
    this.groups = groups;
    this.runner = runner;
  }

  /**
   * {@link ContactGroups#list()}, asynchronously.
   *
   * <p>Example: {@code client.async().contactGroups().list().join().size()}.
   *
   * @return the groups, or the failure
   */
  public CompletableFuture<List<ContactGroup>> list() {
    return runner.submit(groups::list);
  }

  /**
   * {@link ContactGroups#get(long)}, asynchronously.
   *
   * <p>Example: {@code client.async().contactGroups().get(1)}.
   *
   * @param groupId the group's id, positive
   * @return the group, or the failure
   */
  public CompletableFuture<ContactGroupDetail> get(long groupId) {
    return runner.submit(() -> groups.get(groupId));
  }

  /**
   * {@link ContactGroups#create(String, String, List)}, asynchronously.
   *
   * <p>Example: {@code create("VIP", "Top accounts", List.of("example.com"))}.
   *
   * @param name the group's name
   * @param description the description, or {@code null}
   * @param taggedDomains domains whose new contacts join the group; may be empty
   * @return the created group, or the failure
   */
  public CompletableFuture<ContactGroupDetail> create(
      String name, String description, List<String> taggedDomains) {
    return runner.submit(() -> groups.create(name, description, taggedDomains));
  }

  /**
   * {@link ContactGroups#edit(long, String, List)}, asynchronously.
   *
   * <p>Example: {@code edit(1, "Top accounts", List.of("example.com"))}.
   *
   * @param groupId the group's id, positive
   * @param description the new description, or {@code null} to keep it
   * @param taggedDomains the new domains, or {@code null} to keep them
   * @return the group after the edit, or the failure
   */
  public CompletableFuture<ContactGroupDetail> edit(
      long groupId, String description, List<String> taggedDomains) {
    return runner.submit(() -> groups.edit(groupId, description, taggedDomains));
  }

  /**
   * {@link ContactGroups#addContacts(long, List)}, asynchronously.
   *
   * <p>Example: {@code addContacts(3, List.of(GroupMember.of(33, true)))}.
   *
   * @param groupId the group's id, positive
   * @param members the contacts to add
   * @return one result per member, or the failure
   */
  public CompletableFuture<BulkResult<GroupMember>> addContacts(
      long groupId, List<GroupMember> members) {
    return runner.submit(() -> groups.addContacts(groupId, members));
  }

  /**
   * {@link ContactGroups#removeContacts(long, List)}, asynchronously.
   *
   * <p>Example: {@code removeContacts(3, List.of(33L))}.
   *
   * @param groupId the group's id, positive
   * @param contactIds the contacts to remove
   * @return one result per contact id, or the failure
   */
  public CompletableFuture<BulkResult<Long>> removeContacts(long groupId, List<Long> contactIds) {
    return runner.submit(() -> groups.removeContacts(groupId, contactIds));
  }

  /**
   * Returns a description.
   *
   * @return {@code AsyncContactGroups{}}
   */
  @Override
  public String toString() {
    return "AsyncContactGroups{}";
  }
}
