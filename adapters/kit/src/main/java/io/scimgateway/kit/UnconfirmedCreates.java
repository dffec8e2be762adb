package io.scimgateway.kit;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Optional;

/**
 * Creates on a platform that chooses the ids, where a create whose answer was lost (a 5xx, a dropped
 * connection, a timeout) may or may not have been applied, so it cannot simply be sent again. After
 * such a failure the resource is looked up by a value that is unique on the platform (a login name, a
 * group name): found, it is the lost attempt's; not found, the create is sent again. A definite
 * refusal (4xx) is never retried. The lookup must only find what the create made: callers check
 * uniqueness before they create, as the gateway's core does.
 */
public final class UnconfirmedCreates {

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
   */
  public static <T> T createOnce(Attempt<T> attempt, Lookup<T> created, int attempts)
      throws ScimException {
    for (int sent = 1; ; sent++) {
      try {
        return attempt.create();
      } catch (ScimException failure) {
        if (failure.getScimError().getStatus() < 500) {
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
