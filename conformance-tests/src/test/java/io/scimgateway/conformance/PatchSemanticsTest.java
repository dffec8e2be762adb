package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.parse;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 7644 section 3.5.2 on multi-valued attributes: merging, primary, and all-or-nothing. */
class PatchSemanticsTest {

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  @Test
  void addMergesWithoutDuplicates() {
    String id = userWithWorkEmail();
    JsonNode emails = running.session().patch("/Users/" + id, patch(op("add", "emails",
        parse("[{\"value\": \"a@example.com\", \"type\": \"work\", \"primary\": true},"
            + " {\"value\": \"b@example.com\", \"type\": \"home\"}]")))).json().path("emails");
    assertEquals(2, emails.size(), emails.toString());
  }

  @Test
  void aNewPrimaryValueTakesPrimaryFromTheOld() {
    String id = userWithWorkEmail();
    JsonNode emails = running.session().patch("/Users/" + id, patch(op("add", "emails",
        parse("[{\"value\": \"b@example.com\", \"type\": \"home\", \"primary\": true}]"))))
        .json().path("emails");
    assertEquals(false, emails.get(0).path("primary").asBoolean(), emails.toString());
    assertEquals(true, emails.get(1).path("primary").asBoolean(), emails.toString());
  }

  @Test
  void twoPrimaryValuesInOneResourceAreRefused() {
    ObjectNode user = minimalUser("two@example.com");
    user.set("emails", parse("[{\"value\": \"a@example.com\", \"primary\": true},"
        + " {\"value\": \"b@example.com\", \"primary\": true}]"));
    assertScimError(running.session().post("/Users", user), 400, "invalidValue");
  }

  @Test
  void aFailingOperationLeavesEverythingAsItWas() {
    ScimSession scim = running.session();
    String id = userWithWorkEmail();
    JsonNode before = scim.get("/Users/" + id).json();
    assertScimError(scim.patch("/Users/" + id, patch(
        op("add", "emails", parse("[{\"value\": \"c@example.com\", \"type\": \"home\"}]")),
        op("replace", "userName", IntNode.valueOf(5)))), 400, "invalidSyntax", "invalidValue");
    assertEquals(before, scim.get("/Users/" + id).json());
  }

  @Test
  void memberChangesHonourIfMatchAndMoveTheVersion() {
    ScimSession scim = running.session();
    String member = scim.post("/Users", minimalUser("member@example.com")).json().path("id").asText();
    JsonNode group = scim.post("/Groups", ScimJson.group("Staff")).json();
    String id = group.path("id").asText();
    String version = group.path("meta").path("version").asText();
    ObjectNode add = patch(op("add", "members", ScimJson.memberValues(member)));
    assertEquals(412, scim.patch("/Groups/" + id, add, "If-Match", "W/\"999\"").status());
    ScimResponse added = scim.patch("/Groups/" + id, add, "If-Match", version);
    assertEquals(204, added.status(), added.toString());
    String etag = added.header("ETag").orElseThrow();
    assertNotEquals(version, etag);
    ScimResponse read = scim.get("/Groups/" + id);
    assertEquals(etag, read.header("ETag").orElseThrow(), "the answer's ETag is the group's");
    assertEquals(member, read.json().path("members").get(0).path("value").asText());
  }

  private String userWithWorkEmail() {
    ObjectNode user = minimalUser("merge@example.com");
    user.set("emails", parse("[{\"value\": \"a@example.com\", \"type\": \"work\", \"primary\": true}]"));
    return running.session().post("/Users", user).json().path("id").asText();
  }
}
