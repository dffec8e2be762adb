package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgateway.emulator.EmulatorFaults;
import io.scimgateway.emulator.EmulatorPlatform;
import io.scimgateway.emulator.EmulatorRequest;
import io.scimgateway.emulator.EmulatorResponse;
import io.scimgateway.emulator.EmulatorServer;
import io.scimgateway.emulator.RequestRateLimit;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An in-memory emulation of the Zscaler ZIdentity admin API (users, groups and their members, entitlements, password
 * actions) and of its OAuth 2.0 client-credentials token endpoint, on a real HTTP port of 127.0.0.1. Admin calls need
 * {@code Authorization: Bearer} with a token from {@code POST /oauth2/v1/token}; tokens expire after the configured
 * lifetime. The admin API is rate limited (requests per window, {@code x-ratelimit-*} headers on every answer, 429
 * with Retry-After past the limit), and faults for the next requests can be queued through {@link #faults()}.
 *
 * <p>Lenient where the contract notes leave questions open: query parameter names match whatever their case
 * ({@code loginname[like]} or {@code loginName[like]}); POST /users answers 201 or 202 as configured; password actions
 * are taken in colon form ({@code /users/{id}:resetpassword}, also percent-encoded) and in slash form
 * ({@code /users/{id}/resetpassword}); a group body may say {@code isDynamicGroup}; both base paths are served,
 * {@code /admin/api/v1} (the tenant's admin host) and {@code /ziam/admin/api/v1} (the OneAPI gateway). The error body
 * is a guess too, see {@link ZidError}.
 *
 * <p>Standalone: {@code java ... io.scimgateway.emulator.zidentity.ZidEmulator [port] [clientId] [clientSecret]}.
 */
public final class ZidEmulator implements EmulatorPlatform, AutoCloseable {

  public static final int DEFAULT_PORT = 8091;
  public static final String DEFAULT_CLIENT_ID = "scim-gateway";
  public static final String DEFAULT_CLIENT_SECRET = "emulator-client-secret";
  private static final List<String> TOKEN_PATH = List.of("oauth2", "v1", "token");
  private static final List<String> ADMIN_BASE = List.of("admin", "api", "v1");
  private static final List<String> ONE_API_BASE = List.of("ziam", "admin", "api", "v1");

  private final ZidSettings settings;
  private final ObjectMapper json = new ObjectMapper();
  private final EmulatorFaults faults = new EmulatorFaults();
  private final EmulatorServer server;
  private final ZidTenant tenant = new ZidTenant();
  private final ZidTokens tokens;
  private final RequestRateLimit rateLimit;
  private final ZidUsersApi users;
  private final ZidGroupsApi groups;

  public ZidEmulator(ZidSettings settings) {
    this(settings, 0);
  }

  /** Port 0 picks a free port. */
  public ZidEmulator(ZidSettings settings, int port) {
    this.settings = settings;
    this.server = new EmulatorServer(port, faults, this, json);
    this.tokens = new ZidTokens(settings, Clock.systemUTC());
    this.rateLimit = new RequestRateLimit(settings.requestsPerWindow(), settings.rateWindow(), Clock.systemUTC());
    this.users = new ZidUsersApi(tenant, settings, json);
    this.groups = new ZidGroupsApi(tenant);
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    String clientId = args.length > 1 ? args[1] : DEFAULT_CLIENT_ID;
    String clientSecret = args.length > 2 ? args[2] : DEFAULT_CLIENT_SECRET;
    ZidEmulator emulator = new ZidEmulator(ZidSettings.of(clientId, clientSecret), port).start();
    System.out.println("ZIdentity emulator at " + emulator.baseUri() + " and " + emulator.oneApiBaseUri()
        + ", tokens from " + emulator.tokenUri() + " (client " + clientId + ", secret " + clientSecret
        + ", started " + Instant.now() + ")");
  }

  public ZidEmulator start() throws IOException {
    server.start();
    return this;
  }

  /** The tenant admin host's base, ending in /admin/api/v1. */
  public URI baseUri() {
    return URI.create(server.root() + "/admin/api/v1");
  }

  /** The OneAPI gateway's base, ending in /ziam/admin/api/v1. */
  public URI oneApiBaseUri() {
    return URI.create(server.root() + "/ziam/admin/api/v1");
  }

  public URI tokenUri() {
    return URI.create(server.root() + "/oauth2/v1/token");
  }

  public ZidSettings settings() {
    return settings;
  }

  /** The last requests received whole, oldest first (see {@link EmulatorServer#recent()}). */
  public List<EmulatorRequest> recent() {
    return server.recent();
  }

  public EmulatorFaults faults() {
    return faults;
  }

  /** Every request received so far, as "METHOD /path?query", decoded, oldest first. */
  public List<String> received() {
    return server.received();
  }

  /**
   * The next {@code count} requests get 401 "Resource Access Blocked", which the platform sends instead of 429 under
   * heavy load and clients retry.
   */
  public void blockAccessNext(int count) {
    faults.answerNext(count, ZidError.accessBlocked().response());
  }

  /** How many tokens the endpoint has issued: a client that refreshes on expiry shows up here. */
  public int tokensIssued() {
    return tokens.issued();
  }

  /** The password actions accepted so far, oldest first. */
  public List<ZidPasswordAction> passwordActions() {
    synchronized (tenant) {
      return List.copyOf(tenant.passwordActions);
    }
  }

  /** Gives a user, or a group with admin entitlements enabled (its members then hold it), an admin entitlement. */
  public void grantAdminEntitlement(String principalId, ZidEntitlements.Admin entitlement) {
    synchronized (tenant) {
      tenant.requireEntitled(principalId, "adminEntitlementEnabled");
      tenant.entitlements.grantAdmin(principalId, entitlement);
    }
  }

  /** Gives a user, or a group with service entitlements enabled, access to a service. */
  public void grantServiceEntitlement(String principalId, ZidEntitlements.Service service) {
    synchronized (tenant) {
      tenant.requireEntitled(principalId, "serviceEntitlementEnabled");
      tenant.entitlements.grantService(principalId, service);
    }
  }

  @Override
  public EmulatorResponse answer(EmulatorRequest request) {
    List<String> segments = request.segments();
    if (segments.equals(TOKEN_PATH)) {
      return tokens.issue(request);
    }
    List<String> path = belowBase(segments);
    if (path.isEmpty() || !List.of("users", "groups").contains(path.get(0))) {
      throw ZidError.noRoute(request.method(), request.uri().getPath());
    }
    RequestRateLimit.Decision decision = rateLimit.acquire();
    if (!decision.allowed()) {
      return rateLimited(decision.resetSeconds());
    }
    Map<String, String> rateHeaders = rateHeaders(decision.remaining(), decision.resetSeconds());
    try {
      tokens.check(request.header("Authorization"));
      ZidRequest call = new ZidRequest(request, path, json);
      synchronized (tenant) {
        return (path.get(0).equals("users") ? users.handle(call) : groups.handle(call)).withHeaders(rateHeaders);
      }
    } catch (ZidError error) {
      return error.response().withHeaders(rateHeaders);
    }
  }

  private static List<String> belowBase(List<String> segments) {
    for (List<String> base : List.of(ADMIN_BASE, ONE_API_BASE)) {
      if (segments.size() > base.size() && segments.subList(0, base.size()).equals(base)) {
        return segments.subList(base.size(), segments.size());
      }
    }
    return List.of();
  }

  /** IETF RateLimit-draft style, as observed: {@code x-ratelimit-limit: 500, 500;w=1}. */
  private Map<String, String> rateHeaders(int remaining, int resetSeconds) {
    int limit = rateLimit.limit();
    return Map.of(
        "x-ratelimit-limit", limit + ", " + limit + ";w=" + rateLimit.window().toSeconds(),
        "x-ratelimit-remaining", Integer.toString(remaining),
        "x-ratelimit-reset", Integer.toString(resetSeconds));
  }

  @Override
  public EmulatorResponse rateLimited(int retryAfterSeconds) {
    return ZidError.rateLimited().response().withHeaders(rateHeaders(0, retryAfterSeconds))
        .withHeaders(Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  @Override
  public EmulatorResponse serverError() {
    return ZidError.serverError().response();
  }

  @Override
  public void close() {
    server.close();
  }
}
