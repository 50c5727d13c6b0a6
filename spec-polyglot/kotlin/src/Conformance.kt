// Conformance program of the Kotlin client (kotlin generator, jvm-okhttp4, Moshi): runs every
// step of the scenario with the generated client and writes what it observed. Arguments:
// scenario file, results file, API base URL, API key, auth code. Each answer is decoded into the
// generated data classes and written back with the client's own Moshi (Serializer.moshi).
package io.github.hfcontacts.polyglot.kotlin

import com.squareup.moshi.Types
import io.github.hfcontacts.kotlin.client.apis.ContactCustomFieldsApi
import io.github.hfcontacts.kotlin.client.apis.ContactGroupsApi
import io.github.hfcontacts.kotlin.client.apis.ContactsApi
import io.github.hfcontacts.kotlin.client.infrastructure.ApiClient
import io.github.hfcontacts.kotlin.client.infrastructure.ClientError
import io.github.hfcontacts.kotlin.client.infrastructure.ClientException
import io.github.hfcontacts.kotlin.client.infrastructure.Serializer
import io.github.hfcontacts.kotlin.client.models.Contact
import io.github.hfcontacts.kotlin.client.models.ContactCustomField
import io.github.hfcontacts.kotlin.client.models.ContactGroupDetail
import io.github.hfcontacts.kotlin.client.models.ContactPage
import io.github.hfcontacts.kotlin.client.models.ErrorResponse
import io.github.hfcontacts.kotlin.client.models.GroupContactRemovalResult
import io.github.hfcontacts.kotlin.client.models.GroupContactUpdate
import io.github.hfcontacts.kotlin.client.models.GroupContactUpdateResult
import io.github.hfcontacts.kotlin.client.models.GroupContactsRemoval
import io.github.hfcontacts.kotlin.custom.ContactUpdate
import io.github.hfcontacts.kotlin.custom.ContactUpsertRequest
import io.github.hfcontacts.kotlin.custom.ContactUpsertResponse
import java.io.File
import java.lang.reflect.Type

private val moshi = Serializer.moshi
private val anyAdapter = moshi.adapter(Any::class.java).serializeNulls()

private fun listOf(element: Type): Type = Types.newParameterizedType(List::class.java, element)

private fun encode(value: Any?, type: Type): Any? = moshi.adapter<Any?>(type).toJsonValue(value)

private fun <T> decode(json: Any?, type: Type): T =
    moshi.adapter<T>(type).fromJsonValue(json) ?: throw IllegalArgumentException("null body")

fun main(args: Array<String>) {
    val (scenarioFile, resultsFile, url, apiKey, authCode) = args
    ApiClient.username = apiKey
    ApiClient.password = authCode
    val base = url.trimEnd('/')
    val contacts = ContactsApi(base)
    val groups = ContactGroupsApi(base)
    val customFields = ContactCustomFieldsApi(base)
    @Suppress("UNCHECKED_CAST")
    val scenario = anyAdapter.fromJson(File(scenarioFile).readText()) as Map<String, Any?>

    fun perform(step: Map<String, Any?>): Any? {
        @Suppress("UNCHECKED_CAST")
        val params = (step["params"] as Map<String, Any?>?) ?: emptyMap()
        val body = step["body"]
        return when (step["operation"]) {
            "listContactCustomFields" ->
                encode(customFields.listContactCustomFields(), listOf(ContactCustomField::class.java))
            "getContact" -> encode(contacts.getContact(params["contact"] as String), Contact::class.java)
            "listContacts" -> {
                val pages = mutableListOf<Any?>()
                for (page in 1..20) {
                    val answer = contacts.listContacts((params["size"] as Number).toInt(), page)
                    pages.add(encode(answer, ContactPage::class.java))
                    if (page >= answer.pageInfo.pageCount) break
                }
                pages
            }
            "createOrUpdateContacts" -> encode(
                contacts.createOrUpdateContacts(decode(body, ContactUpsertRequest::class.java)),
                ContactUpsertResponse::class.java)
            "updateContact" -> encode(
                contacts.updateContact(params["contact"] as String, decode(body, ContactUpdate::class.java)),
                Contact::class.java)
            "addContactsToGroup" -> encode(
                groups.addContactsToGroup((params["group_id"] as Number).toLong(),
                    decode(body, listOf(GroupContactUpdate::class.java))),
                listOf(GroupContactUpdateResult::class.java))
            "getContactGroup" -> encode(
                groups.getContactGroup((params["group_id"] as Number).toLong()), ContactGroupDetail::class.java)
            "removeContactsFromGroup" -> encode(
                groups.removeContactsFromGroup((params["group_id"] as Number).toLong(),
                    decode(body, GroupContactsRemoval::class.java)),
                listOf(GroupContactRemovalResult::class.java))
            else -> throw IllegalArgumentException("unknown operation ${step["operation"]}")
        }
    }

    val results = linkedMapOf<String, Any?>()
    @Suppress("UNCHECKED_CAST")
    for (step in scenario["steps"] as List<Map<String, Any?>>) {
        val id = step["id"] as String
        results[id] = try {
            mapOf("observed" to perform(step))
        } catch (e: ClientException) {
            val raw = (e.response as? ClientError<*>)?.body
            if (step.containsKey("expect_error") && raw is String) {
                val error: ErrorResponse = decode(anyAdapter.fromJson(raw), ErrorResponse::class.java)
                mapOf("observed" to mapOf("status" to e.statusCode, "body" to encode(error, ErrorResponse::class.java)))
            } else {
                mapOf("error" to "$e: $raw")
            }
        } catch (e: Exception) {
            mapOf("error" to e.toString())
        }
    }
    File(resultsFile).writeText(anyAdapter.indent("  ").toJson(mapOf("steps" to results)))
}
