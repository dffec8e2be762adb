package io.scimgateway.kit;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Optional;

/**
 * Creates on a platform that chooses the ids, where a create whose answer was lost (a 5xx, a dropped
 * connection, a timeout) may or may not have been applied, so it cannot simply be sent again. After
 * such a failure the resource is looked up by a value that is unique on the platform (a login name, a
 * group name): found, it is the lost attempt's; not found, the create is sent again. A definite
 * refusal (4xx) is never retried, nor is a call that never reached the platform (503: the gateway's
 * own bound on calls in flight, or a rate limit that retries did not get through).
 *
 * <p>So that a lookup after a failure can only find what this create made, the value is looked up
 * first, too: a resource that already has it is the client's {@code 409 uniqueness}, and is never
 * taken for a new one (nor deleted by a caller undoing a create that failed half-way).
 */
public final class UnconfirmedCreates {

  /** What {@link PlatformErrors} answers when a call was held back or limited, never processed. */
  private static final int NOT_SENT = 503;

  private UnconfirmedCreates() {
  }

  /** One attempt at creating; throws the platform's failure as a SCIM exception. */
  @FunctionalInterface
  public interface Attempt<T> {
    T create() throws ScimException;
  }

  /** Finds what a create made, by its unique value; empty when there is none. */
  @FunctionalInterface
  public interface Lookup<T> {
    Optional<T> find() throws ScimException;
  }

  /**
   * Creates once, whatever answers are lost on the way.
   *
   * @param attempts how many creates may be sent at most, at least 1
   * @param conflict the detail of the 409 when the unique value is already taken, e.g. "ZIdentity
   *     already has a user with this userName."
   */
  public static <T> T createOnce(Attempt<T> attempt, Lookup<T> created, int attempts,
      String conflict) throws ScimException {
    if (created.find().isPresent()) {
      throw ResourceConflictException.uniqueness(conflict);
    }
    for (int sent = 1; ; sent++) {
      try {
        return attempt.create();
      } catch (ScimException failure) {
        int status = failure.getScimError().getStatus();
        if (status < 500 || status == NOT_SENT) {
          throw failure;
        }
        Optional<T> found = created.find();
        if (found.isPresent()) {
          return found.get();
        }
        if (sent >= attempts) {
          throw failure;
        }
      }
    }
  }
}
