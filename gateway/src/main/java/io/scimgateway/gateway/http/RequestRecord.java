package io.scimgateway.gateway.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the access log and the request metrics say about one request. The path keeps its query with
 * the values of parameters that may carry secrets masked; the endpoint label names a known SCIM
 * endpoint or {@code other}, so that arbitrary paths cannot multiply the metric series.
 *
 * @param endpoint a low-cardinality label: {@code /Users}, {@code /Users/{id}}, {@code other}
 * @param path the request path and query, secrets masked
 * @param principal who the token named, or {@code -} before authentication
 * @param client the client's address
 */
record RequestRecord(String method, String endpoint, String path, int status, String principal,
    String requestId, String client, long startedNanos) {

  private static final Set<String> ENDPOINTS = Set.of("Users", "Groups", "Bulk", ".search", "Me",
      "ResourceTypes", "Schemas", "ServiceProviderConfig", "Entitlements", "Roles", "AuditEvents");
  /** Words that make a query parameter's value a possible secret, wherever they are in its name. */
  private static final List<String> SECRET_WORDS = List.of("token", "password", "secret", "key",
      "code", "signature", "auth");

  static RequestRecord of(ContainerRequestContext request, int status, Long startedNanos,
      String client) {
    URI uri = request.getUriInfo().getRequestUri();
    Principal user = request.getSecurityContext() == null ? null
        : request.getSecurityContext().getUserPrincipal();
    return new RequestRecord(request.getMethod(), endpoint(request.getUriInfo().getPathSegments()
        .stream().map(s -> s.getPath()).toList()), masked(uri),
        status, user == null ? "-" : user.getName(),
        (String) request.getProperty(RequestObservationFilter.REQUEST_ID_PROPERTY),
        client, startedNanos == null ? System.nanoTime() : startedNanos);
  }

  private static String endpoint(List<String> segments) {
    List<String> parts = segments.stream().filter(s -> !s.isEmpty()).toList();
    if (parts.isEmpty()) {
      return "/";
    }
    String first = parts.get(0);
    if (!ENDPOINTS.contains(first)) {
      return "other";
    }
    if (parts.size() == 1) {
      return "/" + first;
    }
    return "/" + first + (parts.get(1).equals(".search") ? "/.search" : "/{id}");
  }

  private static String masked(URI uri) {
    String query = uri.getRawQuery();
    String path = uri.getRawPath();
    return query == null ? path : path + "?" + maskedQuery(query);
  }

  /**
   * The query with the value of every parameter whose name holds a {@link #SECRET_WORDS secret
   * word} (any case) replaced by {@code ***}: {@code access_token=abc&count=5} becomes {@code
   * access_token=***&count=5}. One pass over the parameters; a name is only compared, never matched
   * by a pattern that backtracks over the whole query.
   */
  static String maskedQuery(String query) {
    StringBuilder masked = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      end = end < 0 ? query.length() : end;
      int equals = query.indexOf('=', start);
      if (equals >= 0 && equals < end && secretName(query.substring(start, equals))) {
        masked.append(query, start, equals + 1).append("***");
      } else {
        masked.append(query, start, end);
      }
      if (end < query.length()) {
        masked.append('&');
      }
      start = end + 1;
    }
    return masked.toString();
  }

  private static boolean secretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
