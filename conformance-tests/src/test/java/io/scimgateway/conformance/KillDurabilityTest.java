package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as its own process, loaded through /Bulk and POST, killed with SIGKILL mid-load and
 * restarted on the same data: every user whose creation was answered 201 is there, and every group
 * that is there has all of its members (nothing half-written).
 */
@Needs(Capability.EMBEDDED_STORE)
class KillDurabilityTest {

  private static final String TOKEN = "kill-durability-token-0123456789";
  private static final Duration START = Duration.ofSeconds(30);

  @TempDir
  Path data;

  @Test
  void everyAnsweredCreateSurvivesSigkill() throws Exception {
    List<String> answered = new CopyOnWriteArrayList<>();
    AtomicInteger bulks = new AtomicInteger();
    try (GatewayProcess gateway = start()) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
      Thread loader = new Thread(() -> load(scim, answered, bulks), "durability-loader");
      loader.setDaemon(true);
      loader.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (bulks.get() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      gateway.kill(Duration.ofSeconds(10));
      loader.join(10_000);
    }
    assertTrue(answered.size() >= 4 * 50, "the load ran before the kill: " + answered.size());

    try (GatewayProcess again = start()) {
      ScimClient scim = new ScimClient(again.awaitServing(START), TOKEN);
      for (String userName : answered) {
        ScimResponse found = scim.get("/Users?filter="
            + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8));
        assertEquals(1, found.json().path("totalResults").asInt(), userName + ": " + found);
      }
      for (JsonNode group : scim.get("/Groups?count=1000").json().path("Resources")) {
        assertEquals(50, group.path("members").size(), "a group is whole or absent: " + group);
        for (JsonNode member : group.path("members")) {
          assertEquals(200, scim.get("/Users/" + member.path("value").asText()).status());
        }
      }
    }
  }

  private GatewayProcess start() {
    return GatewayProcess.start(TOKEN, "--port", "0", "--data", data.toString());
  }

  /** Until the gateway dies: a bulk of 50 users and their group, then one POST, recording 201s. */
  private static void load(ScimClient scim, List<String> answered, AtomicInteger bulks) {
    try {
      for (int round = 0; ; round++) {
        ScimResponse bulk = scim.post("/Bulk", bulkRequest(round));
        if (bulk.status() != 200) {
          return;
        }
        for (JsonNode operation : bulk.json().path("Operations")) {
          String bulkId = operation.path("bulkId").asText();
          if (operation.path("status").asText().equals("201") && bulkId.startsWith("u")) {
            answered.add(userName(bulkId));
          }
        }
        bulks.incrementAndGet();
        String single = "single-" + round + "@example.com";
        if (scim.post("/Users", ScimJson.minimalUser(single)).status() == 201) {
          answered.add(single);
        }
      }
    } catch (RuntimeException connectionLost) {
      // the gateway was killed: requests without an answer prove nothing either way
    }
  }

  private static ObjectNode bulkRequest(int round) {
    ObjectNode request = ScimJson.object();
    request.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:BulkRequest");
    ArrayNode operations = request.putArray("Operations");
    String[] members = new String[50];
    for (int i = 0; i < 50; i++) {
      String bulkId = "u" + round + "-" + i;
      members[i] = "bulkId:" + bulkId;
      ObjectNode operation = operations.addObject().put("method", "POST").put("path", "/Users")
          .put("bulkId", bulkId);
      operation.set("data", ScimJson.minimalUser(userName(bulkId)));
    }
    ObjectNode group = operations.addObject().put("method", "POST").put("path", "/Groups")
        .put("bulkId", "g" + round);
    group.set("data", ScimJson.group("Round " + round, members));
    return request;
  }

  private static String userName(String bulkId) {
    return bulkId + "@example.com";
  }
}
