package io.scimgateway.kit;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * Where a {@link PlatformClient} gets the bearer token it sends as {@code Authorization} on every call,
 * for platforms that issue short-lived tokens rather than API keys. Implementations are thread-safe.
 */
public interface BearerTokens {

  /** A token that is valid now, fetched or refreshed as needed. */
  String current() throws ScimException;

  /**
   * Forgets {@code token} after the platform refused it (401), so that the next {@link #current()}
   * fetches a new one; a token already replaced by another caller's refresh is left alone.
   */
  void invalidate(String token);
}
