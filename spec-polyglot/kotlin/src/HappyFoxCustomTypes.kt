// The four schemas of the HappyFox contract that the kotlin generator (Moshi) cannot express,
// written by hand and mapped in with schemaMappings (see ../config.yaml): the contact bodies
// with their c-cf-<id> custom-field values, and the object-or-array body and answer of
// POST /users/. Moshi finds each adapter through @JsonClass (class name + "JsonAdapter").
package io.github.hfcontacts.kotlin.custom

import com.squareup.moshi.JsonAdapter
import com.squareup.moshi.JsonClass
import com.squareup.moshi.JsonReader
import com.squareup.moshi.JsonWriter
import com.squareup.moshi.Moshi
import com.squareup.moshi.Types
import io.github.hfcontacts.kotlin.client.models.Contact
import io.github.hfcontacts.kotlin.client.models.ContactUpsertResult
import io.github.hfcontacts.kotlin.client.models.LoginFlag
import io.github.hfcontacts.kotlin.client.models.PhoneInput

/**
 * One contact to create, or to update when a contact with this email exists (upsert by email).
 * [customFields] maps `c-cf-<id>` keys to values (string, number, list of choice ids, or null
 * to clear); custom fields left out are reset by HappyFox.
 */
@JsonClass(generateAdapter = true, generator = "hand-written")
data class ContactUpsert(
    val email: String?,
    val name: String? = null,
    val phones: List<PhoneInput>? = null,
    val isLoginEnabled: LoginFlag? = null,
    val customFields: Map<String, Any?> = emptyMap(),
)

/** Changes to one contact; every property optional, [customFields] as in [ContactUpsert]. */
@JsonClass(generateAdapter = true, generator = "hand-written")
data class ContactUpdate(
    val name: String? = null,
    val email: String? = null,
    val phones: List<PhoneInput>? = null,
    val isLoginEnabled: LoginFlag? = null,
    val customFields: Map<String, Any?> = emptyMap(),
)

/** The body of `POST /users/`: one contact, or an array of at most 100. */
@JsonClass(generateAdapter = true, generator = "hand-written")
sealed interface ContactUpsertRequest {
    data class One(val contact: ContactUpsert) : ContactUpsertRequest
    data class Many(val contacts: List<ContactUpsert>) : ContactUpsertRequest
}

/** The answer of `POST /users/`: the contact for one object, one result per item for an array. */
@JsonClass(generateAdapter = true, generator = "hand-written")
sealed interface ContactUpsertResponse {
    data class Saved(val contact: Contact) : ContactUpsertResponse
    data class Results(val results: List<ContactUpsertResult>) : ContactUpsertResponse
}

private val KNOWN = setOf("name", "email", "phones", "is_login_enabled")

/** Reads the contact properties and the other keys (custom fields) of one JSON object. */
private class ContactFields(moshi: Moshi) {
    private val phones: JsonAdapter<List<PhoneInput>> = moshi.adapter(listOf(PhoneInput::class.java))
    private val flag: JsonAdapter<LoginFlag> = moshi.adapter(LoginFlag::class.java)
    private val any: JsonAdapter<Any> = moshi.adapter(Any::class.java)

    fun read(reader: JsonReader): Map<String, Any?> {
        @Suppress("UNCHECKED_CAST")
        val json = reader.readJsonValue() as? Map<String, Any?>
            ?: throw com.squareup.moshi.JsonDataException("Expected an object at ${reader.path}")
        return json
    }

    fun phones(json: Map<String, Any?>): List<PhoneInput>? = json["phones"]?.let { phones.fromJsonValue(it) }

    fun flag(json: Map<String, Any?>): LoginFlag? = json["is_login_enabled"]?.let { flag.fromJsonValue(it) }

    /** The non-contact keys, with whole numbers as Long (Moshi reads every number as a double). */
    fun custom(json: Map<String, Any?>): Map<String, Any?> =
        json.filterKeys { it !in KNOWN }.mapValues { (_, value) -> whole(value) }

    private fun whole(value: Any?): Any? = when (value) {
        is Double -> if (value == Math.rint(value) && Math.abs(value) < 1e15) value.toLong() else value
        is List<*> -> value.map { whole(it) }
        else -> value
    }

    /** Writes the set properties, then every custom field, explicit nulls included. */
    fun write(writer: JsonWriter, email: Any?, emailSet: Boolean, name: String?, phones: List<PhoneInput>?,
              flag: LoginFlag?, customFields: Map<String, Any?>) {
        val json = linkedMapOf<String, Any?>()
        if (emailSet) json["email"] = email
        name?.let { json["name"] = it }
        phones?.let { json["phones"] = this.phones.toJsonValue(it) }
        flag?.let { json["is_login_enabled"] = this.flag.toJsonValue(it) }
        json.putAll(customFields)
        val serializeNulls = writer.serializeNulls
        writer.serializeNulls = true
        try {
            any.toJson(writer, json)
        } finally {
            writer.serializeNulls = serializeNulls
        }
    }
}

/** Moshi adapter of [ContactUpsert]. */
class ContactUpsertJsonAdapter(moshi: Moshi) : JsonAdapter<ContactUpsert>() {
    private val fields = ContactFields(moshi)

    override fun fromJson(reader: JsonReader): ContactUpsert {
        val json = fields.read(reader)
        return ContactUpsert(json["email"] as String?, json["name"] as String?, fields.phones(json),
            fields.flag(json), fields.custom(json))
    }

    override fun toJson(writer: JsonWriter, value: ContactUpsert?) {
        if (value == null) { writer.nullValue(); return }
        fields.write(writer, value.email, true, value.name, value.phones, value.isLoginEnabled, value.customFields)
    }
}

/** Moshi adapter of [ContactUpdate]. */
class ContactUpdateJsonAdapter(moshi: Moshi) : JsonAdapter<ContactUpdate>() {
    private val fields = ContactFields(moshi)

    override fun fromJson(reader: JsonReader): ContactUpdate {
        val json = fields.read(reader)
        return ContactUpdate(json["name"] as String?, json["email"] as String?, fields.phones(json),
            fields.flag(json), fields.custom(json))
    }

    override fun toJson(writer: JsonWriter, value: ContactUpdate?) {
        if (value == null) { writer.nullValue(); return }
        fields.write(writer, value.email, value.email != null, value.name, value.phones, value.isLoginEnabled,
            value.customFields)
    }
}

/** Reads and writes a value that is a JSON object of type [O] or a JSON array of type [A]. */
open class ObjectOrArrayJsonAdapter<T : Any, O : Any, A : Any>(
    private val objects: JsonAdapter<O>,
    private val arrays: JsonAdapter<A>,
    private val ofObject: (O) -> T,
    private val ofArray: (A) -> T,
    private val objectOf: (T) -> O?,
    private val arrayOf: (T) -> A,
) : JsonAdapter<T>() {
    override fun fromJson(reader: JsonReader): T? =
        if (reader.peek() == JsonReader.Token.BEGIN_ARRAY) arrays.fromJson(reader)?.let(ofArray)
        else objects.fromJson(reader)?.let(ofObject)

    override fun toJson(writer: JsonWriter, value: T?) {
        if (value == null) {
            writer.nullValue()
            return
        }
        val single = objectOf(value)
        if (single != null) objects.toJson(writer, single) else arrays.toJson(writer, arrayOf(value))
    }
}

private fun listOf(element: Class<*>) = Types.newParameterizedType(List::class.java, element)

/** Moshi adapter of [ContactUpsertRequest]. */
class ContactUpsertRequestJsonAdapter(moshi: Moshi) :
    ObjectOrArrayJsonAdapter<ContactUpsertRequest, ContactUpsert, List<ContactUpsert>>(
        moshi.adapter(ContactUpsert::class.java), moshi.adapter(listOf(ContactUpsert::class.java)),
        ContactUpsertRequest::One, ContactUpsertRequest::Many,
        { (it as? ContactUpsertRequest.One)?.contact }, { (it as ContactUpsertRequest.Many).contacts })

/** Moshi adapter of [ContactUpsertResponse]. */
class ContactUpsertResponseJsonAdapter(moshi: Moshi) :
    ObjectOrArrayJsonAdapter<ContactUpsertResponse, Contact, List<ContactUpsertResult>>(
        moshi.adapter(Contact::class.java), moshi.adapter(listOf(ContactUpsertResult::class.java)),
        ContactUpsertResponse::Saved, ContactUpsertResponse::Results,
        { (it as? ContactUpsertResponse.Saved)?.contact }, { (it as ContactUpsertResponse.Results).results })
