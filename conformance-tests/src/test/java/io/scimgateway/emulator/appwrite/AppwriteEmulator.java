package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-memory emulation of Appwrite's Users and Teams REST API for one project, on a real HTTP port of 127.0.0.1.
 * Every call needs {@code X-Appwrite-Project} and {@code X-Appwrite-Key}; faults for the next requests can be queued
 * through {@link #faults()}.
 *
 * <p>Standalone: {@code java ... io.scimgateway.emulator.appwrite.AppwriteEmulator [port] [projectId] [apiKey]}.
 */
public final class AppwriteEmulator implements AutoCloseable {

  public static final int DEFAULT_PORT = 8090;
  public static final String DEFAULT_PROJECT = "scim-gateway";
  public static final String DEFAULT_KEY = "emulator-api-key";
  /** Appwrite counts list totals only up to this many documents. */
  public static final int COUNT_LIMIT = 5000;

  private final String projectId;
  private final String apiKey;
  private final int port;
  private final ObjectMapper json = new ObjectMapper();
  private final AppwriteFaults faults = new AppwriteFaults();
  private final AppwriteProject project;
  private final UsersApi users;
  private final TeamsApi teams;
  private HttpServer server;
  private ExecutorService executor;

  public AppwriteEmulator(String projectId, String apiKey) {
    this(projectId, apiKey, 0, COUNT_LIMIT);
  }

  /** Port 0 picks a free port; countLimit caps list totals (Appwrite: 5000). */
  public AppwriteEmulator(String projectId, String apiKey, int port, int countLimit) {
    this.projectId = projectId;
    this.apiKey = apiKey;
    this.port = port;
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

  public synchronized AppwriteEmulator start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
    return this;
  }

  /** The endpoint, ending in /v1, as an SDK would be configured with. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  public AppwriteFaults faults() {
    return faults;
  }

  /** The login tokens issued so far (POST /users/{id}/tokens), as Appwrite returned them. */
  public List<ObjectNode> issuedTokens() {
    synchronized (project) {
      return project.tokens.stream().map(ObjectNode::deepCopy).toList();
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

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] requestBody;
      try (InputStream in = exchange.getRequestBody()) {
        requestBody = in.readAllBytes();
      }
      AppwriteFaults.Fault fault = faults.next();
      if (fault instanceof AppwriteFaults.Dropped) {
        return; // closing an exchange that sent no headers closes the connection without a response
      }
      if (fault instanceof AppwriteFaults.Delayed delayed) {
        sleep(delayed.delay().toMillis());
      }
      if (fault instanceof AppwriteFaults.RateLimited limited) {
        exchange.getResponseHeaders().add("Retry-After", Integer.toString(limited.retryAfterSeconds()));
        exchange.getResponseHeaders().add("X-RateLimit-Limit", "60");
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
        exchange.getResponseHeaders().add("X-RateLimit-Reset",
            Long.toString(Instant.now().getEpochSecond() + limited.retryAfterSeconds()));
        send(exchange, AppwriteError.rateLimited());
        return;
      }
      if (fault instanceof AppwriteFaults.ServerError) {
        send(exchange, AppwriteError.serverError());
        return;
      }
      try {
        ApiResponse response = answer(exchange, requestBody);
        send(exchange, response.status(), response.body() == null ? null : json.writeValueAsBytes(response.body()));
      } catch (AppwriteError error) {
        send(exchange, error);
      } catch (RuntimeException unexpected) {
        send(exchange, AppwriteError.serverError());
      }
    }
  }

  private ApiResponse answer(HttpExchange exchange, byte[] requestBody) {
    URI uri = exchange.getRequestURI();
    ApiRequest request = ApiRequest.parse(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
        requestBody, json);
    List<String> path = request.segments();
    if (!request.isUnderV1() || path.isEmpty() || !List.of("users", "teams").contains(path.get(0))) {
      throw AppwriteError.routeNotFound();
    }
    String scope = path.get(0) + (request.method().equals("GET") ? ".read" : ".write");
    String requestedProject = exchange.getRequestHeaders().getFirst("X-Appwrite-Project");
    if (requestedProject == null || requestedProject.isEmpty()) {
      throw AppwriteError.missingScope(scope); // without a project the caller is a guest of the console
    }
    if (!requestedProject.equals(projectId)) {
      throw AppwriteError.projectNotFound();
    }
    if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Appwrite-Key"))) {
      throw AppwriteError.missingScope(scope);
    }
    synchronized (project) {
      return path.get(0).equals("users") ? users.handle(request, path) : teams.handle(request, path);
    }
  }

  private void send(HttpExchange exchange, AppwriteError error) throws IOException {
    send(exchange, error.code(), json.writeValueAsBytes(error.body()));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }
}
