package com.example.consumer;

import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.NotFoundException;
import io.github.hfcontacts.openapi.model.Contact;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What an application writes against the client: look contacts up and rename them. */
public final class ContactDirectory {
  private final HappyFoxClient client;

  public ContactDirectory(HappyFoxClient client) {
    this.client = client;
  }

  /** The name of the contact with this email, or empty when HappyFox has none. */
  public Optional<String> nameOf(String email) {
    try {
      return Optional.ofNullable(client.contacts().getByEmail(email).getName());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Renames the contact, keeping its custom fields, without blocking the caller. */
  public CompletableFuture<Contact> rename(String email, String newName) {
    return client.async().contacts()
        .updateByEmail(email, ContactDraft.builder().name(newName).build());
  }
}
