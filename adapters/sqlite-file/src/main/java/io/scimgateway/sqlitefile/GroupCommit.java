package io.scimgateway.sqlitefile;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.WriteBatching;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit: writes submitted by concurrent requests share one transaction and one sync. One
 * thread owns the writer connection. It takes every write waiting, runs each in its own savepoint of
 * one transaction, commits once, and only then answers them all, so that an answered write is always a
 * durable one (with {@code synchronous = full} the commit syncs the log before it returns).
 *
 * <p>A write that fails (a uniqueness conflict, a failed precondition, any exception) rolls back to its
 * savepoint and leaves no trace; the others in its group are unaffected. If the commit itself fails
 * (the disk is full, an I/O error), none of the group is durable, and every write in it fails.
 *
 * <p>A write alone in its group needs no savepoint: if it fails, the transaction, which holds nothing
 * else, is rolled back. That spares SQLite copying each page the write changes to the sub-journal,
 * which for a bulk request or a sync batch of a thousand creates is thousands of pages.
 *
 * <p>While a group runs, {@link #currentHandle()} on the commit thread is the group's handle, so that
 * reads and writes made by a write (and a whole bulk request, which runs as one write) join it.
 * Thread-safe.
 */
final class GroupCommit implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  /** Most writes in one transaction: bounds how long the first of them waits for the commit. */
  static final int MAX_GROUP = 256;

  private static final ThreadLocal<Handle> GROUP_HANDLE = new ThreadLocal<>();

  private final Jdbi writer;
  private final BlockingQueue<GroupedWrite<?>> waiting = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  GroupCommit(Jdbi writer, String name) {
    this.writer = writer;
    this.thread = new Thread(this::commitGroups, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The open group's handle on the commit thread, or null on any other thread. */
  static Handle currentHandle() {
    return GROUP_HANDLE.get();
  }

  /**
   * Runs {@code work} in the next group and waits until that group is committed: returns its result,
   * or throws what it threw (or why the commit failed).
   */
  <T> T submit(SqliteDatabase.HandleWork<T> work) throws ScimException {
    return submit(new GroupedWrite<>(work, work));
  }

  /** {@link #submit}, for a batch that may run again ({@link OptimisticBatch}). */
  <T> T submitRepeatable(WriteBatching.Work<T> batch) throws ScimException {
    return submit(new GroupedWrite<>(handle -> OptimisticBatch.run(handle, batch),
        handle -> OptimisticBatch.runAsTransaction(handle, batch)));
  }

  private <T> T submit(GroupedWrite<T> write) throws ScimException {
    if (closed) {
      throw new IllegalStateException("The store is closed.");
    }
    waiting.add(write);
    return write.awaitCommitted(thread);
  }

  /**
   * Runs one write inside the open transaction, in its own savepoint ({@link Savepoint}): every
   * write that joins others, and every write made inside another. Only a write alone in its group
   * runs without it ({@link GroupedWrite#runAlone}).
   */
  static <T> T inSavepoint(Handle handle, SqliteDatabase.HandleWork<T> work) throws ScimException {
    return Savepoint.run(handle, work);
  }

  private void commitGroups() {
    List<GroupedWrite<?>> group = new ArrayList<>();
    while (true) {
      try {
        group.add(waiting.take());
      } catch (InterruptedException e) {
        return; // closed
      }
      waiting.drainTo(group, MAX_GROUP - 1);
      boolean stop = group.remove(GroupedWrite.STOP);
      commit(group);
      group.clear();
      if (stop && waiting.isEmpty()) {
        return;
      }
    }
  }

  private void commit(List<GroupedWrite<?>> group) {
    if (group.isEmpty()) {
      return;
    }
    try (Handle handle = writer.open()) {
      GROUP_HANDLE.set(handle);
      handle.begin();
      try {
        if (group.size() == 1) {
          group.get(0).runAlone(handle);
        } else {
          for (GroupedWrite<?> write : group) {
            write.runIn(handle);
          }
        }
        handle.commit();
      } catch (RuntimeException e) {
        rollBack(handle);
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "A group of " + group.size() + " writes could not be committed", e);
      group.forEach(write -> write.commitFailed(e));
    } finally {
      GROUP_HANDLE.remove();
      group.forEach(GroupedWrite::answer);
    }
  }

  private static void rollBack(Handle handle) {
    try {
      handle.rollback();
    } catch (RuntimeException ignored) {
      // the connection is returned to the pool and the transaction ends with it
    }
  }

  /** Commits what is waiting, then stops the commit thread; later writes are refused. */
  @Override
  public void close() {
    closed = true;
    waiting.add(GroupedWrite.STOP);
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
