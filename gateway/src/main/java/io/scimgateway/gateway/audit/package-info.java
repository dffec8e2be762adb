/**
 * Reading and keeping the audit trail: an event as a SCIM resource of the gateway's own
 * {@code AuditEvent} type, the filters {@code /AuditEvents} and the {@code audit} command take, and
 * the background pruning that enforces retention. Events are made in the core and kept by the
 * backend's {@link io.scimgateway.spi.AuditTrail}.
 */
package io.scimgateway.gateway.audit;
