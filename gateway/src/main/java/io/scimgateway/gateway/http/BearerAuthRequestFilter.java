package io.scimgateway.gateway.http;

import io.scimgateway.gateway.auth.AuthResult;
import io.scimgateway.gateway.auth.AuthenticationUnavailableException;
import io.scimgateway.gateway.auth.Principal;
import io.scimgateway.gateway.auth.Scope;
import io.scimgateway.gateway.auth.TokenAuthenticator;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every SCIM request needs a bearer token (RFC 6750): a missing or refused one is {@code 401} with
 * {@code WWW-Authenticate: Bearer}; a token without the scope the method needs ({@code scim.read} to
 * read, {@code scim.write} to change, the {@code audit} scope for {@code /AuditEvents}) is
 * {@code 403}. A token sent without the {@code Bearer} scheme is
 * accepted too, because some IdP screens send the typed value as is.
 *
 * <p>It runs before Jersey matches the request to a method, so that an anonymous client learns nothing
 * (not even 404, 405 or 415) and no body is read for it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthRequestFilter implements ContainerRequestFilter {

  /** The request property holding the authenticated {@link Principal}. */
  static final String PRINCIPAL_PROPERTY = "scim-gateway.principal";

  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthRequestFilter.class);
  private static final String REALM = "Bearer realm=\"scim-gateway\"";

  private final TokenAuthenticator authenticator;

  public BearerAuthRequestFilter(TokenAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String token = token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      abort401(request, null, "This endpoint needs a bearer token: send the header "
          + "\"Authorization: Bearer <token>\".");
      return;
    }
    AuthResult result;
    try {
      result = authenticator.authenticate(token);
    } catch (AuthenticationUnavailableException e) {
      LOG.warn("Cannot verify a bearer token: " + e.getMessage());
      request.abortWith(ScimErrors.response(503, null, "The gateway cannot verify tokens right now "
          + "(its token issuer's keys are unreachable). Retry later."));
      return;
    }
    if (result instanceof AuthResult.Rejected rejected) {
      abort401(request, "invalid_token", rejected.reason());
      return;
    }
    Principal principal = ((AuthResult.Authenticated) result).principal();
    Scope needed = neededScope(request);
    if (!principal.has(needed)) {
      request.abortWith(ScimErrors.builder(403, null, "The token does not grant the "
              + needed.label() + " scope this request needs.")
          .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\"")
          .build());
      return;
    }
    request.setProperty(PRINCIPAL_PROPERTY, principal);
    request.setSecurityContext(new PrincipalSecurityContext(principal, request.getSecurityContext()));
  }

  /**
   * The read scope for what {@link ReadRequests} counts as a read, the last path segment compared
   * without its matrix parameters, exactly as Jersey routes it: a path such as {@code /Users;.search}
   * is a create and needs the write scope.
   */
  private static Scope neededScope(ContainerRequestContext request) {
    List<PathSegment> segments = request.getUriInfo().getPathSegments();
    if (segments.stream().map(PathSegment::getPath).filter(path -> !path.isEmpty()).findFirst()
        .filter("AuditEvents"::equals).isPresent()) {
      return Scope.AUDIT;
    }
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1).getPath();
    return ReadRequests.reads(request.getMethod(), last) ? Scope.READ : Scope.WRITE;
  }

  private static String token(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      return trimmed.equalsIgnoreCase("bearer") ? null : trimmed;
    }
    if (!trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      return null;
    }
    String token = trimmed.substring(space + 1).trim();
    return token.isEmpty() ? null : token;
  }

  private static void abort401(ContainerRequestContext request, String error, String detail) {
    request.abortWith(ScimErrors.builder(401, null, detail)
        .header(HttpHeaders.WWW_AUTHENTICATE,
            error == null ? REALM : REALM + ", error=\"" + error + "\"")
        .build());
  }

  /** Makes the authenticated principal visible to endpoints and logs. */
  private record PrincipalSecurityContext(Principal principal, SecurityContext original)
      implements SecurityContext {

    @Override
    public java.security.Principal getUserPrincipal() {
      return principal::subject;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return original != null && original.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
