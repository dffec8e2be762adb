package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.memberValues;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.gateway.auth.Scope;
import io.scimgateway.gateway.auth.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.scimgateway.gateway.config.AuditSettings;
import io.scimgateway.gateway.config.GatewayConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail over the suite's backend: a known run of changes through every path (POST, PUT,
 * PATCH, DELETE, /Bulk, password actions) leaves exactly one event per change, newest first, with who,
 * from where and what changed; refused writes leave none; passwords appear nowhere; only a token with
 * the audit scope reads it.
 */
class AuditTrailTest {

  private static final String SECRET = "Audit-Trail-Secret-Pa55word!";
  private static final String NEW_SECRET = "Audit-Trail-Other-Pa55word!";

  @TempDir
  Path data;

  @Test
  void everyChangeIsRecordedOnceWithWhoWhatAndTheValues() {
    TokenStore tokens = new TokenStore(data, Clock.systemUTC());
    String writer = tokens.create("okta-prod", Set.of(Scope.READ, Scope.WRITE), null);
    String auditor = tokens.create("auditor", Set.of(Scope.AUDIT), null);
    Instant started = Instant.now().minusSeconds(1);
    GatewayConfig config = TestGateway.config(data);
    RunningGateway.with(config, scim -> {
      ScimClient okta = new ScimClient(scim.base(), writer);
      ScimClient audit = new ScimClient(scim.base(), auditor);
      List<Expected> expected = writeKnownChanges(okta);

      JsonNode page = audit.get("/AuditEvents?count=100").json();
      assertEquals(expected.size(), page.path("totalResults").asInt(), page::toString);
      List<JsonNode> events = new ArrayList<>();
      page.path("Resources").forEach(events::add);
      for (int i = 0; i < expected.size(); i++) {
        expected.get(expected.size() - 1 - i).check(events.get(i)); // newest first
      }
      assertFalse(page.toString().contains(SECRET) || page.toString().contains(NEW_SECRET),
          "no password in the trail");
      assertFalse(filesContain(data, SECRET) || filesContain(data, NEW_SECRET),
          "no password in any file of the data directory");

      String userId = expected.get(0).resourceId;
      assertEquals(4, total(audit, "resourceId eq \"" + userId + "\""));
      assertEquals(expected.stream().filter(e -> e.operation.equals("DELETE")).count(),
          total(audit, "operation eq \"delete\""));
      assertEquals(expected.size(), total(audit, "actor eq \"okta-prod\" and time ge \""
          + started + "\" and time lt \"" + Instant.now().plusSeconds(60) + "\""));
      assertEquals(0, total(audit, "time lt \"" + started + "\""));
      assertEquals(4, total(audit, "resourceName eq \"ALICE.AUDIT@example.com\""));

      JsonNode second = audit.get("/AuditEvents?startIndex=2&count=2").json();
      assertEquals(2, second.path("itemsPerPage").asInt(), second::toString);
      assertEquals(events.get(1).path("id"), second.path("Resources").get(0).path("id"));
      JsonNode one = audit.get("/AuditEvents/" + events.get(0).path("id").asText()).json();
      assertEquals(events.get(0).path("id"), one.path("id"), one::toString);

      List<JsonNode> fromCommand = commandLine(config, "audit", "--json");
      assertEquals(events.size(), fromCommand.size(), fromCommand::toString);
      for (int i = 0; i < events.size(); i++) {
        ((ObjectNode) events.get(i).path("meta")).remove("location");
        assertEquals(events.get(i), fromCommand.get(i), "the command shows what /AuditEvents shows");
      }
      assertEquals(1, commandLine(config, "audit", "--json", "--user", "CAROL.audit@example.com",
          "--operation", "delete").size());
      assertEquals(0, commandLine(config, "audit", "--json", "--actor", "someone-else").size());
    });
  }

  /** Runs the gateway's command line as its own process on {@code config}; the JSON lines it prints. */
  private static List<JsonNode> commandLine(GatewayConfig config, String... args) {
    ObjectNode file = ScimJson.object().put("data", config.data().toString());
    file.set("backend", config.backend());
    Path yaml = config.data().resolve("audit-command.yaml"); // YAML takes JSON as it is
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--config", yaml.toString()));
    try {
      Files.writeString(yaml, file.toString());
      try (GatewayProcess process = GatewayProcess.start(null, command.toArray(String[]::new))) {
        assertEquals(0, process.awaitExit(Duration.ofSeconds(90)), process.output());
        return process.output().lines().filter(line -> line.startsWith("{"))
            .map(ScimJson::parse).toList();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyATokenWithTheAuditScopeReadsTheTrailAndNobodyWritesIt() {
    TokenStore tokens = new TokenStore(data, Clock.systemUTC());
    String writer = tokens.create("writer", Set.of(Scope.READ, Scope.WRITE), null);
    String auditor = tokens.create("auditor", Set.of(Scope.AUDIT), null);
    RunningGateway.with(TestGateway.config(data), scim -> {
      ScimResponse refused = new ScimClient(scim.base(), writer).get("/AuditEvents");
      assertScimError(refused, 403);
      assertTrue(refused.text("detail").contains("audit scope"), refused::toString);
      ScimClient audit = new ScimClient(scim.base(), auditor);
      assertStatus(200, audit.get("/AuditEvents"));
      assertScimError(audit.get("/Users"), 403);
      ScimResponse posted = audit.post("/AuditEvents", ScimJson.object());
      assertEquals(405, posted.status(), posted::toString);
      assertEquals(405, audit.delete("/AuditEvents/x").status());
      assertScimError(audit.get("/AuditEvents" + filter("userName eq \"x\"")), 400, "invalidFilter");
      assertStatus(200, scim.get("/AuditEvents")); // the configured token holds every scope
    });
  }

  @Test
  void retentionKeepsTheNewestEventsInTheBackground() {
    GatewayConfig config = TestGateway.config(data)
        .withAudit(new AuditSettings(null, new AuditSettings.Retention(null, 3L, 1)));
    RunningGateway.with(config, scim -> {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        ids.add(scim.post("/Users", ScimJson.minimalUser("kept" + i + "@example.com")).text("id"));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      JsonNode page = scim.get("/AuditEvents").json();
      while (page.path("totalResults").asInt() > 3 && System.nanoTime() < deadline) {
        sleep(200);
        page = scim.get("/AuditEvents").json();
      }
      assertEquals(3, page.path("totalResults").asInt(), page::toString);
      assertEquals(ids.get(5), page.path("Resources").get(0).path("resourceId").asText());
      assertEquals(ids.get(3), page.path("Resources").get(2).path("resourceId").asText());
    });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes of every kind, in order, and the events they must leave; refused writes in between leave
   * none.
   */
  private static List<Expected> writeKnownChanges(ScimClient okta) {
    List<Expected> expected = new ArrayList<>();
    ObjectNode alice = user("alice.audit@example.com").put("password", SECRET).put("title", "Engineer");
    ScimResponse created = okta.post("/Users", alice, "X-Request-Id", "audit-create-1");
    assertStatus(201, created);
    String aliceId = created.text("id");
    expected.add(new Expected("POST", "User", aliceId, "alice.audit@example.com", "audit-create-1")
        .changed("title", null, "\"Engineer\"").changed("password", null, null));
    assertScimError(okta.post("/Users", user("alice.audit@example.com")), 409); // not recorded

    ObjectNode replaced = user("alice.audit@example.com").put("title", "Staff Engineer");
    replaced.remove("password");
    assertStatus(200, okta.put("/Users/" + aliceId, replaced));
    expected.add(new Expected("PUT", "User", aliceId, "alice.audit@example.com", null)
        .changed("title", "\"Engineer\"", "\"Staff Engineer\""));

    assertStatus(200, okta.patch("/Users/" + aliceId, patch(op("replace", "active", BooleanNode.FALSE),
        op("replace", "password", TextNode.valueOf(NEW_SECRET)))));
    expected.add(new Expected("PATCH", "User", aliceId, "alice.audit@example.com", null)
        .changed("active", "true", "false").changed("password", null, null));

    String bobId = okta.post("/Users", user("bob.audit@example.com")).text("id");
    expected.add(new Expected("POST", "User", bobId, "bob.audit@example.com", null));
    ScimResponse team = okta.post("/Groups", group("Audit team", aliceId));
    assertStatus(201, team);
    String teamId = team.text("id");
    expected.add(new Expected("POST", "Group", teamId, "Audit team", null).members(aliceId, null));
    assertStatus(204, okta.patch("/Groups/" + teamId,
        patch(op("add", "members", memberValues(bobId)))));
    expected.add(new Expected("PATCH", "Group", teamId, "Audit team", null).members(bobId, null));

    ScimResponse bulk = okta.post("/Bulk", bulk(bobId));
    assertStatus(200, bulk);
    String carolId = bulk.json().path("Operations").get(0).path("location").asText()
        .replaceAll(".*/", "");
    expected.add(new Expected("POST", "User", carolId, "carol.audit@example.com", null));
    expected.add(new Expected("PATCH", "User", bobId, "bob.audit@example.com", null)
        .changed("title", null, "\"Manager\""));
    expected.add(new Expected("DELETE", "User", carolId, "carol.audit@example.com", null));
    assertScimError(okta.delete("/Users/" + carolId), 404); // not recorded

    assertStatus(204, okta.delete("/Users/" + aliceId));
    expected.add(new Expected("DELETE", "User", aliceId, "alice.audit@example.com", null)
        .changed("title", "\"Staff Engineer\"", null));
    return expected;
  }

  private static ObjectNode bulk(String bobId) {
    ObjectNode request = ScimJson.bulkRequest();
    var operations = ScimJson.operations(request);
    operations.addObject().put("method", "POST").put("path", "/Users").put("bulkId", "carol")
        .set("data", user("carol.audit@example.com"));
    operations.addObject().put("method", "PATCH").put("path", "/Users/" + bobId)
        .set("data", patch(op("add", "title", TextNode.valueOf("Manager"))));
    operations.addObject().put("method", "DELETE").put("path", "/Users/bulkId:carol");
    return request;
  }

  private static int total(ScimClient audit, String expression) {
    ScimResponse response = audit.get("/AuditEvents" + filter(expression) + "&count=0");
    assertStatus(200, response);
    return response.json().path("totalResults").asInt();
  }

  private static boolean filesContain(Path directory, String text) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).anyMatch(file -> {
        try {
          return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode change(JsonNode event, String attribute) {
    for (JsonNode change : event.path("changes")) {
      if (change.path("attribute").asText().equals(attribute)) {
        return change;
      }
    }
    return null;
  }

  /** One event a change must leave; {@code changes} lists some of what it must say. */
  private static final class Expected {
    final String operation;
    final String resourceType;
    final String resourceId;
    final String resourceName;
    final String requestId;
    final List<String[]> changes = new ArrayList<>();

    Expected(String operation, String resourceType, String resourceId, String resourceName,
        String requestId) {
      this.operation = operation;
      this.resourceType = resourceType;
      this.resourceId = resourceId;
      this.resourceName = resourceName;
      this.requestId = requestId;
    }

    Expected changed(String attribute, String old, String now) {
      changes.add(new String[] {attribute, old, now});
      return this;
    }

    Expected members(String added, String removed) {
      changes.add(new String[] {"members", added, removed, "members"});
      return this;
    }

    void check(JsonNode event) {
      String at = event.toString();
      assertEquals(operation, event.path("operation").asText(), at);
      assertEquals(resourceType, event.path("resourceType").asText(), at);
      assertEquals(resourceId, event.path("resourceId").asText(), at);
      assertEquals(resourceName.toLowerCase(), event.path("resourceName").asText().toLowerCase(), at);
      assertEquals("okta-prod", event.path("actor").asText(), at);
      assertEquals("success", event.path("outcome").asText(), at);
      assertEquals("127.0.0.1", event.path("address").asText(), at);
      assertTrue(event.path("requestId").asText().length() > 0, at);
      if (requestId != null) {
        assertEquals(requestId, event.path("requestId").asText(), at);
      }
      for (String[] change : changes) {
        JsonNode found = change(event, change[0]);
        assertTrue(found != null, "changes has " + change[0] + ": " + at);
        if (change.length == 4) {
          assertTrue(found.path("added").toString().contains(change[1]), at);
        } else if (!change[0].equals("password")) {
          assertEquals(change[1], found.has("old") ? found.get("old").asText() : null, at);
          assertEquals(change[2], found.has("new") ? found.get("new").asText() : null, at);
        } else {
          assertFalse(found.has("old") || found.has("new"), at);
        }
      }
    }
  }
}
