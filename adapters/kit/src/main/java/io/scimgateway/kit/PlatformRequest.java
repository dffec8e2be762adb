package io.scimgateway.kit;

import java.util.HashMap;
import java.util.Map;

/**
 * One call to a platform's API.
 *
 * @param method the HTTP method
 * @param path the path and query under the platform's base URL, e.g. {@code /users?queries[]=...}
 * @param headers headers of this call, besides the client's own (credentials, content type)
 * @param body a JSON body, or null
 * @param idempotent whether repeating the call cannot apply it twice: only these are retried after a
 *     response or a failure mid-request (a call that never reached the platform is always retried)
 */
public record PlatformRequest(String method, String path, Map<String, String> headers, String body,
    boolean idempotent) {

  public PlatformRequest {
    headers = Map.copyOf(headers);
  }

  public static PlatformRequest get(String path) {
    return new PlatformRequest("GET", path, Map.of(), null, true);
  }

  public static PlatformRequest delete(String path) {
    return new PlatformRequest("DELETE", path, Map.of(), null, true);
  }

  public static PlatformRequest put(String path, String body) {
    return new PlatformRequest("PUT", path, Map.of(), body, true);
  }

  public static PlatformRequest post(String path, String body) {
    return new PlatformRequest("POST", path, Map.of(), body, false);
  }

  public static PlatformRequest patch(String path, String body) {
    return new PlatformRequest("PATCH", path, Map.of(), body, false);
  }

  /** The same call with one more header (or one replaced). */
  public PlatformRequest withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(name, value);
    return new PlatformRequest(method, path, more, body, idempotent);
  }

  /** The same call, declared safe to repeat (a PATCH that sets a field to a value, say). */
  public PlatformRequest asIdempotent() {
    return new PlatformRequest(method, path, headers, body, true);
  }
}
