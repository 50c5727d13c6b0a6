package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.model.Contact;
import java.util.Objects;
import okhttp3.Request;
import retrofit2.Call;

/**
 * A guarded read-merge-write found that the contact changed since the caller read it, and wrote
 * nothing. Thrown by {@link Contacts#updateMerging(long, ContactDraft, Contact)} and
 * {@link Contacts#updateByEmail(String, ContactDraft, Contact)}; never retried.
 *
 * <p>HappyFox has no version or ETag, so the client compares the contact it reads just before the
 * write with the one the caller passed: their {@code updated_at}, or, when HappyFox answers no
 * {@code updated_at}, their name, email, phones, login flag and custom fields.
 * {@link #currentContact()} is the contact as it is now, to show the change or merge again.
 *
 * <p>Example:
 * <pre>{@code
 * try {
 *   contacts.updateByEmail("james@example.com", changes, shown);
 * } catch (ConcurrentEditException e) {
 *   Contact now = e.currentContact();
 *   // show the user what changed, then retry with now as the expected contact
 * }
 * }</pre>
 *
 * <p>Its method and path are those of the read that saw the change ({@code GET
 * /api/1.1/json/user/33/}); it has no status code.
 *
 * <p>Thread safety: immutable once thrown, except the generated {@link Contact} it holds, which is
 * a mutable data object: do not change it from several threads.
 */
public final class ConcurrentEditException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  /** The contact as read just before the write; not serialised (the model is not Serializable). */
  private final transient Contact currentContact;

  private ConcurrentEditException(String message, String method, String path, Contact current) {
    super(message, method, path, -1, null, 1, null);
    this.currentContact = current;
  }

  /**
   * Returns the contact as HappyFox answered it just before the write that was not made.
   *
   * <p>Example: {@code e.currentContact().getUpdatedAt()} is the newer {@code updated_at}.
   *
   * @return the current contact; {@code null} after deserialisation
   */
  public Contact currentContact() {
    return currentContact;
  }

  /**
   * Throws when {@code current} (answered by {@code read}) is not the contact {@code expected}.
   */
  static void check(Call<Contact> read, Contact expected, Contact current) {
    String was = expected.getUpdatedAt();
    String now = current.getUpdatedAt();
    String change;
    if (was != null && now != null) {
      if (was.equals(now)) {
        return;
      }
      change = "updated_at " + was + " is now " + now;
    } else {
      if (sameEditableFields(expected, current)) {
        return;
      }
      change = "no updated_at to compare, and its fields differ";
    }
    Request request = read.request();
    throw new ConcurrentEditException(
        "contact " + current.getId() + " not updated: it changed since it was read (" + change
            + "); nothing was written",
        request.method(), request.url().encodedPath(), current);
  }

  /** The fields a user edits; ticket counts and groups change without an edit of the contact. */
  private static boolean sameEditableFields(Contact a, Contact b) {
    return Objects.equals(a.getName(), b.getName())
        && Objects.equals(a.getEmail(), b.getEmail())
        && Objects.equals(a.getPhones(), b.getPhones())
        && Objects.equals(a.getPrimaryPhone(), b.getPrimaryPhone())
        && Objects.equals(a.getIsLoginEnabled(), b.getIsLoginEnabled())
        && Objects.equals(a.getCustomFields(), b.getCustomFields());
  }
}
