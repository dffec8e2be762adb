/**
 * The HTTP face of the gateway on Jersey: endpoints for resources, /Bulk, /.search, discovery and
 * /AuditEvents, the bearer-auth and base-path filters, content types, the access log, and SCIM error
 * bodies for every failure. SCIM logic lives in the core; this package translates HTTP to it and back.
 */
package io.scimgateway.gateway.http;
