package io.scimgateway.spi;

/**
 * A backend capability: how many requests the gateway should work on at once for this backend. A
 * request to a remote platform spends most of its time waiting for the platform's answer, so such
 * a backend asks for as many as it may have calls in flight; a backend without it (the embedded
 * store, which works on this machine's cores) gets the HTTP server's default of two per core. Found
 * with {@link Backend#capability(Class)}.
 *
 * @param requests at least 1
 */
public record RequestConcurrency(int requests) {

  public RequestConcurrency {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, not " + requests);
    }
  }
}
