package io.scimgateway.sqlitefile;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * One write waiting in {@link GroupCommit}: its work, and once its group is committed, its outcome.
 * The outcome is recorded when the work runs but released only by {@link #answer}, after the commit.
 */
final class GroupedWrite<T> {

  /** Tells the commit thread to stop once it has committed what came before. */
  static final GroupedWrite<Void> STOP = new GroupedWrite<>(handle -> null, handle -> null);

  private final SqliteDatabase.HandleWork<T> work;
  private final SqliteDatabase.HandleWork<T> alone;
  private final CountDownLatch answered = new CountDownLatch(1);
  private T result;
  private Throwable failure;

  /**
   * @param work the write, run in a savepoint among others
   * @param alone the same write when it is alone in its transaction, free to roll the transaction
   *     back and begin it again ({@link OptimisticBatch#runAsTransaction}); often {@code work} itself
   */
  GroupedWrite(SqliteDatabase.HandleWork<T> work, SqliteDatabase.HandleWork<T> alone) {
    this.work = work;
    this.alone = alone;
  }

  /**
   * Runs the work in its own savepoint of the group's transaction, keeping its outcome; throws only
   * when the transaction can no longer be trusted ({@link Savepoint.Lost}).
   */
  void runIn(Handle handle) {
    try {
      result = GroupCommit.inSavepoint(handle, work);
    } catch (Savepoint.Lost e) {
      throw e;
    } catch (ScimException | RuntimeException | Error e) {
      failure = e;
    }
  }

  /**
   * Runs the work as the only write of the transaction, without a savepoint. If it fails, the
   * transaction is rolled back and begun again, empty, so that the commit that follows keeps nothing
   * of it.
   */
  void runAlone(Handle handle) {
    try {
      result = alone.apply(handle);
    } catch (Savepoint.Lost e) {
      throw e;
    } catch (ScimException | RuntimeException | Error e) {
      failure = e;
      handle.rollback();
      handle.begin();
    }
  }

  /** The group's commit failed: whatever the work did is not durable. */
  void commitFailed(RuntimeException cause) {
    if (failure == null) {
      failure = cause;
    }
    result = null;
  }

  /** Releases the waiting request; called only once the group's commit has returned (or failed). */
  void answer() {
    answered.countDown();
  }

  /** Waits for {@link #answer}; fails if the commit thread ended without answering. */
  T awaitCommitted(Thread committer) throws ScimException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (answered.await(1, TimeUnit.SECONDS)) {
            break;
          }
          if (!committer.isAlive() && answered.getCount() > 0) {
            throw new IllegalStateException("The store closed before this write was committed.");
          }
        } catch (InterruptedException e) {
          interrupted = true; // the write is queued: its answer must still be awaited
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure instanceof ScimException scim) {
      throw scim;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return result;
  }
}
