package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway processes on one PostgreSQL database, started at the same moment (so their migrations
 * race), with concurrent writers through both that compete for the same userNames and group
 * displayNames: every write answered 201 is there, seen from either instance, and every name was
 * taken once; an {@code If-Match} made stale through one instance is 412 on the other; a cursor walk
 * that switches instance at every page sees every user exactly once; the pk block counts that deep
 * pages rely on match the rows after it all. Runs once, in the embedded store's run, on the JVM's
 * test cluster.
 */
@Tag("platform")
class TwoInstancesOnPostgresTest {

  private static final String TOKEN = "two-instances-token-0123456789abcdef";
  private static final Duration START = Duration.ofSeconds(90);
  private static final int NAMES = 120;
  private static final int GROUP_NAMES = 20;
  private static final int WRITERS_PER_INSTANCE = 3;

  @TempDir
  Path data;

  @Test
  void twoInstancesShareOneDatabaseWithoutLosingOrDuplicatingWrites() throws Exception {
    PostgresCluster cluster = PostgresCluster.get();
    String database = cluster.newDatabase("two_instances_");
    Path config = data.resolve("gateway.yaml");
    Files.writeString(config, "backend: " + PostgresPlatform.section(cluster, database) + "\n");
    try (GatewayProcess first = GatewayProcess.instance(TOKEN, config, data, "a");
        GatewayProcess second = GatewayProcess.instance(TOKEN, config, data, "b")) {
      List<ScimClient> instances = List.of(
          new ScimClient(first.awaitServing(START), TOKEN),
          new ScimClient(second.awaitServing(START), TOKEN));
      Map<String, String> users = competingCreates(instances, "/Users", NAMES,
          n -> minimalUser("user" + n + "@example.com"), "userName");
      Map<String, String> groups = competingCreates(instances, "/Groups", GROUP_NAMES,
          n -> ScimJson.group("Team " + n), "displayName");
      assertEveryAnsweredWriteIsThere(instances, users, groups);
      assertIfMatchHoldsAcrossInstances(instances, users.values().iterator().next());
      assertCursorWalkSwitchingInstancesSeesEveryUserOnce(instances, new HashSet<>(users.values()));
    }
    Jdbi.create(cluster.url(database), PostgresCluster.USER, cluster.password()).useHandle(handle ->
        PkBlockCountsMigrationTest.assertCountsExact(handle,
            "the pk block counts after creates and refused duplicates through both instances"));
  }


  /**
   * Writers on both instances create {@code count} names each, in an order of their own, so that
   * most names are asked for several times at once; returns the one id answered per name.
   */
  private static Map<String, String> competingCreates(List<ScimClient> instances, String path,
      int count, IntFunction<ObjectNode> body, String nameAttribute)
      throws Exception {
    Map<String, List<String>> created = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS_PER_INSTANCE * 2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS_PER_INSTANCE * 2; w++) {
        ScimClient scim = instances.get(w % 2);
        int offset = w * 7;
        done.add(writers.submit(() -> {
          for (int i = 0; i < count; i++) {
            int n = (i + offset) % count;
            ScimResponse answer = scim.post(path, body.apply(n));
            assertTrue(answer.status() == 201 || answer.status() == 409,
                () -> path + " answered " + answer);
            if (answer.status() == 201) {
              created.computeIfAbsent(answer.json().path(nameAttribute).asText(),
                  key -> Collections.synchronizedList(new ArrayList<>()))
                  .add(answer.text("id"));
            } else {
              conflicts.incrementAndGet();
              assertEquals("uniqueness", answer.json().path("scimType").asText(), answer::toString);
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      writers.shutdownNow();
    }
    assertEquals(count, created.size(), path + ": every name was taken");
    System.out.println(path + " on two instances: " + count + " names, each asked for "
        + WRITERS_PER_INSTANCE * 2 + " times; " + conflicts.get() + " answered 409 uniqueness");
    assertEquals(count * (WRITERS_PER_INSTANCE * 2 - 1), conflicts.get(),
        path + ": every other request for a taken name was refused");
    Map<String, String> ids = new HashMap<>();
    created.forEach((name, answered) -> {
      assertEquals(1, answered.size(), path + " " + name + " was created " + answered.size()
          + " times: " + answered);
      ids.put(name, answered.get(0));
    });
    return ids;
  }

  private static void assertEveryAnsweredWriteIsThere(List<ScimClient> instances,
      Map<String, String> users, Map<String, String> groups) {
    for (ScimClient scim : instances) {
      users.forEach((userName, id) -> {
        ScimResponse found = scim.get("/Users" + ScimJson.filter("userName eq \"" + userName + "\""));
        assertEquals(1, found.json().path("totalResults").asInt(), () -> userName + ": " + found);
        assertEquals(id, found.json().path("Resources").path(0).path("id").asText());
      });
      groups.forEach((name, id) -> {
        ScimResponse found = scim.get("/Groups" + ScimJson.filter("displayName eq \"" + name + "\""));
        assertEquals(1, found.json().path("totalResults").asInt(), () -> name + ": " + found);
      });
      assertEquals(users.size(), scim.get("/Users?count=0").json().path("totalResults").asInt());
      assertEquals(groups.size(), scim.get("/Groups?count=0").json().path("totalResults").asInt());
    }
  }

  /** A version read on one instance and changed through it is stale on the other, both ways. */
  private static void assertIfMatchHoldsAcrossInstances(List<ScimClient> instances, String id) {
    for (int i = 0; i < 2; i++) {
      ScimClient writer = instances.get(i);
      ScimClient other = instances.get(1 - i);
      String etag = writer.get("/Users/" + id).header("ETag").orElseThrow();
      ScimResponse changed = writer.patch("/Users/" + id,
          patch(op("replace", "displayName", TextNode.valueOf("changed through " + i))),
          "If-Match", etag);
      assertEquals(200, changed.status(), changed::toString);
      ScimResponse stale = other.patch("/Users/" + id,
          patch(op("replace", "displayName", TextNode.valueOf("stale"))), "If-Match", etag);
      assertEquals(412, stale.status(), stale::toString);
      ScimResponse current = other.patch("/Users/" + id,
          patch(op("replace", "nickName", TextNode.valueOf("current " + i))), "If-Match",
          changed.header("ETag").orElseThrow());
      assertEquals(200, current.status(), current::toString);
    }
  }

  private static void assertCursorWalkSwitchingInstancesSeesEveryUserOnce(
      List<ScimClient> instances, Set<String> expected) {
    List<String> seen = new ArrayList<>();
    String cursor = "";
    for (int page = 0; cursor != null; page++) {
      assertTrue(page < 1000, "nextCursor never ends");
      ScimResponse answer = instances.get(page % 2).get("/Users?count=7&attributes=id&cursor="
          + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      assertEquals(200, answer.status(), answer::toString);
      for (JsonNode user : answer.json().path("Resources")) {
        seen.add(user.path("id").asText());
      }
      cursor = answer.json().path("nextCursor").asText(null);
    }
    assertEquals(expected.size(), seen.size(), "each user once: " + seen.size() + " seen");
    assertEquals(expected, new HashSet<>(seen));
  }
}
