package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorFaults;
import io.scimgateway.emulator.EmulatorPlatform;
import io.scimgateway.emulator.EmulatorRequest;
import io.scimgateway.emulator.EmulatorResponse;
import io.scimgateway.emulator.EmulatorServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An in-memory emulation of the SpaceONE (Cloudforet) identity service's REST form for one domain, on a real HTTP
 * port of 127.0.0.1: every call is {@code POST <prefix>/<resource>/<verb>} with a snake_case JSON body, under
 * {@code /identity/v1} (the proto's HTTP annotations; {@code /identity/v2} for user groups) and under
 * {@code /identity} (console-api's routes). Resources: {@code user}, {@code user-group} (v2), {@code project},
 * {@code role} and {@code role-binding}. Calls need {@code Authorization: Bearer <api key>}; the key is a JWT whose
 * {@code did} claim is the domain. Errors come in console-api's shape with its status mapping (or FastAPI's, as
 * configured), and faults for the next requests can be queued through {@link #faults()}.
 *
 * <p>Standalone: {@code java ... io.scimgateway.emulator.spaceone.SpaceoneEmulator [port] [domainId]}; it prints the
 * API key to use.
 */
public final class SpaceoneEmulator implements EmulatorPlatform, AutoCloseable {

  public static final int DEFAULT_PORT = 8092;

  private final SpaceoneSettings settings;
  private final ObjectMapper json = new ObjectMapper();
  private final EmulatorFaults faults = new EmulatorFaults();
  private final EmulatorServer server;
  private final SpaceoneDomain domain;
  private final String apiKey;
  private final Map<String, Function<SpaceoneCall, ObjectNode>> resources;
  private final SpaceoneRolesApi roles;
  private final SpaceoneProjectsApi projects;

  public SpaceoneEmulator(SpaceoneSettings settings) {
    this(settings, 0);
  }

  /** Port 0 picks a free port. */
  public SpaceoneEmulator(SpaceoneSettings settings, int port) {
    this.settings = settings;
    this.server = new EmulatorServer(port, faults, this, json);
    this.domain = new SpaceoneDomain(settings, Clock.systemUTC());
    this.apiKey = apiKey(settings.domainId(), domain.newId("api-key"));
    SpaceoneUsersApi users = new SpaceoneUsersApi(domain);
    SpaceoneUserGroupsApi userGroups = new SpaceoneUserGroupsApi(domain);
    this.projects = new SpaceoneProjectsApi(domain);
    this.roles = new SpaceoneRolesApi(domain);
    this.resources = Map.of("user", users::handle, "user-group", userGroups::handle, "project", projects::handle,
        "role", roles::role, "role-binding", roles::roleBinding);
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    String domainId = args.length > 1 ? args[1] : SpaceoneSettings.DEFAULT_DOMAIN;
    SpaceoneEmulator emulator = new SpaceoneEmulator(SpaceoneSettings.of(domainId), port).start();
    emulator.addRole("role-domain-admin", "Domain Admin", "DOMAIN");
    emulator.addRole("role-project-member", "Project Member", "PROJECT");
    System.out.println("SpaceONE identity emulator at " + emulator.baseUri() + " (also " + emulator.consoleBaseUri()
        + "), domain " + domainId + ", API key:\n" + emulator.apiKey());
  }

  /** A JWT as SpaceONE issues API keys: claims {@code cat}, {@code did}, {@code aud}, {@code api_key_id}. */
  private static String apiKey(String domainId, String keyId) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String claims = "{\"cat\":\"API_KEY\",\"did\":\"" + domainId + "\",\"aud\":\"admin@example.com\","
        + "\"user_type\":\"USER\",\"api_key_id\":\"" + keyId + "\"}";
    return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(keyId.getBytes(StandardCharsets.UTF_8));
  }

  public SpaceoneEmulator start() throws IOException {
    server.start();
    return this;
  }

  /** The v1 prefix of the proto's annotations, {@code http://127.0.0.1:port/identity/v1}. */
  public URI baseUri() {
    return URI.create(server.root() + "/identity/v1");
  }

  /** console-api's prefix, {@code http://127.0.0.1:port/identity}. */
  public URI consoleBaseUri() {
    return URI.create(server.root() + "/identity");
  }

  public URI root() {
    return server.root();
  }

  public String apiKey() {
    return apiKey;
  }

  public SpaceoneSettings settings() {
    return settings;
  }

  /** The last requests received whole, oldest first (see {@link EmulatorServer#recent()}). */
  public List<EmulatorRequest> recent() {
    return server.recent();
  }

  public EmulatorFaults faults() {
    return faults;
  }

  /** Every request received so far, as "POST /identity/v1/user/list", oldest first. */
  public List<String> received() {
    return server.received();
  }

  /** Reset emails, required actions and password changes so far, oldest first. */
  public List<SpaceoneAction> actions() {
    synchronized (domain) {
      return List.copyOf(domain.actions);
    }
  }

  /** A copy of a user as the API renders it, or null. */
  public ObjectNode user(String userId) {
    synchronized (domain) {
      ObjectNode user = domain.users.get(userId);
      return user == null ? null : user.deepCopy();
    }
  }

  /** The password a user signs in with, or null: what a test checks a write against. */
  public String password(String userId) {
    synchronized (domain) {
      return domain.passwords.get(userId);
    }
  }

  /** Defines a role ({@code role_type} DOMAIN, PROJECT or SYSTEM), as an administrator does in the console. */
  public void addRole(String roleId, String name, String roleType) {
    synchronized (domain) {
      domain.roles.put(roleId, JsonNodeFactory.instance.objectNode().put("role_id", roleId).put("name", name)
          .put("role_type", roleType).put("domain_id", settings.domainId()).put("created_at", domain.now()));
    }
  }

  /** Binds a role to a user at domain scope, as an administrator does in the console. */
  public void bindDomainRole(String userId, String roleId) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("resource_type", "identity.User")
        .put("resource_id", userId).put("role_id", roleId);
    synchronized (domain) {
      roles.roleBinding(SpaceoneCall.parse("create", body.toString().getBytes(StandardCharsets.UTF_8), json));
    }
  }

  /** Makes a project in a project group, as an administrator does in the console; returns its project_id. */
  public String addProject(String name, String projectGroupId) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name).put("project_group_id", projectGroupId);
    synchronized (domain) {
      return projects.handle(SpaceoneCall.parse("create", body.toString().getBytes(StandardCharsets.UTF_8), json))
          .get("project_id").asText();
    }
  }

  /** Adds a user to a project with a PROJECT role, as an administrator does in the console. */
  public void addProjectMember(String projectId, String userId, String roleId) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("project_id", projectId).put("user_id", userId)
        .put("role_id", roleId);
    synchronized (domain) {
      projects.handle(SpaceoneCall.parse("add-member", body.toString().getBytes(StandardCharsets.UTF_8), json));
    }
  }

  /** Marks a user's email verified, as {@code verify-email} with {@code force} does. */
  public void verifyEmail(String userId) {
    synchronized (domain) {
      domain.user(userId).put("email_verified", true);
    }
  }

  /**
   * Adds a user that signs in through the domain's external-auth plugin (which the emulator does not run), as
   * the console's sync leaves one.
   */
  public void addExternalUser(String userId, String email) {
    synchronized (domain) {
      ObjectNode user = JsonNodeFactory.instance.objectNode().put("user_id", userId).put("name", "")
          .put("state", "ENABLED").put("email", email).put("user_type", "USER").put("backend", "EXTERNAL")
          .put("language", "en").put("timezone", "UTC");
      user.putArray("required_actions");
      user.putObject("tags");
      user.putNull("last_accessed_at");
      user.put("created_at", domain.now()).put("domain_id", settings.domainId()).put("email_verified", true);
      domain.users.put(userId, user);
    }
  }

  @Override
  public EmulatorResponse answer(EmulatorRequest request) {
    try {
      List<String> route = route(request.segments());
      if (route.isEmpty() || !request.method().equals("POST")) {
        throw SpaceoneError.noRoute(request.uri().getPath());
      }
      authenticate(request.header("Authorization"));
      SpaceoneCall call = SpaceoneCall.parse(route.get(1), request.body(), json);
      synchronized (domain) {
        return EmulatorResponse.ok(resources.get(route.get(0)).apply(call));
      }
    } catch (SpaceoneError error) {
      return error.response(settings.errorShape());
    }
  }

  /** [resource, verb] below {@code /identity}, {@code /identity/v1} or {@code /identity/v2}; empty when none. */
  private List<String> route(List<String> segments) {
    int at = segments.size() == 4 && List.of("v1", "v2").contains(segments.get(1)) ? 2 : 1;
    if (segments.size() != at + 2 || !segments.get(0).equals("identity")
        || !resources.containsKey(segments.get(at))) {
      return List.of();
    }
    boolean v2 = at == 2 && segments.get(1).equals("v2");
    if (v2 != segments.get(at).equals("user-group") && at == 2) {
      return List.of(); // user groups are v2 only; everything else v1
    }
    return segments.subList(at, at + 2);
  }

  private void authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw SpaceoneError.authenticate("Empty token provided.");
    }
    if (!authorization.substring("Bearer ".length()).equals(apiKey)) {
      throw SpaceoneError.authenticate("Cannot decode token.");
    }
  }

  @Override
  public EmulatorResponse rateLimited(int retryAfterSeconds) {
    return SpaceoneError.rateLimited().response(settings.errorShape())
        .withHeaders(Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  @Override
  public EmulatorResponse serverError() {
    return SpaceoneError.unknown().response(settings.errorShape());
  }

  @Override
  public void close() {
    server.close();
  }
}
