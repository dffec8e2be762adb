package io.scimgateway.sqlitefile;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.ReadConcurrency;
import io.scimgateway.spi.WriteBatching;
import java.sql.Connection;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A database the store's SQL runs on: an embedded SQLite file ({@link SqliteDatabase}) or a server
 * such as PostgreSQL. Writes are all or nothing; a write made inside another write, or inside a batch,
 * joins it in a savepoint; reads see committed data (or, inside a batch, the batch's own writes).
 * Implementations are thread-safe.
 */
public interface SqlDatabase extends AutoCloseable {

  /**
   * Runs {@code work} as one unit: the writes and reads it makes join one transaction, each write in
   * its own savepoint. The answer comes once that transaction is committed.
   */
  <T> T inOneBatch(WriteBatching.Work<T> work) throws ScimException;

  /** {@link WriteBatching#inOneRepeatableBatch}: by default, {@link #inOneBatch}. */
  default <T> T inOneRepeatableBatch(WriteBatching.Work<T> work) throws ScimException {
    return inOneBatch(work);
  }

  /** A write: all of it applies or none does; returns once it is committed (or joins the current one). */
  <T> T write(HandleWork<T> work) throws ScimException;

  /** A consistent read of committed data, or inside a batch or write, of its own writes too. */
  <T> T read(ReadWork<T> work) throws ScimException;

  /**
   * A read that usually takes one statement (a lookup by id or by userName): the same as
   * {@link #read}, except that a server database may run a single statement without a transaction
   * of its own, and runs the work again in one as soon as it makes a second.
   */
  default <T> T lookup(ReadWork<T> work) throws ScimException {
    return read(work);
  }

  /**
   * How many reads are worth running at once, where reads are work for this machine's cores (an
   * embedded file); empty where they mostly wait on another machine (a database server).
   */
  default Optional<ReadConcurrency> readConcurrency() {
    return Optional.empty();
  }

  @Override
  void close();

  /** Work on a handle that may fail with a SCIM error. */
  @FunctionalInterface
  interface HandleWork<T> {
    T apply(Handle handle) throws ScimException;
  }

  /** Reads on a connection that may fail with a SCIM error. */
  @FunctionalInterface
  interface ReadWork<T> {
    T apply(Connection connection) throws ScimException;
  }
}
