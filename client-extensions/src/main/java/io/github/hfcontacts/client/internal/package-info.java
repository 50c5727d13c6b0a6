/**
 * Machinery of the HappyFox client: interceptors, error-body parsing. <b>Not an
 * API</b>: types here are public only so that {@code io.github.hfcontacts.client} can use them; they
 * may change in any release.
 *
 * <p><b>Nullness.</b> Every parameter, return value and field is non-null unless documented
 * otherwise.
 */
package io.github.hfcontacts.client.internal;
