package io.scimgateway.kit;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time per resource, for platforms without conditional writes: a store checks the
 * version it reads and then writes in several calls, and two requests doing that at once for the same
 * resource could both pass the check and the later one silently undo the other's change. Holding the
 * resource's lock from the check to the last write makes the loser see the new version and fail
 * with 412 (which the core retries for a PATCH without If-Match). Locks are striped by id, so memory
 * stays fixed; unrelated resources rarely share one. Within one gateway process only. Thread-safe.
 */
public final class KeyedLocks {

  private static final int STRIPES = 256;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  public KeyedLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** The work done by a store under a resource's lock. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws ScimException;
  }

  /** The work done by a store under a resource's lock, with no result. */
  @FunctionalInterface
  public interface Action {
    void run() throws ScimException;
  }

  public <T> T with(String resourceId, Work<T> work) throws ScimException {
    ReentrantLock lock = stripes[Math.floorMod(resourceId.hashCode(), STRIPES)];
    lock.lock();
    try {
      return work.run();
    } finally {
      lock.unlock();
    }
  }

  public void run(String resourceId, Action action) throws ScimException {
    with(resourceId, () -> {
      action.run();
      return null;
    });
  }
}
