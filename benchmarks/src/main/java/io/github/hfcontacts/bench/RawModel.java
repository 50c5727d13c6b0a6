package io.github.hfcontacts.bench;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * Plain classes for hand-written OkHttp + Moshi, the floor the client is measured against:
 * public fields with Moshi's reflective adapter, the Java types a hand-written client would pick
 * (primitives where a value is always present, strings for enumerations), no unknown-key, null or
 * required-property bookkeeping.
 */
final class RawModel {
  private RawModel() {}

  static final class Contact {
    long id;
    String name;
    String email;
    @Json(name = "primary_phone") Phone primaryPhone;
    List<Phone> phones;
    @Json(name = "created_at") String createdAt;
    @Json(name = "updated_at") String updatedAt;
    @Json(name = "pending_tickets_count") int pendingTicketsCount;
    @Json(name = "tickets_count") int ticketsCount;
    @Json(name = "contact_groups") List<Group> contactGroups;
    @Json(name = "custom_fields") List<CustomField> customFields;
    @Json(name = "is_login_enabled") String isLoginEnabled;
  }

  static final class Phone {
    long id;
    String type;
    String number;
  }

  static final class Group {
    long id;
    String name;
    String description;
    @Json(name = "tagged_domains") String taggedDomains;
    @Json(name = "access_all_tickets_in_group") boolean accessAllTicketsInGroup;
  }

  static final class CustomField {
    long id;
    String name;
    String type;
    Object value;
    @Json(name = "value_id") Object valueId;
    @Json(name = "visible_to_staff_only") boolean visibleToStaffOnly;
  }

  static final class PageInfo {
    int count;
    @Json(name = "page_count") int pageCount;
    @Json(name = "start_index") int startIndex;
    @Json(name = "end_index") int endIndex;
    @Json(name = "last_index") int lastIndex;
  }

  static final class Page {
    @Json(name = "page_info") PageInfo pageInfo;
    List<Contact> data;
  }

  static final class Upsert {
    String name;
    String email;
    @Json(name = "c-cf-8") String accountManager;
    @Json(name = "c-cf-4") long region;
  }

  static final class UpsertResult {
    String email;
    boolean success;
    long id;
  }
}
