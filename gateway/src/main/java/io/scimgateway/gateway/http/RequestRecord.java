package io.scimgateway.gateway.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)([^&=]*(token|password|secret|key|code|signature|auth)[^&=]*)=[^&]*");

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
    return query == null ? path : path + "?" + SECRET_PARAMETER.matcher(query).replaceAll("$1=***");
  }
}
