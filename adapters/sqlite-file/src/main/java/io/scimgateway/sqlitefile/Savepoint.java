package io.scimgateway.sqlitefile;

import com.unboundid.scim2.common.exceptions.ScimException;
import org.jdbi.v3.core.Handle;

/**
 * One write inside an open transaction, in its own savepoint: all of it applies, or none of it does,
 * and the transaction goes on either way. The one place where a write that joins others runs, for
 * SQLite's group commit and for a server database's batches alike; a write alone in SQLite's group
 * commit needs none, since its transaction holds nothing else.
 */
public final class Savepoint {

  private Savepoint() {
  }

  /** Runs {@code work} in a savepoint of {@code handle}'s open transaction. */
  public static <T> T run(Handle handle, SqlDatabase.HandleWork<T> work) throws ScimException {
    if (OptimisticBatch.attempting()) {
      return OptimisticBatch.unguarded(handle, work); // the attempt's own savepoint covers it
    }
    handle.execute("SAVEPOINT one_write");
    try {
      T result = work.apply(handle);
      handle.execute("RELEASE SAVEPOINT one_write");
      return result;
    } catch (ScimException | RuntimeException | Error e) {
      try {
        handle.execute("ROLLBACK TO SAVEPOINT one_write");
        handle.execute("RELEASE SAVEPOINT one_write");
      } catch (RuntimeException rollbackFailed) {
        rollbackFailed.addSuppressed(e);
        throw new Lost(rollbackFailed);
      }
      throw e;
    }
  }

  /**
   * A failed write could not be rolled back to its savepoint: the transaction may hold part of it, so
   * the whole transaction is rolled back and fails.
   */
  public static final class Lost extends RuntimeException {
    Lost(RuntimeException cause) {
      super("A failed write could not be undone, so its transaction is not committed: "
          + cause.getMessage(), cause);
    }
  }
}
