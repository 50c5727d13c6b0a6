package io.github.hfcontacts.client;

/**
 * A contact to add to a contact group, with whether it may see the tickets of the group's other
 * contacts ({@code access_tickets}).
 *
 * <p>Example: {@code GroupMember.of(41, true)} is sent as {@code {"contact": 41,
 * "access_tickets": true}}; {@code GroupMember.of(200)} as {@code {"contact": 200,
 * "access_tickets": false}}.
 *
 * <p>Thread safety: immutable.
 */
public final class GroupMember {
  private final long contactId;
  private final boolean accessTickets;

  private GroupMember(long contactId, boolean accessTickets) {
    this.contactId = contactId;
    this.accessTickets = accessTickets;
  }

  /**
   * A member with the given ticket access.
   *
   * <p>Example: {@code GroupMember.of(41, true)}.
   *
   * @param contactId the contact's id, positive
   * @param accessTickets whether the contact may see the tickets of the group's other contacts
   * @return the member
   * @throws IllegalArgumentException naming {@code contactId} if it is not positive
   */
  public static GroupMember of(long contactId, boolean accessTickets) {
    return new GroupMember(Args.positiveId("contactId", contactId), accessTickets);
  }

  /**
   * A member without access to the other contacts' tickets (HappyFox's default), sent explicitly.
   *
   * <p>Example: {@code GroupMember.of(200)}.
   *
   * @param contactId the contact's id, positive
   * @return the member
   * @throws IllegalArgumentException naming {@code contactId} if it is not positive
   */
  public static GroupMember of(long contactId) {
    return of(contactId, false);
  }

  /**
   * Returns the contact's id.
   *
   * <p>Example: {@code 41}.
   *
   * @return the id
   */
  public long contactId() {
    return contactId;
  }

  /**
   * Returns whether the contact may see the tickets of the group's other contacts.
   *
   * <p>Example: {@code true}.
   *
   * @return the access flag
   */
  public boolean accessTickets() {
    return accessTickets;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof GroupMember)) {
      return false;
    }
    GroupMember that = (GroupMember) other;
    return contactId == that.contactId && accessTickets == that.accessTickets;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(contactId) * 31 + (accessTickets ? 1 : 0);
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code GroupMember{41, accessTickets}} or {@code GroupMember{200}}
   */
  @Override
  public String toString() {
    return "GroupMember{" + contactId + (accessTickets ? ", accessTickets" : "") + "}";
  }
}
