/**
 * A stateful, in-memory HappyFox Contacts API for tests: start one with
 * {@link io.github.hfcontacts.sandbox.HappyFoxSandbox#start()}, the JUnit 5
 * {@link io.github.hfcontacts.sandbox.HappyFoxSandboxExtension}, or
 * {@code java -jar happyfox-contacts-sandbox.jar} ({@link io.github.hfcontacts.sandbox.SandboxMain}).
 *
 * <p>Every parameter and return value of this package is non-null unless its documentation says
 * otherwise.
 */
package io.github.hfcontacts.sandbox;
