/**
 * Writing: a create, replace or PATCH from the client's body to what the store gets. {@link
 * io.scimgateway.gateway.core.write.ResourceValidator} checks schemas and values, {@link
 * io.scimgateway.gateway.core.write.PatchRequestReader} and {@code LenientPatch} read PATCH as IdPs
 * send it, {@link io.scimgateway.gateway.core.write.ETags} and {@code Preconditions} hold versions and
 * {@code If-Match}, {@code UniqueGroupNames} and {@code EntitlementRules} check across resources, and
 * {@link io.scimgateway.gateway.core.write.AuditedChanges} records each change. Uses the core's
 * settings, {@code query} (uniqueness is a search) and {@code password} (which values never reach the
 * audit trail).
 */
package io.scimgateway.gateway.core.write;
