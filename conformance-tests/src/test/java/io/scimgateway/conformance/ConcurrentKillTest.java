package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as its own process under a concurrent load of creates, PATCHes of users and of a
 * group's members, and /Bulk, killed with SIGKILL mid-load, restarted on the same data, several
 * rounds: every write answered 2xx is there (a PATCHed value is the last one answered, or the one
 * in flight), and nothing is half-applied: every group's members and every user's {@code groups}
 * agree. The process starts with no configuration, over the embedded store, so this runs in the
 * embedded store's run only (reported as disabled over the other backends).
 */
@Needs(Capability.EMBEDDED_STORE)
class ConcurrentKillTest {

  private static final String TOKEN = "concurrent-kill-token-0123456789abcdef";
  private static final Duration START = Duration.ofSeconds(60);
  private static final int ROUNDS = 3;
  private static final int PATCHED_USERS = 4;

  @TempDir
  Path data;

  /** Writes answered 2xx, kept across rounds. */
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> lastAnswered = new ConcurrentHashMap<>();
  private final Set<String> addedMembers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger answeredWrites = new AtomicInteger();

  @Test
  void answeredWritesSurviveAndNothingIsHalfApplied() throws Exception {
    List<String> patched = new ArrayList<>();
    String group;
    try (GatewayProcess gateway = start()) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
      for (int i = 0; i < PATCHED_USERS; i++) {
        patched.add(scim.post("/Users", minimalUser("patched" + i + "@example.com")).text("id"));
      }
      group = scim.post("/Groups", ScimJson.group("Pool")).text("id");
      gateway.terminate(Duration.ofSeconds(30));
    }
    int checked = 0;
    for (int round = 0; round < ROUNDS; round++) {
      try (GatewayProcess gateway = start()) {
        ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
        int before = answeredWrites.get();
        List<Thread> load = load(scim, round, patched, group);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answeredWrites.get() < before + 40 && System.nanoTime() < deadline) {
          Thread.sleep(20); // mid-load: writes are being answered, more are in flight
        }
        gateway.kill(Duration.ofSeconds(10));
        for (Thread thread : load) {
          thread.join(10_000);
        }
      }
      try (GatewayProcess gateway = start()) {
        checked += check(new ScimClient(gateway.awaitServing(START), TOKEN), patched, group);
        gateway.terminate(Duration.ofSeconds(30));
      }
    }
    System.out.println("SIGKILL under concurrent load: " + ROUNDS + " rounds, " + answeredWrites.get()
        + " answered writes, " + checked + " checks of them in the end states");
    assertTrue(answeredWrites.get() > ROUNDS * 10, "the load ran: " + answeredWrites.get());
  }

  private GatewayProcess start() {
    return GatewayProcess.start(TOKEN, "--port", "0", "--data", data.toString());
  }

  private List<Thread> load(ScimClient scim, int round, List<String> patched, String group) {
    List<Thread> threads = new ArrayList<>();
    threads.add(thread(() -> {
      for (int n = 0; ; n++) {
        String userName = "r" + round + "-single" + n + "@example.com";
        if (scim.post("/Users", minimalUser(userName)).status() == 201) {
          created.add(userName);
          answeredWrites.incrementAndGet();
        }
      }
    }));
    threads.add(thread(() -> {
      for (int n = 0; ; n++) {
        String prefix = "r" + round + "-b" + n;
        ScimResponse bulk = scim.post("/Bulk", KillDurabilityTest.bulkRequest(prefix, 10,
            "Bulk " + prefix));
        for (JsonNode operation : bulk.json().path("Operations")) {
          if (operation.path("status").asText().equals("201")
              && operation.path("bulkId").asText().startsWith("u")) {
            created.add(KillDurabilityTest.userName(operation.path("bulkId").asText()));
            answeredWrites.incrementAndGet();
          }
        }
      }
    }));
    for (String user : patched) {
      threads.add(thread(() -> {
        for (int n = round * 1_000_000; ; n++) {
          if (scim.patch("/Users/" + user, patch(op("replace", "displayName",
              TextNode.valueOf("v" + n)))).status() == 200) {
            lastAnswered.put(user, n);
            answeredWrites.incrementAndGet();
          }
        }
      }));
    }
    threads.add(thread(() -> {
      for (int n = 0; ; n++) {
        String member = scim.post("/Users", minimalUser("r" + round + "-member" + n + "@example.com"))
            .text("id");
        if (scim.patch("/Groups/" + group, patch(op("add", "members",
            ScimJson.memberValues(member)))).status() == 204) {
          addedMembers.add(member);
          answeredWrites.incrementAndGet();
        }
      }
    }));
    return threads;
  }

  /** Checks the end state; the number of answered writes it checked. */
  private int check(ScimClient scim, List<String> patched, String group) {
    int checked = 0;
    for (String userName : created) {
      ScimResponse found = scim.get("/Users" + ScimJson.filter("userName eq \"" + userName + "\""));
      assertEquals(1, found.json().path("totalResults").asInt(), userName + ": " + found);
      checked++;
    }
    for (String user : patched) {
      Integer last = lastAnswered.get(user);
      if (last != null) {
        int stored = Integer.parseInt(scim.get("/Users/" + user).json().path("displayName")
            .asText().substring(1));
        assertTrue(stored == last || stored == last + 1, user + ": stored v" + stored
            + ", last answered v" + last);
        checked++;
      }
    }
    Set<String> members = ids(scim.get("/Groups/" + group).json().path("members"));
    for (String member : addedMembers) {
      assertTrue(members.contains(member), "answered member add lost: " + member);
      checked++;
    }
    assertMembershipsAgree(scim);
    return checked;
  }

  /** Every group's members list the group in their {@code groups}, and the other way round. */
  private static void assertMembershipsAgree(ScimClient scim) {
    Map<String, Set<String>> byGroup = new HashMap<>();
    for (JsonNode group : scim.get("/Groups?count=1000").json().path("Resources")) {
      byGroup.put(group.path("id").asText(), ids(group.path("members")));
    }
    Map<String, Set<String>> byUser = new HashMap<>();
    for (int start = 1; ; start += 1000) {
      JsonNode page = scim.get("/Users?attributes=groups&count=1000&startIndex=" + start).json();
      for (JsonNode user : page.path("Resources")) {
        byUser.put(user.path("id").asText(), ids(user.path("groups")));
      }
      if (page.path("Resources").size() < 1000) {
        break;
      }
    }
    byGroup.forEach((group, members) -> members.forEach(member -> assertTrue(
        byUser.getOrDefault(member, Set.of()).contains(group), member + " is in " + group
            + " but its groups do not say so")));
    byUser.forEach((user, groups) -> groups.forEach(group -> assertTrue(
        byGroup.getOrDefault(group, Set.of()).contains(user), user + " lists " + group
            + " but is not among its members")));
  }

  private static Set<String> ids(JsonNode values) {
    Set<String> ids = new HashSet<>();
    values.forEach(value -> ids.add(value.path("value").asText()));
    return ids;
  }

  /** A daemon thread running {@code work} until the gateway's death ends it with an exception. */
  private static Thread thread(Runnable work) {
    Thread thread = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException connectionLost) {
        // killed: a request without an answer proves nothing either way
      }
    }, "kill-load");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
