/**
 * The store: Users and Groups in SQL ({@link io.scimgateway.sqlite.SqlBackend}), one code path for the
 * embedded SQLite file and for PostgreSQL. The filter compiler, sorting, keyset cursors, the
 * membership table, uniqueness by unique indexes, versions by conditional updates and a user's
 * computed {@code groups} are shared; what the two databases say differently is
 * {@link io.scimgateway.sqlite.SqlDialect}. What is SQLite's alone (Java functions registered in
 * SQLite, the embedded store's migrations) stays in {@link io.scimgateway.sqlite.ScimSqlFunctions} and
 * {@code SqliteBackend}.
 */
package io.scimgateway.sqlite;
