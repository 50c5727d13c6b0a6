/**
 * A {@link io.github.hfcontacts.client.RateBudget} shared between processes through a Bucket4j
 * distributed store: {@link io.github.hfcontacts.ratelimit.bucket4j.Bucket4jRateBudget}.
 *
 * <p><b>Nullness.</b> Every parameter, return value and field is non-null unless documented
 * otherwise.
 */
package io.github.hfcontacts.ratelimit.bucket4j;
