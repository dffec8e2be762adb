package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** POST /Bulk (RFC 7644 section 3.7): operations, bulkId references, failOnErrors and limits. */
class BulkTest {

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  @TempDir
  Path data;

  @Test
  void forwardReferencesInMembersAndPathsResolve() {
    ScimSession scim = running.session();
    JsonNode response = bulk(scim, null,
        post("g1", "/Groups", group("Tour", "bulkId:u1")),
        patchOf("/Users/bulkId:u1", op("replace", "active", BooleanNode.FALSE)),
        post("u1", "/Users", minimalUser("alice@example.com")));
    JsonNode operations = response.path("Operations");
    assertEquals("201", operations.get(0).path("status").asText(), response.toString());
    assertEquals("200", operations.get(1).path("status").asText(), response.toString());
    assertEquals("201", operations.get(2).path("status").asText(), response.toString());
    String userLocation = operations.get(2).path("location").asText();
    String userId = userLocation.substring(userLocation.lastIndexOf('/') + 1);
    JsonNode group = scim.get(path(operations.get(0).path("location").asText())).json();
    assertEquals(userId, group.path("members").get(0).path("value").asText());
    assertEquals(false, scim.get("/Users/" + userId).json().path("active").asBoolean(true));
    assertTrue(operations.get(2).path("version").asText().startsWith("W/\""));
  }

  @Test
  void failuresAreAnsweredPerOperationAndFailOnErrorsStops() {
    ScimSession scim = running.session();
    JsonNode response = bulk(scim, 1,
        post("a", "/Users", minimalUser("dup@example.com")),
        post("b", "/Users", minimalUser("dup@example.com")),
        post("c", "/Users", minimalUser("never@example.com")));
    JsonNode operations = response.path("Operations");
    assertEquals(2, operations.size(), "processing stops after the first error: " + response);
    assertEquals("409", operations.get(1).path("status").asText());
    assertEquals("uniqueness", operations.get(1).path("response").path("scimType").asText());
    assertEquals(0, scim.get("/Users?filter=userName%20eq%20%22never@example.com%22").json()
        .path("totalResults").asInt(-1));
  }

  /**
   * A failure in the middle leaves its neighbours applied, once each, under the ids the answer gives:
   * a store that runs a failed batch again must answer from the run that stays.
   */
  @Test
  void aFailureInTheMiddleLeavesItsNeighboursAppliedOnceUnderTheIdsAnswered() {
    ScimSession scim = running.session();
    scim.post("/Users", minimalUser("taken@example.com"));
    JsonNode operations = bulk(scim, null,
        post("a", "/Users", minimalUser("before@example.com")),
        post("b", "/Users", minimalUser("taken@example.com")),
        post("c", "/Users", minimalUser("after@example.com"))).path("Operations");
    assertEquals("409", operations.get(1).path("status").asText(), operations.toString());
    for (int applied : new int[] {0, 2}) {
      JsonNode operation = operations.get(applied);
      assertEquals("201", operation.path("status").asText(), operations.toString());
      String userName = applied == 0 ? "before@example.com" : "after@example.com";
      JsonNode found = scim.get("/Users?filter=userName%20eq%20%22" + userName + "%22").json();
      assertEquals(1, found.path("totalResults").asInt(-1), found.toString());
      assertEquals(path(operation.path("location").asText()),
          "/Users/" + found.path("Resources").get(0).path("id").asText());
    }
    assertEquals(3, scim.get("/Users?count=0").json().path("totalResults").asInt());
  }

  @Test
  void circularAndDanglingReferencesFailClearly() {
    ScimSession scim = running.session();
    JsonNode operations = bulk(scim, null,
        post("x", "/Groups", group("X", "bulkId:y")),
        post("y", "/Groups", group("Y", "bulkId:x")),
        post("z", "/Groups", group("Z", "bulkId:nowhere"))).path("Operations");
    for (JsonNode operation : operations) {
      assertEquals("409", operation.path("status").asText(), operation.toString());
      assertTrue(operation.path("response").path("detail").asText().contains("bulkId"));
    }
    assertEquals(0, scim.get("/Groups").json().path("totalResults").asInt(-1));
  }

  @Test
  void writesFromOtherClientsWaitForABulkRequestAndAllSucceed() throws Exception {
    ScimSession scim = running.session();
    ObjectNode[] operations = new ObjectNode[500];
    for (int i = 0; i < operations.length; i++) {
      operations[i] = post("b" + i, "/Users", minimalUser("bulk" + i + "@example.com"));
    }
    var singles = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var bulk = singles.submit(() -> scim.post("/Bulk", request(null, operations)));
      List<java.util.concurrent.Future<ScimResponse>> posts = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String userName = "single" + i + "@example.com";
        posts.add(singles.submit(() -> scim.post("/Users", minimalUser(userName))));
      }
      JsonNode answered = bulk.get().json().path("Operations");
      for (JsonNode operation : answered) {
        assertEquals("201", operation.path("status").asText(), operation.toString());
      }
      for (var post : posts) {
        assertEquals(201, post.get().status(), post.get().toString());
      }
    } finally {
      singles.shutdownNow();
    }
    assertEquals(520, scim.get("/Users?count=0").json().path("totalResults").asInt());
  }

  @Test
  void versionIsAPrecondition() {
    ScimSession scim = running.session();
    String id = scim.post("/Users", minimalUser("v@example.com")).json().path("id").asText();
    ObjectNode stale = patchOf("/Users/" + id, op("replace", "active", BooleanNode.FALSE));
    stale.put("version", "W/\"999\"");
    JsonNode operations = bulk(scim, null, stale).path("Operations");
    assertEquals("412", operations.get(0).path("status").asText(), operations.toString());
  }

  @Test
  void limitsAreAdvertisedAndEnforced() {
    JsonNode bulk = running.session().get("/ServiceProviderConfig").json().path("bulk");
    assertEquals(true, bulk.path("supported").asBoolean());
    assertEquals(1000, bulk.path("maxOperations").asInt());
    GatewayConfig small = TestGateway.config(data)
        .with("limits: {bulkMaxOperations: 2, bulkMaxPayloadBytes: 2048}");
    RunningGateway.with(small, scim -> {
      ObjectNode[] three = {post("1", "/Users", minimalUser("1@example.com")),
          post("2", "/Users", minimalUser("2@example.com")),
          post("3", "/Users", minimalUser("3@example.com"))};
      assertScimError(scim.post("/Bulk", request(null, three)), 413);
      ObjectNode big = minimalUser("big@example.com").put("nickName", "x".repeat(4096));
      assertScimError(scim.post("/Bulk", request(null, post("b", "/Users", big))), 413);
      assertEquals(0, scim.get("/Users").json().path("totalResults").asInt(-1));
    });
  }

  private static JsonNode bulk(ScimSession scim, Integer failOnErrors, ObjectNode... operations) {
    ScimResponse response = scim.post("/Bulk", request(failOnErrors, operations));
    assertEquals(200, response.status(), response.toString());
    return response.json();
  }

  private static ObjectNode request(Integer failOnErrors, ObjectNode... operations) {
    ObjectNode request = object();
    request.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:BulkRequest");
    if (failOnErrors != null) {
      request.put("failOnErrors", failOnErrors);
    }
    ArrayNode array = request.putArray("Operations");
    for (ObjectNode operation : operations) {
      array.add(operation);
    }
    return request;
  }

  private static ObjectNode post(String bulkId, String path, ObjectNode data) {
    ObjectNode operation = object().put("method", "POST").put("path", path).put("bulkId", bulkId);
    operation.set("data", data);
    return operation;
  }

  private static ObjectNode patchOf(String path, ObjectNode... operations) {
    ObjectNode operation = object().put("method", "PATCH").put("path", path);
    operation.set("data", patch(operations));
    return operation;
  }

  /** The path of a location under the base URI, e.g. {@code /Groups/{id}}. */
  private static String path(String location) {
    return location.substring(location.indexOf("/scim/v2") + "/scim/v2".length());
  }
}
