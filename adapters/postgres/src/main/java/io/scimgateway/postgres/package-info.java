/**
 * The store on a PostgreSQL server ({@code backend.type: postgres}), so that several gateways serve
 * one directory: the store's code is the embedded store's ({@link io.scimgateway.sqlite.SqlBackend}),
 * with {@link io.scimgateway.postgres.PostgresDialect} for what PostgreSQL says differently,
 * {@link io.scimgateway.postgres.PostgresDatabase} for pooled connections and transactions, and
 * migrations that run once however many gateways start together. Local state of the remote
 * backends may live on PostgreSQL too ({@link io.scimgateway.postgres.PostgresLocalStateServer}).
 */
package io.scimgateway.postgres;
