package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as its own process, loaded through /Bulk and by concurrent writers (POST, then PATCH),
 * killed with SIGKILL mid-load and restarted on the same data: every user whose creation was answered
 * 201 is there, every answered PATCH is there, and every group that is there has all of its members
 * (nothing half-written). The concurrent writers share group commits in the embedded store.
 */
@Needs(Capability.EMBEDDED_STORE)
class KillDurabilityTest {

  private static final String TOKEN = "kill-durability-token-0123456789";
  private static final Duration START = Duration.ofSeconds(30);
  private static final int WRITERS = 4;

  @TempDir
  Path data;

  @Test
  void everyAnsweredCreateSurvivesSigkill() throws Exception {
    List<String> answered = new CopyOnWriteArrayList<>();
    List<String> deactivated = new CopyOnWriteArrayList<>();
    AtomicInteger bulks = new AtomicInteger();
    try (GatewayProcess gateway = start()) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
      List<Thread> loaders = new ArrayList<>();
      loaders.add(new Thread(() -> load(scim, answered, bulks), "durability-loader"));
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        loaders.add(new Thread(() -> write(scim, writer, answered, deactivated), "durability-writer"));
      }
      loaders.forEach(loader -> {
        loader.setDaemon(true);
        loader.start();
      });
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while ((bulks.get() < 4 || deactivated.size() < 40) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      gateway.kill(Duration.ofSeconds(10));
      for (Thread loader : loaders) {
        loader.join(10_000);
      }
    }
    assertTrue(answered.size() >= 4 * 50, "the load ran before the kill: " + answered.size());
    assertTrue(deactivated.size() >= 40, "the writers ran before the kill: " + deactivated.size());

    try (GatewayProcess again = start()) {
      ScimClient scim = new ScimClient(again.awaitServing(START), TOKEN);
      for (String userName : answered) {
        ScimResponse found = scim.get("/Users?filter="
            + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8));
        assertEquals(1, found.json().path("totalResults").asInt(), userName + ": " + found);
      }
      for (String id : deactivated) {
        ScimResponse user = scim.get("/Users/" + id);
        assertEquals(false, user.json().path("active").asBoolean(true), "an answered PATCH: " + user);
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

  /** Until the gateway dies: creates a user, then deactivates it, recording what was answered. */
  private static void write(ScimClient scim, int writer, List<String> answered,
      List<String> deactivated) {
    ObjectNode deactivate = ScimJson.patch(ScimJson.op("replace", "active", BooleanNode.FALSE));
    try {
      for (int n = 0; ; n++) {
        String userName = "writer" + writer + "-" + n + "@example.com";
        ScimResponse created = scim.post("/Users", ScimJson.minimalUser(userName).put("active", true));
        if (created.status() != 201) {
          return;
        }
        answered.add(userName);
        String id = created.json().path("id").asText();
        if (scim.patch("/Users/" + id, deactivate).status() == 200) {
          deactivated.add(id);
        }
      }
    } catch (RuntimeException connectionLost) {
      // the gateway was killed
    }
  }

  private static ObjectNode bulkRequest(int round) {
    return bulkRequest(String.valueOf(round), 50, "Round " + round);
  }

  /**
   * A bulk request creating {@code users} users (bulkIds {@code u<prefix>-<i>}) and a group of them
   * (bulkId {@code g<prefix>}), the group last and naming its members by bulkId.
   */
  static ObjectNode bulkRequest(String prefix, int users, String groupName) {
    ObjectNode request = ScimJson.bulkRequest();
    ArrayNode operations = ScimJson.operations(request);
    String[] members = new String[users];
    for (int i = 0; i < users; i++) {
      String bulkId = "u" + prefix + "-" + i;
      members[i] = "bulkId:" + bulkId;
      ObjectNode operation = operations.addObject().put("method", "POST").put("path", "/Users")
          .put("bulkId", bulkId);
      operation.set("data", ScimJson.minimalUser(userName(bulkId)));
    }
    ObjectNode group = operations.addObject().put("method", "POST").put("path", "/Groups")
        .put("bulkId", "g" + prefix);
    group.set("data", ScimJson.group(groupName, members));
    return request;
  }

  static String userName(String bulkId) {
    return bulkId + "@example.com";
  }
}
