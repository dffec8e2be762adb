package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorPlatform;
import io.scimgateway.emulator.EmulatorRequest;
import io.scimgateway.emulator.EmulatorResponse;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import io.scimgateway.emulator.zidentity.ZidEmulator;
import io.scimgateway.emulator.zidentity.ZidSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A remote platform with users put on it directly, as its console or another tool would, before a
 * gateway over its emulator starts: users the gateway has no local state for, a real case. Counts the
 * platform calls a SCIM request makes (HTTP requests; packets on brainCloud). The users are
 * {@code seed<i>@example.com}, named {@code Seed <i>}.
 */
final class SeededPlatform implements AutoCloseable {

  /** The platforms whose calls are counted, by name. */
  static final List<String> NAMES = List.of("appwrite", "zidentity", "spaceone", "braincloud");

  private final String name;
  private final EmulatedGateway<?> gateway;
  private final IntSupplier calls;
  private final Supplier<List<EmulatorRequest>> recent;

  /** The calls a SCIM request made: how many, and what they were (on brainCloud, the messages). */
  record Calls(int count, List<String> made) {
  }

  private SeededPlatform(String name, EmulatedGateway<?> gateway, IntSupplier calls,
      Supplier<List<EmulatorRequest>> recent) {
    this.name = name;
    this.gateway = gateway;
    this.calls = calls;
    this.recent = recent;
  }

  /** {@code name}'s emulator with {@code users} users on it, and a gateway over it in {@code data}. */
  static SeededPlatform start(String name, int users, Path data) throws IOException {
    return switch (name) {
      case "appwrite" -> appwrite(users, data);
      case "zidentity" -> zidentity(users, data);
      case "spaceone" -> spaceone(users, data);
      case "braincloud" -> braincloud(users, data);
      default -> throw new IllegalArgumentException("no remote platform " + name);
    };
  }

  /** The userName of seeded user {@code i}. */
  static String userName(int i) {
    return "seed" + i + "@example.com";
  }

  String name() {
    return name;
  }

  ScimSession scim() {
    return gateway.scim;
  }

  /** The platform calls {@code scimCall} makes. */
  Calls callsOf(Runnable scimCall) {
    int before = calls.getAsInt();
    List<String> made = gateway.callsOf(scimCall);
    return new Calls(calls.getAsInt() - before, made);
  }

  /** The {@code backend} section of the gateway's configuration over this platform. */
  ObjectNode backendSection() {
    return gateway.backendSection.deepCopy();
  }

  /** The last requests the platform received whole, oldest first, to be sent again directly. */
  List<EmulatorRequest> recent() {
    return recent.get();
  }

  @Override
  public void close() {
    gateway.close();
  }

  private static SeededPlatform appwrite(int users, Path data) throws IOException {
    AppwriteGateway gateway = AppwriteGateway.start(data);
    AppwriteEmulator emulator = gateway.emulator;
    Map<String, List<String>> headers = Map.of("X-Appwrite-Project", List.of(emulator.projectId()),
        "X-Appwrite-Key", List.of(emulator.apiKey()));
    URI uri = URI.create(emulator.baseUri() + "/users");
    for (int i = 0; i < users; i++) {
      answered(emulator, EmulatorRequest.of("POST", uri, headers, body(JsonNodeFactory.instance.objectNode()
          .put("userId", "unique()").put("email", userName(i)).put("name", "Seed " + i))));
    }
    return new SeededPlatform("appwrite", gateway, () -> gateway.emulator.received().size(),
        gateway.emulator::recent);
  }

  private static SeededPlatform zidentity(int users, Path data) throws IOException {
    // Calls are counted here, not paced: ZIdentity's 500 a second would hold back a benchmark.
    ZidSettings settings = ZidSettings.of("calls", "calls-secret")
        .withRateLimit(1_000_000, Duration.ofSeconds(1));
    ZidentityGateway gateway = ZidentityGateway.start(data, settings, section -> section);
    ZidEmulator emulator = gateway.emulator;
    String form = "grant_type=client_credentials&client_id=" + settings.clientId() + "&client_secret="
        + settings.clientSecret();
    String token = answered(emulator, EmulatorRequest.of("POST", emulator.tokenUri(),
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
        form.getBytes(StandardCharsets.UTF_8))).body().path("access_token").asText();
    URI uri = URI.create(emulator.baseUri() + "/users");
    Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer " + token));
    for (int i = 0; i < users; i++) {
      answered(emulator, EmulatorRequest.of("POST", uri, headers, body(JsonNodeFactory.instance
          .objectNode().put("loginName", userName(i)).put("displayName", "Seed " + i)
          .put("primaryEmail", userName(i)))));
    }
    return new SeededPlatform("zidentity", gateway, () -> gateway.emulator.received().size(),
        gateway.emulator::recent);
  }

  private static SeededPlatform spaceone(int users, Path data) throws IOException {
    SpaceoneGateway gateway = SpaceoneGateway.start(data, SpaceoneSettings.of("domain-calls"),
        section -> section);
    SpaceoneEmulator emulator = gateway.emulator;
    URI uri = URI.create(emulator.baseUri() + "/user/create");
    Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer " + emulator.apiKey()));
    for (int i = 0; i < users; i++) {
      answered(emulator, EmulatorRequest.of("POST", uri, headers, body(JsonNodeFactory.instance.objectNode()
          .put("user_id", userName(i)).put("name", "Seed " + i).put("email", userName(i))
          .put("password", "Seeded-Password-1").put("domain_id", emulator.settings().domainId()))));
    }
    return new SeededPlatform("spaceone", gateway, () -> gateway.emulator.received().size(),
        gateway.emulator::recent);
  }

  private static SeededPlatform braincloud(int users, Path data) throws IOException {
    // Users made in brainCloud's portal are Email users, which a gateway finds by their login alone.
    BrainCloudGateway gateway = BrainCloudGateway.start(data, section -> section.put("identityType", "Email"));
    for (int i = 0; i < users; i++) {
      gateway.emulator.createUser(userName(i), "Seed " + i);
    }
    return new SeededPlatform("braincloud", gateway, gateway.emulator::packets,
        gateway.emulator::recent);
  }

  private static EmulatorResponse answered(EmulatorPlatform emulator, EmulatorRequest request) {
    EmulatorResponse response = emulator.answer(request);
    if (response.status() >= 300) {
      throw new IllegalStateException("seeding answered " + response.status() + ": " + response.body());
    }
    return response;
  }

  private static byte[] body(ObjectNode json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
