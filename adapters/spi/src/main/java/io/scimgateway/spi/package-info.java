/**
 * The contract between the gateway core and a backend: a {@link io.scimgateway.spi.Backend} offers a
 * {@link io.scimgateway.spi.ResourceStore} per resource type and optional capabilities (passwords,
 * entitlement catalogs, group membership, audit trail, health, shared secrets, request and read
 * concurrency).
 * Interfaces and value types, and {@link io.scimgateway.spi.FilterWalker} for the filter walks both
 * sides make; nothing here depends on the gateway.
 */
package io.scimgateway.spi;
