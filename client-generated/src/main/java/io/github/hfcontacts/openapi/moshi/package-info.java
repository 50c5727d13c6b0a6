/**
 * The hand-written Moshi runtime of the generated client: {@link
 * io.github.hfcontacts.openapi.moshi.HappyFoxMoshi} and the annotations the project's templates
 * put on generated models. Parameters and return values are non-null unless documented
 * otherwise.
 */
package io.github.hfcontacts.openapi.moshi;
