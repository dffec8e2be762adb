/**
 * SCIM semantics, once for every backend: schema checks, uniqueness, PATCH, versions and
 * {@code If-Match}, projection, query planning with push-down and residual filtering, paging and
 * cursors, /Bulk, passwords and catalogs. It speaks to backends only through the SPI.
 */
package io.scimgateway.gateway.core;
