/**
 * Annotations that the generated API interfaces carry from the OpenAPI contract to run time, such
 * as {@link io.github.hfcontacts.openapi.annotation.SpecOperation}.
 */
package io.github.hfcontacts.openapi.annotation;
