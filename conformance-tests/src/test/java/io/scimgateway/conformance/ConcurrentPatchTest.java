package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.parse;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Optimistic concurrency (RFC 7644 section 3.14): clients PATCHing one user and one group at once,
 * each with the {@code If-Match} of what it read, lose no update: every change answered {@code 200}
 * is in the end state, and a client that lost a race gets {@code 412} and nothing else.
 */
class ConcurrentPatchTest {

  private static final int CLIENTS = 6;
  private static final int CHANGES_EACH = 4;
  private static final int MAX_ATTEMPTS = 200;

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  @Test
  void everyAnsweredEmailAddIsKept() throws Exception {
    ScimSession scim = running.session();
    String path = "/Users/" + scim.post("/Users", minimalUser("contended@example.com")).text("id");
    Set<Integer> added = race(path, change -> patch(op("add", "emails",
        parse("[{\"value\": \"c" + change + "@example.com\", \"type\": \"other\"}]"))));
    Set<String> stored = new HashSet<>();
    scim.get(path).json().path("emails").forEach(e -> stored.add(e.path("value").asText()));
    Set<String> expected = new HashSet<>();
    added.forEach(change -> expected.add("c" + change + "@example.com"));
    assertEquals(expected, stored);
  }

  @Test
  void everyAnsweredMemberAddIsKept() throws Exception {
    ScimSession scim = running.session();
    List<String> users = new ArrayList<>();
    for (int i = 0; i < CLIENTS * CHANGES_EACH; i++) {
      users.add(scim.post("/Users", minimalUser("member" + i + "@example.com")).text("id"));
    }
    String path = "/Groups/" + scim.post("/Groups", ScimJson.group("Contended")).text("id");
    Set<Integer> added = race(path, change -> patch(op("add", "members",
        ScimJson.memberValues(users.get(change)))));
    Set<String> members = new HashSet<>();
    scim.get(path).json().path("members").forEach(m -> members.add(m.path("value").asText()));
    Set<String> expected = new HashSet<>();
    added.forEach(change -> expected.add(users.get(change)));
    assertEquals(expected, members);
  }

  /**
   * Each client makes {@value #CHANGES_EACH} changes, each read-then-PATCH with If-Match until it is
   * answered 200; the numbers of the changes answered 200.
   */
  private Set<Integer> race(String path, IntFunction<ObjectNode> change) throws Exception {
    ScimSession scim = running.session();
    Set<Integer> answered = ConcurrentHashMap.newKeySet();
    AtomicInteger preconditionFailures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        int first = client * CHANGES_EACH;
        clients.add(pool.submit(() -> {
          for (int n = first; n < first + CHANGES_EACH; n++) {
            apply(scim, path, change.apply(n), preconditionFailures);
            answered.add(n);
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(CLIENTS * CHANGES_EACH, answered.size());
    System.out.println(path.substring(1, path.indexOf('/', 1)) + ": " + answered.size()
        + " If-Match PATCHes answered 200, " + preconditionFailures.get() + " answered 412");
    return answered;
  }

  private static void apply(ScimSession scim, String path, ObjectNode patch,
      AtomicInteger preconditionFailures) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      JsonNode current = scim.get(path).json();
      String version = current.path("meta").path("version").asText();
      ScimResponse response = scim.patch(path, patch, "If-Match", version);
      if (response.status() == 200 || response.status() == 204) { // a group answers 204
        return;
      }
      assertEquals(412, response.status(), response::toString);
      preconditionFailures.incrementAndGet();
    }
    assertTrue(false, "no attempt of " + MAX_ATTEMPTS + " succeeded at " + path);
  }
}
