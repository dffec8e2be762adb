/**
 * Catalogs: the entitlements and roles a backend offers, listed as read-only resources with the
 * same filter and paging rules as Users and Groups ({@link
 * io.scimgateway.gateway.core.catalog.CatalogListing}). Uses the core and {@code query}.
 */
package io.scimgateway.gateway.core.catalog;
