/**
 * One SQLite file as the embedded store and the remote adapters' local state open it: a single writer
 * and pooled readers in WAL mode ({@link io.scimgateway.sqlitefile.SqliteDatabase}) on connections that
 * keep their prepared statements ({@link io.scimgateway.sqlitefile.StatementKeepingConnection}), versioned schema
 * migrations, and times written so that text order is time order. {@link
 * io.scimgateway.sqlitefile.SqlDatabase} is what the store needs of any database, SQLite's or a
 * server's, and {@link io.scimgateway.sqlitefile.Savepoint} how a write joins an open transaction.
 */
package io.scimgateway.sqlitefile;
