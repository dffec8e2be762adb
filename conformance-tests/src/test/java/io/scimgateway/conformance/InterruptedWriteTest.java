package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a remote platform, a write killed (SIGKILL) after its platform calls and before its local-state
 * write is finished at the next start, and reported in the log and in {@code /health/ready}: a
 * replace, then a create, each over the suite's emulated platform. The gateway runs as its own
 * process; a test-only setting stops it at exactly that point until it is killed.
 */
class InterruptedWriteTest {

  private static final String TOKEN = "interrupted-write-token-0123456789abcdef";
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration PAUSE = Duration.ofSeconds(30);
  private static final String WRITTEN_AT_CRASH = "written-at-crash";

  @Test
  void writesKilledBeforeTheirLocalStateAreFinishedAtTheNextStart(@TempDir Path data) throws Exception {
    assumeFalse(ConformanceBackend.has(Capability.SQL_STORE),
        "the SQL store writes in one transaction (KillDurabilityTest); no local state to repair");
    ObjectNode section = ConformanceBackend.section(data);
    try {
      Path config = data.resolve("gateway.yaml");
      Files.writeString(config, "backend: " + section + "\n");
      ObjectNode replaced = minimalUser("replaced@example.com").put("externalId", "before-crash");
      ObjectNode created = minimalUser("created@example.com").put("externalId", WRITTEN_AT_CRASH);
      try (GatewayProcess gateway = start(config, WRITTEN_AT_CRASH)) {
        ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
        replaced.put("id", scim.post("/Users", replaced).text("id"));
        // Each write with this externalId stops after its platform calls, until the kill.
        replaced.put("externalId", WRITTEN_AT_CRASH);
        Thread replace = send(scim.base(), "PUT", "/Users/" + replaced.get("id").asText(), replaced);
        assertTrue(gateway.awaitLine("local-state write of a replace", PAUSE), gateway.output());
        Thread create = send(scim.base(), "POST", "/Users", created);
        assertTrue(gateway.awaitLine("local-state write of a create", PAUSE), gateway.output());
        gateway.kill(Duration.ofSeconds(10));
        replace.join(PAUSE.toMillis());
        create.join(PAUSE.toMillis());
      }
      try (GatewayProcess gateway = start(config, null)) {
        URI base = gateway.awaitServing(START);
        ScimClient scim = new ScimClient(base, TOKEN);
        String id = replaced.get("id").asText();
        assertEquals(WRITTEN_AT_CRASH, scim.get("/Users/" + id).text("externalId"));
        assertTrue(gateway.output().contains("A replace of User " + id), gateway.output());
        String ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            base.resolve("/health/ready")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(ready.contains("interrupted writes")
            && ready.contains("create of User created@example.com"), ready);
        JsonNode found = scim.get("/Users" + ScimJson.filter("userName eq \"created@example.com\""))
            .json();
        if (findsUsersItDidNotRecord(section)) {
          assertEquals(1, found.path("totalResults").asInt(), found + "\n" + gateway.output());
          assertEquals(WRITTEN_AT_CRASH, found.path("Resources").path(0).path("externalId").asText());
        } else {
          // README: brainCloud finds a Universal login id only in what the gateway recorded.
          assertTrue(ready.contains("no User with this userName is found on the platform"), ready);
        }
        System.out.println("Interrupted writes over " + section.path("type").asText() + ": 2 killed "
            + "between platform and local state (a replace, a create), "
            + (findsUsersItDidNotRecord(section) ? "2 finished" : "the replace finished and the create reported")
            + " at the restart");
        gateway.terminate(Duration.ofSeconds(30));
      }
    } finally {
      ConformanceBackend.release(section);
    }
  }

  /** Whether {@code userName eq} finds a user the gateway made but did not record in local state. */
  private static boolean findsUsersItDidNotRecord(ObjectNode section) {
    return !section.path("type").asText().equals("braincloud")
        || !section.path("identityType").asText().equals("Universal");
  }

  /** Starts the gateway; writes with the externalId {@code pauseMark} (unless null) stop before local state. */
  private static GatewayProcess start(Path config, String pauseMark) {
    Map<String, String> environment = new HashMap<>(Map.of("SCIM_GATEWAY_TOKEN", TOKEN));
    if (pauseMark != null) {
      environment.put("SCIM_GATEWAY_TEST_PAUSE_BEFORE_LOCAL_WRITE", pauseMark);
    }
    return GatewayProcess.startWith(environment, "--port", "0", "--data",
        config.getParent().toString(), "--config", config.toString());
  }

  /** Sends a write that will never be answered: the gateway is killed while it waits. */
  private static Thread send(URI base, String method, String path, ObjectNode body) {
    Thread thread = new Thread(() -> {
      try {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
            .timeout(PAUSE).header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", ScimClient.SCIM_JSON)
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (Exception expected) {
        // the connection ends with the process
      }
    }, "interrupted-" + method);
    thread.start();
    return thread;
  }
}
