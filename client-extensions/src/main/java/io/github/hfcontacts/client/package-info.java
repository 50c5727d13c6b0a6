/**
 * The HappyFox Contacts client: configuration ({@link io.github.hfcontacts.client.HappyFoxClient}),
 * the typed error hierarchy rooted at {@link io.github.hfcontacts.client.HappyFoxException}, and the
 * small value and callback types they use.
 *
 * <p><b>Nullness.</b> In this package every parameter, return value and field is non-null unless
 * its documentation says otherwise; "absent" is expressed with {@link java.util.Optional} or
 * {@link java.util.OptionalInt}. Passing {@code null} where it is not documented as allowed fails
 * fast with a {@link NullPointerException} naming the argument.
 *
 * <p><b>Threads.</b> Every public type here is immutable or otherwise safe to share between threads,
 * unless its documentation says otherwise (the builders are not).
 */
package io.github.hfcontacts.client;
