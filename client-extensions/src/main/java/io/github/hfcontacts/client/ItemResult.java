package io.github.hfcontacts.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of one input item of a bulk operation ({@link Contacts#upsertAll},
 * {@link ContactGroups#addContacts}, {@link ContactGroups#removeContacts}).
 *
 * <p>Exactly one of: {@link Status#SUCCEEDED} (with the contact {@link #id()}),
 * {@link Status#REJECTED} (HappyFox answered {@code success: false} for this item, with its
 * {@link #errors()} or {@link #message()}), {@link Status#CHUNK_FAILED} or
 * {@link Status#NOT_SENT} (with the {@link #chunkFailure()} of the request that carried it).
 *
 * <p>Example:
 * <pre>{@code
 * for (ItemResult<ContactDraft> item : result.failures()) {
 *   log.warn("contact #{} ({}) not saved: {}", item.index(), item.input().email().orElse("-"),
 *       item.chunkFailure().map(f -> f.exception().getMessage()).orElse(item.errors().toString()));
 * }
 * }</pre>
 *
 * <p>Thread safety: immutable if the input item is.
 *
 * @param <T> the type of the input items
 */
public final class ItemResult<T> {
  /** What happened to an item. */
  public enum Status {
    /** HappyFox applied the item. */
    SUCCEEDED,
    /** HappyFox answered {@code success: false} for the item; the others of its chunk may be fine. */
    REJECTED,
    /** The request carrying the item failed or its answer could not be matched to the items. */
    CHUNK_FAILED,
    /** The item was not sent, because an earlier chunk failed in a way that stops the operation. */
    NOT_SENT
  }

  private final int index;
  private final T input;
  private final Status status;
  private final Long id;
  private final ArrayList<FieldError> errors;
  private final String message;
  private final ChunkFailure chunkFailure;

  private ItemResult(int index, T input, Status status, Long id, List<FieldError> errors,
      String message, ChunkFailure chunkFailure) {
    this.index = index;
    this.input = input;
    this.status = status;
    this.id = id;
    this.errors = new ArrayList<>(errors);
    this.message = message;
    this.chunkFailure = chunkFailure;
  }

  static <T> ItemResult<T> succeeded(int index, T input, Long id, String message) {
    return new ItemResult<>(index, input, Status.SUCCEEDED, id, Collections.emptyList(), message,
        null);
  }

  static <T> ItemResult<T> rejected(int index, T input, Long id, List<FieldError> errors,
      String message) {
    return new ItemResult<>(index, input, Status.REJECTED, id, errors, message, null);
  }

  static <T> ItemResult<T> chunkFailed(int index, T input, ChunkFailure failure) {
    return chunkFailed(index, input, failure, null);
  }

  static <T> ItemResult<T> chunkFailed(int index, T input, ChunkFailure failure, String message) {
    Objects.requireNonNull(failure, "failure");
    return new ItemResult<>(index, input,
        failure.sent() ? Status.CHUNK_FAILED : Status.NOT_SENT, null, Collections.emptyList(),
        message, failure);
  }

  /** The same result for the item at {@code newIndex} of the caller's input. */
  ItemResult<T> withIndex(int newIndex) {
    return newIndex == index ? this
        : new ItemResult<>(newIndex, input, status, id, errors, message, chunkFailure);
  }

  /**
   * Returns the item's position in the caller's input, from 0.
   *
   * <p>Example: {@code 150} for the 151st contact given to {@code upsertAll}.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Returns the input item this result is about.
   *
   * <p>Example: the {@link ContactDraft} at {@link #index()}.
   *
   * @return the input
   */
  public T input() {
    return input;
  }

  /**
   * Returns what happened to the item.
   *
   * <p>Example: {@link Status#SUCCEEDED}.
   *
   * @return the status
   */
  public Status status() {
    return status;
  }

  /**
   * Returns whether HappyFox applied the item.
   *
   * <p>Example: {@code true} for {@code {"email": "a@example.com", "success": true, "id": 14}}.
   *
   * @return whether the status is {@link Status#SUCCEEDED}
   */
  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }

  /**
   * Returns whether the item failed in a way that leaves its fate unknown: its request may have
   * been applied by HappyFox and reading it back did not settle it. Every other failed item was
   * certainly not applied (not sent, refused, or read back as not applied).
   *
   * <p>Example: {@code false} for an item whose chunk met HTTP 400, or that was read back as not
   * applied after a dropped connection.
   *
   * @return whether the status is {@link Status#CHUNK_FAILED} and the chunk failure
   *     {@linkplain ChunkFailure#mayHaveBeenApplied() may have been applied}
   */
  public boolean outcomeUnknown() {
    return status == Status.CHUNK_FAILED && chunkFailure.mayHaveBeenApplied();
  }

  /**
   * Returns the id of the contact the item is about: for an upsert, the id HappyFox answered; for
   * group membership, the contact id sent.
   *
   * <p>Example: {@code OptionalLong.of(14)}.
   *
   * @return the contact id, or empty when unknown (a failed upsert)
   */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /**
   * Returns the field errors HappyFox gave for this item, when it was rejected.
   *
   * <p>Example: {@code [contact: Select a valid choice. That choice is not one of the available
   * choices.]}.
   *
   * @return an unmodifiable list, empty unless rejected with errors
   */
  public List<FieldError> errors() {
    return Collections.unmodifiableList(errors);
  }

  /**
   * Returns HappyFox's message for this item, where it sends one (group removals), or what the
   * client found when it read the item back after a request whose outcome was unknown.
   *
   * <p>Example: {@code Optional.of("Contact not part of the contact group")}, or
   * {@code Optional.of("not applied, as read back: no contact with this email")}.
   *
   * @return the message
   */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /**
   * Returns the failure of the request that carried the item, for {@link Status#CHUNK_FAILED} and
   * {@link Status#NOT_SENT}.
   *
   * <p>Example: a failure whose {@code exception()} is a {@link ServerException} for HTTP 500.
   *
   * @return the chunk failure, or empty
   */
  public Optional<ChunkFailure> chunkFailure() {
    return Optional.ofNullable(chunkFailure);
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code ItemResult{#3 SUCCEEDED id=14}} or {@code ItemResult{#150 CHUNK_FAILED:
   *     POST /api/1.1/json/users/ failed: HTTP 500}}
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ItemResult{#").append(index).append(' ').append(status);
    if (id != null) {
      out.append(" id=").append(id);
    }
    if (!errors.isEmpty()) {
      out.append(' ').append(errors);
    }
    if (message != null) {
      out.append(" \"").append(message).append('"');
    }
    if (chunkFailure != null) {
      out.append(": ").append(chunkFailure.exception().getMessage());
    }
    return out.append('}').toString();
  }
}
