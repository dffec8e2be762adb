/**
 * {@code /Bulk}: {@link io.scimgateway.gateway.core.bulk.BulkProcessor} resolves {@code bulkId}
 * references, runs each operation through the resource type's
 * {@link io.scimgateway.gateway.core.ResourceService} (in one store batch where the backend offers
 * one) and reports each operation's outcome. Uses the core and {@code write}'s version checks.
 */
package io.scimgateway.gateway.core.bulk;
