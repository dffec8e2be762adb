package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.memberValues;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PATCH requests Microsoft Entra ID sends that RFC 7644 reads differently, accepted by default
 * ({@code compatibility:}) and answered by the RFC when switched off.
 */
class EntraPatchTest {

  /** Every leniency toward identity providers off but bodies without schemas. */
  private static final String STRICT = "compatibility: {booleanStrings: false, valuePathComparisons: false, bareComplexValues: false, "
      + "valuePathUpserts: false, removeListedValues: false, emptyPatches: false, dottedValueKeys: false, "
      + "unknownSchemaUris: false}";

  @TempDir
  Path data;

  @Test
  void valuePathIntoAnEmptyCollectionCreatesTheElement() {
    run(null, scim -> {
      String id = createUser(scim, "ravi");
      var response = scim.patch("/Users/" + id, patch(op("Replace", "emails[type eq \"work\"].value",
          TextNode.valueOf("ravi@fabrikam.example"))));
      assertEquals(200, response.status(), response.toString());
      assertEquals("[{\"type\":\"work\",\"value\":\"ravi@fabrikam.example\"}]",
          response.json().path("emails").toString());
      // Once it exists, the same operation replaces the value instead of adding another email.
      var again = scim.patch("/Users/" + id, patch(op("Replace", "emails[type eq \"work\"].value",
          TextNode.valueOf("r.okonkwo@fabrikam.example"))));
      assertEquals(1, again.json().path("emails").size(), again.toString());
      assertEquals("r.okonkwo@fabrikam.example", again.json().path("emails").get(0).path("value").asText());
    });
  }

  @Test
  void booleanStringsAndBareManagerIdsAreCoerced() {
    run(null, scim -> {
      String manager = createUser(scim, "boss");
      String id = createUser(scim, "ravi");
      var response = scim.patch("/Users/" + id, patch(
          op("Replace", "active", TextNode.valueOf("False")),
          op("Add", ENTERPRISE + ":manager", TextNode.valueOf(manager))));
      assertEquals(200, response.status(), response.toString());
      assertEquals(false, response.json().path("active").asBoolean(true));
      assertEquals(manager, response.json().path(ENTERPRISE).path("manager").path("value").asText());
      JsonNode read = scim.get("/Users/" + id).json();
      assertEquals(false, read.path("active").booleanValue());
      assertEquals(true, read.path("active").isBoolean(), "stored as a JSON boolean");
    });
  }

  @Test
  void removeWithListedMembersRemovesOnlyThose() {
    run(null, scim -> {
      String a = createUser(scim, "a");
      String b = createUser(scim, "b");
      String c = createUser(scim, "c");
      String groupId = scim.post("/Groups", group("Field", a, b, c)).json().path("id").asText();
      var response = scim.patch("/Groups/" + groupId,
          patch(op("Remove", "members", memberValues(a, c))));
      assertEquals(204, response.status(), response.toString());
      assertEquals(List.of(b), memberIds(scim.get("/Groups/" + groupId).json()));
    });
  }

  @Test
  void emptyOperationsChangeNothing() {
    run(null, scim -> {
      String id = createUser(scim, "ravi");
      String version = scim.get("/Users/" + id).json().path("meta").path("version").asText();
      var response = scim.patch("/Users/" + id, patch());
      assertEquals(200, response.status(), response.toString());
      assertEquals(version, response.json().path("meta").path("version").asText());
    });
  }

  @Test
  void strictConfigurationAnswersAsTheRfcSays() {
    run(STRICT, scim -> {
      String id = createUser(scim, "ravi");
      assertScimError(scim.patch("/Users/" + id, patch(op("Replace", "emails[type eq \"work\"].value",
          TextNode.valueOf("r@fabrikam.example")))), 400, "noTarget");
      assertScimError(scim.patch("/Users/" + id, patch(op("Replace", "active",
          TextNode.valueOf("False")))), 400, "invalidValue", "invalidSyntax");
      assertScimError(scim.patch("/Users/" + id, patch()), 400, "invalidSyntax");
      String groupId = scim.post("/Groups", group("Field", id)).json().path("id").asText();
      // RFC 7644's remove carries no value: refused whole, nothing removed.
      assertScimError(scim.patch("/Groups/" + groupId,
          patch(op("Remove", "members", memberValues("someone-else")))), 400, "invalidSyntax");
      assertEquals(List.of(id), memberIds(scim.get("/Groups/" + groupId).json()));
    });
  }

  /** Runs {@code test} with the compatibility settings of a YAML fragment; null: the defaults. */
  private void run(String compatibility, java.util.function.Consumer<ScimSession> test) {
    GatewayConfig defaults = TestGateway.config(data);
    RunningGateway.with(compatibility == null ? defaults : defaults.with(compatibility), test);
  }

  private static String createUser(ScimSession scim, String name) {
    return scim.post("/Users", minimalUser(name + "@fabrikam.example")).json().path("id").asText();
  }

  private static List<String> memberIds(JsonNode group) {
    List<String> ids = new ArrayList<>();
    group.path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }
}
