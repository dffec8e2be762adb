/**
 * SCIM semantics, once for every backend. {@link io.scimgateway.gateway.core.ResourceService} is the
 * one entry per resource type that http calls; it runs each request through the rooms below and
 * speaks to the backend only through the SPI. What stays here is what every room reads: the limits
 * and client-compatibility settings, the requester, how a stored resource is rendered, the
 * {@code userName} normal form and the bracket check shared by filters and PATCH paths.
 *
 * <ul>
 *   <li>{@code query}: parse and type-check a list request, plan push-down, evaluate the residual
 *       filter, sort, page and cursors, project.</li>
 *   <li>{@code password}: the password extension, hashes, resets and the port reset tokens leave
 *       by.</li>
 *   <li>{@code catalog}: entitlement and role catalogs as listed resources.</li>
 *   <li>{@code write}: validate, uniqueness, PATCH, versions and preconditions, audited changes.</li>
 *   <li>{@code bulk}: {@code /Bulk}, each operation through the same service.</li>
 * </ul>
 * Rooms may use this package and the rooms listed before them; nothing here uses http.
 */
package io.scimgateway.gateway.core;
