package io.scimgateway.gateway.http;

/**
 * Which requests only read: {@code GET}, {@code HEAD} and {@code OPTIONS}, and {@code POST} to a
 * {@code .search} endpoint (RFC 7644 section 3.4.3). The token scope a request needs and whether it
 * takes a read's turn on the embedded store both follow this one rule. Stateless.
 */
public final class ReadRequests {

  private ReadRequests() {
  }

  /**
   * @param lastSegment the request path's last segment, decoded and without its matrix parameters,
   *     as Jersey routes it: {@code /Users;.search} ends in {@code Users} and is a create
   */
  public static boolean reads(String method, String lastSegment) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
        || method.equals("POST") && lastSegment.equals(".search");
  }

  /**
   * The last segment of a raw request path ({@code /scim/v2/Users/.search;x=1}), as {@link #reads}
   * takes it.
   */
  public static String lastSegment(String rawPath) {
    String last = rawPath.substring(rawPath.lastIndexOf('/') + 1);
    int parameters = last.indexOf(';');
    return parameters < 0 ? last : last.substring(0, parameters);
  }
}
