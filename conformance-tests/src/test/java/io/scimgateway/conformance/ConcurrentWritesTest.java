package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes sent at the same moment, as an identity provider's parallel pushes send them. Stores may
 * commit such writes together (the embedded store does: one transaction and one sync for all that
 * wait); each must still succeed or fail on its own, and a failed one must leave nothing behind.
 */
class ConcurrentWritesTest {

  private static final int WRITERS = 16;

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  private ScimSession scim;

  @BeforeEach
  void start() {
    scim = running.session();
  }

  @Test
  void aConflictingCreateFailsAloneAmongConcurrentCreates() throws Exception {
    // 0..15 and 32..47 are distinct names; 16..31 repeat 0..15 in capitals.
    List<ScimResponse> answers = concurrently(48, i -> scim.post("/Users", minimalUser(
        i < 16 || i >= 32 ? "parallel" + i + "@example.com" : ("PARALLEL" + (i - 16) + "@example.com"))));
    for (int i = 0; i < 16; i++) {
      ScimResponse first = answers.get(i);
      ScimResponse second = answers.get(i + 16);
      ScimResponse winner = first.status() == 201 ? first : second;
      ScimResponse loser = winner == first ? second : first;
      assertStatus(201, winner);
      assertScimError(loser, 409, "uniqueness");
    }
    for (int i = 32; i < 48; i++) {
      assertStatus(201, answers.get(i));
    }
    List<ScimResponse> created = answers.stream().filter(answer -> answer.status() == 201).toList();
    assertEquals(32, created.size());
    for (ScimResponse answer : created) {
      assertStatus(200, scim.get("/Users/" + answer.json().path("id").asText()));
    }
    ScimResponse all = scim.get("/Users" + filter("userName sw \"parallel\""));
    assertEquals(32, all.json().path("totalResults").asInt(), all.toString());
  }

  @Test
  void aStalePreconditionFailsAloneAmongConcurrentPatches() throws Exception {
    List<String> ids = new ArrayList<>();
    List<String> etags = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      ScimResponse created = scim.post("/Users", minimalUser("patched" + i + "@example.com"));
      ids.add(created.json().path("id").asText());
      etags.add(created.header("ETag").orElseThrow());
    }
    ObjectNode deactivate = patch(op("replace", "active", BooleanNode.FALSE),
        op("replace", "displayName", TextNode.valueOf("Deactivated")));
    List<ScimResponse> answers = concurrently(32, i -> scim.patch("/Users/" + ids.get(i), deactivate,
        "If-Match", i % 2 == 0 ? etags.get(i) : "W/\"999\""));
    for (int i = 0; i < 32; i++) {
      ScimResponse read = scim.get("/Users/" + ids.get(i));
      if (i % 2 == 0) {
        assertStatus(200, answers.get(i));
        assertEquals(false, read.json().path("active").asBoolean(true), read.toString());
        assertEquals("Deactivated", read.json().path("displayName").asText(), read.toString());
        assertEquals(answers.get(i).header("ETag"), read.header("ETag"));
      } else {
        assertScimError(answers.get(i), 412);
        assertEquals(etags.get(i), read.header("ETag").orElseThrow(), "nothing was written");
        assertEquals("", read.json().path("displayName").asText(), read.toString());
      }
    }
  }

  @Test
  void aRefusedGroupLeavesNothingAmongConcurrentGroupWrites() throws Exception {
    String member = scim.post("/Users", minimalUser("member@example.com")).json().path("id").asText();
    String group = scim.post("/Groups", group("Grows")).json().path("id").asText();
    // Even: a group with a real member, and a membership add. Odd: a group naming a missing member.
    List<ScimResponse> answers = concurrently(32, i -> i % 2 == 0
        ? scim.post("/Groups", group("Team " + i, member))
        : scim.post("/Groups", group("Team " + i, member, "no-such-id-" + i)));
    List<ScimResponse> adds = concurrently(8, i -> scim.patch("/Groups/" + group,
        patch(op("add", "members", memberValue(i == 3 ? "missing-member" : member)))));
    for (int i = 0; i < 32; i++) {
      ScimResponse found = scim.get("/Groups" + filter("displayName eq \"Team " + i + "\""));
      if (i % 2 == 0) {
        assertStatus(201, answers.get(i));
        assertEquals(1, found.json().path("Resources").path(0).path("members").size(), found.toString());
      } else {
        assertScimError(answers.get(i), 400, "invalidValue");
        assertEquals(0, found.json().path("totalResults").asInt(), "nothing of it stored: " + found);
      }
    }
    for (int i = 0; i < 8; i++) {
      if (i == 3) {
        assertScimError(adds.get(i), 400, "invalidValue");
      } else {
        assertStatus(204, adds.get(i));
      }
    }
    JsonNode grown = scim.get("/Groups/" + group).json();
    assertEquals(1, grown.path("members").size(), grown.toString());
  }

  private static ArrayNode memberValue(String id) {
    ArrayNode members = ScimJson.array();
    members.addObject().put("value", id);
    return members;
  }

  /** Sends {@code count} requests from {@link #WRITERS} threads released at once; answers in order. */
  private static List<ScimResponse> concurrently(int count, IntFunction<ScimResponse> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ScimResponse>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          go.await();
          return request.apply(index);
        }));
      }
      go.countDown();
      List<ScimResponse> answers = new ArrayList<>();
      for (Future<ScimResponse> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
