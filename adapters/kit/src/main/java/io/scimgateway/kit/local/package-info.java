/**
 * Local state: what SCIM carries and a remote platform cannot hold ({@code externalId}, name parts,
 * extension attributes, groups nested in groups), kept by resource type and platform id in a SQLite
 * file of the adapter's own or on a database server several gateways share
 * ({@link io.scimgateway.kit.local.LocalStateLocation}), so that what an identity provider writes it
 * reads back.
 */
package io.scimgateway.kit.local;
