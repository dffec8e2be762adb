package io.scimgateway.sqlitefile;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.WriteBatching;
import org.jdbi.v3.core.Handle;

/**
 * A repeatable batch run first as one attempt, in one savepoint, with the writes inside it not set
 * apart in savepoints of their own. If every write succeeds, that is the batch. If one fails, it may
 * have left part of itself behind, so the attempt is rolled back as a whole and the batch runs again
 * the careful way, each write in its own savepoint, where the failed write fails alone and the others
 * apply. Failures are rare in a bulk load or an HR sync, so the common case pays one savepoint per
 * batch instead of one per write: on SQLite, no copy of each page a write changes to the sub-journal;
 * on a server database, no two extra round trips and no subtransaction per write.
 *
 * <p>The attempt is marked in a thread-local, which {@link Savepoint#run} (where every write joining
 * a transaction runs) asks, running the write {@link #unguarded} instead.
 */
public final class OptimisticBatch {

  private static final ThreadLocal<Boolean> ATTEMPTING = ThreadLocal.withInitial(() -> false);

  private OptimisticBatch() {
  }

  /** True while an attempt runs on this thread: writes then run without their own savepoint. */
  static boolean attempting() {
    return ATTEMPTING.get();
  }

  /** Runs the batch as an attempt and, if a write in it fails, again write by write. */
  public static <T> T run(Handle handle, WriteBatching.Work<T> work) throws ScimException {
    handle.execute("SAVEPOINT batch_attempt");
    return attempt(work, () -> handle.execute("RELEASE SAVEPOINT batch_attempt"), () -> {
      handle.execute("ROLLBACK TO SAVEPOINT batch_attempt");
      handle.execute("RELEASE SAVEPOINT batch_attempt");
    });
  }

  /**
   * {@link #run} for a batch that is its transaction's only write: the attempt needs no savepoint,
   * since undoing it is rolling the transaction back (and beginning it again for the careful run).
   */
  static <T> T runAsTransaction(Handle handle, WriteBatching.Work<T> work) throws ScimException {
    return attempt(work, () -> { }, () -> {
      handle.rollback();
      handle.begin();
    });
  }

  /**
   * Runs the work as an attempt, then {@code kept} if it succeeded; if a write in it failed, {@code
   * undo} and the work again, write by write.
   */
  private static <T> T attempt(WriteBatching.Work<T> work, Runnable kept, Runnable undo)
      throws ScimException {
    ATTEMPTING.set(true);
    try {
      T result = work.run();
      kept.run();
      return result;
    } catch (WriteFailed failed) {
      undo.run();
    } finally {
      ATTEMPTING.set(false);
    }
    return work.run();
  }

  /**
   * A write inside the attempt: runs in place; if it fails, the attempt ends ({@link WriteFailed}
   * passes through the callers' handling of SCIM and runtime errors, which would otherwise record the
   * failure and go on with a transaction holding part of the write).
   */
  static <T> T unguarded(Handle handle, SqlDatabase.HandleWork<T> work) {
    try {
      return work.apply(handle);
    } catch (WriteFailed failed) {
      throw failed;
    } catch (ScimException | RuntimeException | Error e) {
      throw new WriteFailed(e);
    }
  }

  /** Ends an attempt; never leaves {@link #run}. An error so that no catch of failures stops it. */
  static final class WriteFailed extends Error {
    private static final long serialVersionUID = 1L;

    WriteFailed(Throwable cause) {
      super("A write failed inside an optimistic batch attempt", cause, false, false);
    }
  }
}
