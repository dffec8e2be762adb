package io.scimgateway.gateway.auth;

/** Static bearer tokens, from the configuration or the token store. Thread-safe. */
public interface StaticTokens extends TokenAuthenticator {

  /** Tells whether no token at all is configured, so that every token is refused. */
  boolean isEmpty();
}
