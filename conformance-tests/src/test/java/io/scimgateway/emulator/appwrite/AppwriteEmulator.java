package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorFaults;
import io.scimgateway.emulator.EmulatorPlatform;
import io.scimgateway.emulator.EmulatorRequest;
import io.scimgateway.emulator.EmulatorResponse;
import io.scimgateway.emulator.EmulatorServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An in-memory emulation of Appwrite's Users and Teams REST API for one project, on a real HTTP port of 127.0.0.1.
 * Every call needs {@code X-Appwrite-Project} and {@code X-Appwrite-Key}; faults for the next requests can be queued
 * through {@link #faults()}.
 *
 * <p>Standalone: {@code java ... io.scimgateway.emulator.appwrite.AppwriteEmulator [port] [projectId] [apiKey]}.
 */
public final class AppwriteEmulator implements EmulatorPlatform, AutoCloseable {

  public static final int DEFAULT_PORT = 8090;
  public static final String DEFAULT_PROJECT = "scim-gateway";
  public static final String DEFAULT_KEY = "emulator-api-key";
  /** Appwrite counts list totals only up to this many documents. */
  public static final int COUNT_LIMIT = 5000;

  private final String projectId;
  private final String apiKey;
  private final ObjectMapper json = new ObjectMapper();
  private final EmulatorFaults faults = new EmulatorFaults();
  private final EmulatorServer server;
  private final AppwriteProject project;
  private final UsersApi users;
  private final TeamsApi teams;

  public AppwriteEmulator(String projectId, String apiKey) {
    this(projectId, apiKey, 0, COUNT_LIMIT);
  }

  /** Port 0 picks a free port; countLimit caps list totals (Appwrite: 5000). */
  public AppwriteEmulator(String projectId, String apiKey, int port, int countLimit) {
    this.projectId = projectId;
    this.apiKey = apiKey;
    this.server = new EmulatorServer(port, faults, this, json);
    this.project = new AppwriteProject(new AppwriteTimestamps(Clock.systemUTC()), countLimit);
    this.users = new UsersApi(project, json);
    this.teams = new TeamsApi(project, json, users);
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    String projectId = args.length > 1 ? args[1] : DEFAULT_PROJECT;
    String apiKey = args.length > 2 ? args[2] : DEFAULT_KEY;
    AppwriteEmulator emulator = new AppwriteEmulator(projectId, apiKey, port, COUNT_LIMIT).start();
    System.out.println("Appwrite emulator at " + emulator.baseUri() + " (project " + projectId + ", key " + apiKey
        + ", started " + Instant.now() + ")");
  }

  public AppwriteEmulator start() throws IOException {
    server.start();
    return this;
  }

  /** The endpoint, ending in /v1, as an SDK would be configured with. */
  public URI baseUri() {
    return URI.create(server.root() + "/v1");
  }

  /** The last requests received whole, oldest first (see {@link EmulatorServer#recent()}). */
  public List<EmulatorRequest> recent() {
    return server.recent();
  }

  public EmulatorFaults faults() {
    return faults;
  }

  /** The most requests the emulator has worked on at once (see {@link EmulatorServer#mostInFlight()}). */
  public int mostInFlight() {
    return server.mostInFlight();
  }

  /** Every request received so far, as "METHOD /v1/path?query", decoded, oldest first. */
  public List<String> received() {
    return server.received();
  }

  /** The login tokens issued so far (POST /users/{id}/tokens), as Appwrite returned them. */
  public List<ObjectNode> issuedTokens() {
    synchronized (project) {
      return project.tokens.stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /** Every user as Appwrite holds it, in creation order. */
  public List<ObjectNode> storedUsers() {
    synchronized (project) {
      return project.users.all().stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /** Every team membership, in creation order. */
  public List<ObjectNode> storedMemberships() {
    synchronized (project) {
      return project.memberships.all().stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /** A user as Appwrite holds it (with its password hash fields), or null. */
  public ObjectNode storedUser(String id) {
    synchronized (project) {
      ObjectNode user = project.users.get(id);
      return user == null ? null : user.deepCopy();
    }
  }

  public String projectId() {
    return projectId;
  }

  public String apiKey() {
    return apiKey;
  }

  @Override
  public EmulatorResponse answer(EmulatorRequest received) {
    ApiRequest request = ApiRequest.parse(received, json);
    List<String> path = request.segments();
    if (!request.isUnderV1() || path.isEmpty() || !List.of("users", "teams").contains(path.get(0))) {
      throw AppwriteError.routeNotFound();
    }
    String scope = path.get(0) + (request.method().equals("GET") ? ".read" : ".write");
    String requestedProject = received.header("X-Appwrite-Project");
    if (requestedProject == null || requestedProject.isEmpty()) {
      throw AppwriteError.missingScope(scope); // without a project the caller is a guest of the console
    }
    if (!requestedProject.equals(projectId)) {
      throw AppwriteError.projectNotFound();
    }
    if (!apiKey.equals(received.header("X-Appwrite-Key"))) {
      throw AppwriteError.missingScope(scope);
    }
    synchronized (project) {
      return path.get(0).equals("users") ? users.handle(request, path) : teams.handle(request, path);
    }
  }

  @Override
  public EmulatorResponse rateLimited(int retryAfterSeconds) {
    return AppwriteError.rateLimited().response().withHeaders(Map.of(
        "Retry-After", Integer.toString(retryAfterSeconds),
        "X-RateLimit-Limit", "60",
        "X-RateLimit-Remaining", "0",
        "X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + retryAfterSeconds)));
  }

  @Override
  public EmulatorResponse serverError() {
    return AppwriteError.serverError().response();
  }

  @Override
  public void close() {
    server.close();
  }
}
