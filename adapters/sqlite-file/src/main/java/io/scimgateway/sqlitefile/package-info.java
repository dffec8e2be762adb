/**
 * One SQLite file as the embedded store and the remote adapters' local state open it: a single writer
 * and pooled readers in WAL mode ({@link io.scimgateway.sqlitefile.SqliteDatabase}), versioned schema
 * migrations, and times written so that text order is time order.
 */
package io.scimgateway.sqlitefile;
