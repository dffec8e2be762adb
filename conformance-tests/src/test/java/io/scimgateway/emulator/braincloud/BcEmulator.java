package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorFaults;
import io.scimgateway.emulator.EmulatorPlatform;
import io.scimgateway.emulator.EmulatorRequest;
import io.scimgateway.emulator.EmulatorResponse;
import io.scimgateway.emulator.EmulatorServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory emulation of brainCloud's S2S dispatcher ({@code POST /s2sdispatcher}) on a real HTTP port of
 * 127.0.0.1: {@code authenticationV2/AUTHENTICATE} opens a session; later packets carry {@code sessionId} and a
 * {@code packetId}, and hold one or more messages answered in order in {@code messageResponses}. The last answer of
 * each session is kept: the same packet sent again gets it again (nothing is applied twice), an older or reused id
 * is 40730, the last id again before its answer exists is 40605. Sessions expire (40365); 40823 can be queued for
 * the next packets, or for single messages inside a packet; transport faults through {@link #faults()}.
 *
 * <p>Standalone: {@code java ... io.scimgateway.emulator.braincloud.BcEmulator [port] [appId] [serverName] [secret]}.
 */
public final class BcEmulator implements EmulatorPlatform, AutoCloseable {

  public static final int DEFAULT_PORT = 8092;
  private static final String DISPATCHER = "s2sdispatcher";

  private final BcSettings settings;
  private final ObjectMapper json = new ObjectMapper();
  private final EmulatorFaults faults = new EmulatorFaults();
  private final EmulatorServer server;
  private final BcApp app;
  private final BcSessions sessions;
  private final BcUserService users;
  private final BcGroupService groups;
  private final AtomicInteger rateLimited = new AtomicInteger();
  /** Messages of an operation refused with 40823, however their packet fares: how many are left. */
  private final Map<String, AtomicInteger> limitedMessages = new ConcurrentHashMap<>();
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private final List<ObjectNode> messages = new CopyOnWriteArrayList<>();

  public BcEmulator(BcSettings settings) {
    this(settings, 0);
  }

  /** Port 0 picks a free port. */
  public BcEmulator(BcSettings settings, int port) {
    Clock clock = Clock.systemUTC();
    this.settings = settings;
    this.server = new EmulatorServer(port, faults, this, json);
    this.app = new BcApp(settings);
    this.sessions = new BcSessions(settings.sessionLifetime(), clock);
    this.users = new BcUserService(app, clock);
    this.groups = new BcGroupService(app, clock);
  }

  public static void main(String[] args) throws IOException {
    BcSettings settings = BcSettings.of(args.length > 1 ? args[1] : "10000",
        args.length > 2 ? args[2] : "scim-gateway", args.length > 3 ? args[3] : "emulator-server-secret");
    BcEmulator emulator = new BcEmulator(settings, args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT)
        .start();
    System.out.println("brainCloud S2S emulator at " + emulator.dispatcherUri() + " (app " + settings.appId()
        + ", server " + settings.serverName() + ", secret " + settings.serverSecret() + ")");
  }

  public BcEmulator start() throws IOException {
    server.start();
    return this;
  }

  public URI dispatcherUri() {
    return URI.create(server.root() + "/" + DISPATCHER);
  }

  public BcSettings settings() {
    return settings;
  }

  /** The last requests received whole, oldest first (see {@link EmulatorServer#recent()}). */
  public List<EmulatorRequest> recent() {
    return server.recent();
  }

  public EmulatorFaults faults() {
    return faults;
  }

  /** How many HTTP requests (packets) arrived, authentication included. */
  public int packets() {
    return server.received().size();
  }

  /** Every message processed, as "service/OPERATION", oldest first (a replayed packet adds none). */
  public List<String> operations() {
    return List.copyOf(operations);
  }

  /** Every message processed as it came (service, operation, data), oldest first. */
  public List<ObjectNode> messages() {
    return messages.stream().map(ObjectNode::deepCopy).toList();
  }

  /** Password sets, reset emails and session invalidations carried out, each as its data and "operation". */
  public List<ObjectNode> recorded() {
    synchronized (app) {
      return app.recorded.stream().map(ObjectNode::deepCopy).toList();
    }
  }

  public int userCount() {
    synchronized (app) {
      return app.users.size();
    }
  }

  /** How many sessions were opened: a client that re-authenticates after an expiry shows up here. */
  public int authentications() {
    return sessions.opened();
  }

  /** Creates an Email user directly, as someone in the brainCloud portal would (a group owner profile, say). */
  public String createUser(String email, String playerName) {
    ObjectNode data = json.createObjectNode().put("externalId", email).put("password", "portal-password")
        .put("userName", playerName);
    synchronized (app) {
      return users.handle("SYS_CREATE_USER_EMAIL_PASSWORD", data).path("profileId").asText();
    }
  }

  /** Creates a user of an external identity provider directly, with the app's first external type. */
  public String createExternalUser(String externalId, String playerName, String contactEmail) {
    ObjectNode data = json.createObjectNode().put("externalId", externalId)
        .put("externalAuthType", settings.externalAuthTypes().iterator().next()).put("userName", playerName)
        .put("contactEmail", contactEmail);
    synchronized (app) {
      return users.handle("SYS_CREATE_USER_EXTERNAL_AUTH", data).path("profileId").asText();
    }
  }

  /** Ends every session; the next packet of each is refused with 40365. */
  public void expireSessions() {
    sessions.expireAll();
  }

  /** Every message of the next {@code count} packets is refused with 40823 (user rate limit exceeded). */
  public void rateLimitNextPackets(int count) {
    rateLimited.addAndGet(count);
  }

  /**
   * The next {@code count} messages of {@code operation} (e.g. {@code SYS_GET_USER_EXPORT}) are refused with 40823,
   * while the other messages of their packets are done: a rate limit that strikes inside a bundle.
   */
  public void rateLimitNextMessages(String operation, int count) {
    limitedMessages.computeIfAbsent(operation, key -> new AtomicInteger()).addAndGet(count);
  }

  @Override
  public EmulatorResponse answer(EmulatorRequest request) {
    if (!request.method().equals("POST") || !request.segments().equals(List.of(DISPATCHER))) {
      return new EmulatorResponse(404, null);
    }
    JsonNode packet;
    try {
      packet = json.readTree(request.body());
    } catch (IOException e) {
      return new EmulatorResponse(400, json.createObjectNode().put("status", 400).put("status_message", "Bad JSON"));
    }
    JsonNode messages = packet.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      return new EmulatorResponse(400, json.createObjectNode().put("status", 400)
          .put("status_message", "A packet needs messages"));
    }
    long packetId = packet.path("packetId").asLong(0);
    if (!packet.hasNonNull("sessionId")) {
      return EmulatorResponse.ok(authenticate(packetId, messages));
    }
    try {
      BcSessions.Session session = sessions.live(packet.path("sessionId").asText());
      synchronized (session) {
        ObjectNode kept = session.replay(packetId, messages);
        if (kept != null) {
          return EmulatorResponse.ok(kept);
        }
        session.starting(packetId, messages);
        ObjectNode answer = rateLimited.getAndUpdate(left -> Math.max(0, left - 1)) > 0
            ? allFailed(packetId, messages, new BcFailure(400, BcFailure.USER_RATE_LIMIT_EXCEEDED,
                "User rate limit exceeded"))
            : process(packetId, messages);
        session.answered(answer);
        return EmulatorResponse.ok(answer);
      }
    } catch (BcFailure failure) {
      return EmulatorResponse.ok(allFailed(packetId, messages, failure));
    }
  }

  private ObjectNode authenticate(long packetId, JsonNode messages) {
    JsonNode message = messages.get(0);
    JsonNode data = message.path("data");
    if (messages.size() != 1 || !message.path("service").asText().equals("authenticationV2")
        || !message.path("operation").asText().equals("AUTHENTICATE")) {
      return allFailed(packetId, messages, new BcFailure(403, BcFailure.SERVER_SESSION_EXPIRED,
          "No session: authenticate first"));
    }
    if (!settings.appId().equals(data.path("appId").asText()) || !settings.serverName()
        .equals(data.path("serverName").asText()) || !settings.serverSecret().equals(data.path("serverSecret").asText())) {
      return allFailed(packetId, messages, new BcFailure(403, BcFailure.INVALID_CREDENTIALS,
          "Invalid appId, serverName or serverSecret"));
    }
    ObjectNode answer = json.createObjectNode().put("packetId", packetId);
    ObjectNode response = answer.putArray("messageResponses").addObject().put("status", 200);
    response.putObject("data").put("sessionId", sessions.open().id).put("heartbeatSeconds",
        settings.heartbeatSeconds());
    return answer;
  }

  private ObjectNode process(long packetId, JsonNode messages) {
    ObjectNode answer = json.createObjectNode().put("packetId", packetId);
    ArrayNode responses = answer.putArray("messageResponses");
    for (JsonNode message : messages) {
      AtomicInteger limited = limitedMessages.get(message.path("operation").asText());
      if (limited != null && limited.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        responses.add(new BcFailure(400, BcFailure.USER_RATE_LIMIT_EXCEEDED, "User rate limit exceeded").response());
        continue;
      }
      try {
        JsonNode data = dispatch(message);
        responses.addObject().put("status", 200).set("data", data);
      } catch (BcFailure failure) {
        responses.add(failure.response());
      }
    }
    return answer;
  }

  private JsonNode dispatch(JsonNode message) {
    String service = message.path("service").asText();
    String operation = message.path("operation").asText();
    ObjectNode data = message.path("data").isObject() ? (ObjectNode) message.get("data") : json.createObjectNode();
    operations.add(service + "/" + operation);
    if (message instanceof ObjectNode object) {
      messages.add(object.deepCopy());
    }
    synchronized (app) {
      return switch (service) {
        case "heartbeat" -> json.nullNode();
        case "user", "identity", "playerState" -> users.handle(operation, data);
        case "group" -> groups.handle(operation, data);
        default -> throw BcFailure.badRequest(BcFailure.UNKNOWN_OPERATION, "Unknown service " + service);
      };
    }
  }

  private ObjectNode allFailed(long packetId, JsonNode messages, BcFailure failure) {
    ObjectNode answer = json.createObjectNode().put("packetId", packetId);
    ArrayNode responses = answer.putArray("messageResponses");
    messages.forEach(message -> responses.add(failure.response()));
    return answer;
  }

  /** Behind a load balancer: HTTP 429 with Retry-After; the packet never reached brainCloud. */
  @Override
  public EmulatorResponse rateLimited(int retryAfterSeconds) {
    return new EmulatorResponse(429, null, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  @Override
  public EmulatorResponse serverError() {
    return new EmulatorResponse(500, json.createObjectNode().put("status", 500)
        .put("status_message", "Internal server error"));
  }

  @Override
  public void close() {
    server.close();
  }
}
