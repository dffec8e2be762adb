package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertAbsent;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.parse;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where RFC 7643 and 7644 are strict, the gateway is too, on every backend: malformed PATCH paths and
 * messages, {@code null} as unassigned, URN-qualified core attributes, bodies without
 * {@code schemas}, empty and duplicate names, {@code /Me}, and 404 against 405.
 */
class RfcStrictnessTest {

  private static final String CORE = ScimJson.USER + ":";
  /** Every leniency toward identity providers off. */
  private static final String STRICT = "compatibility: {booleanStrings: false, valuePathComparisons: false, "
      + "bareComplexValues: false, valuePathUpserts: false, removeListedValues: false, emptyPatches: false, "
      + "dottedValueKeys: false, unknownSchemaUris: false, schemalessBodies: false}";

  @TempDir
  Path data;

  @Test
  void malformedPatchPathIs400InvalidPathAndChangesNothing() {
    run(null, scim -> {
      String id = createUser(scim, "bracket");
      JsonNode before = scim.get("/Users/" + id).json();
      assertScimError(scim.patch("/Users/" + id, patch(op("replace", "emails[type eq \"work\"",
          parse("[{\"value\": \"x@example.com\"}]")))), 400, "invalidPath");
      for (String noAttribute : new String[] {"", ScimJson.ENTERPRISE}) {
        assertScimError(scim.patch("/Users/" + id, patch(op("replace", noAttribute,
            parse("{\"employeeNumber\": \"7\"}")))), 400, "invalidPath");
      }
      assertEquals(before, scim.get("/Users/" + id).json());
    });
  }

  @Test
  void patchNamingAnotherMessageIs400InvalidSyntax() {
    run(null, scim -> {
      String id = createUser(scim, "schemas");
      ObjectNode body = patch(op("replace", "displayName", TextNode.valueOf("x")));
      body.putArray("schemas").add(ScimJson.USER);
      assertScimError(scim.patch("/Users/" + id, body), 400, "invalidSyntax");
      assertAbsent(scim.get("/Users/" + id).json(), "displayName");
    });
  }

  @Test
  void emptyOperationsAreAnsweredWithoutChangeByDefaultAndRefusedWhenStrict() {
    run(null, scim -> {
      String id = createUser(scim, "empty");
      assertStatus(200, scim.patch("/Users/" + id, patch()));
    });
    run(STRICT, scim -> {
      String id = createUser(scim, "empty");
      assertScimError(scim.patch("/Users/" + id, patch()), 400, "invalidSyntax");
    });
  }

  @Test
  void replaceThroughAValueFilterMatchingNothingIsNoTargetWhenStrict() {
    run(STRICT, scim -> {
      String id = createUser(scim, "target");
      JsonNode before = scim.get("/Users/" + id).json();
      assertScimError(scim.patch("/Users/" + id, patch(op("replace", "emails[type eq \"work\"].value",
          TextNode.valueOf("w@example.com")))), 400, "noTarget");
      assertEquals(before, scim.get("/Users/" + id).json());
    });
  }

  @Test
  void urnQualifiedCoreAttributesWorkAsPlainNames() {
    run(null, scim -> {
      String id = createUser(scim, "urn");
      JsonNode patched = scim.patch("/Users/" + id, patch(op("replace", CORE + "displayName",
          TextNode.valueOf("Urn Person")))).json();
      assertEquals("Urn Person", patched.path("displayName").asText(), patched.toString());
      assertAbsent(patched, ScimJson.USER);
      JsonNode found = scim.get("/Users" + filter(CORE + "displayName eq \"Urn Person\"")).json();
      assertEquals(1, found.path("totalResults").asInt(), found.toString());
      assertEquals(1, scim.get("/Users" + filter(CORE + "userName eq \"urn@example.com\""))
          .json().path("totalResults").asInt());
    });
  }

  @Test
  void nullIsUnassignedInPostPutAndPatch() {
    run(null, scim -> {
      ObjectNode user = minimalUser("nulls@example.com");
      user.set("phoneNumbers", NullNode.instance);
      user.set("entitlements", NullNode.instance);
      user.set("displayName", NullNode.instance);
      ScimResponse created = scim.post("/Users", user);
      assertStatus(201, created);
      assertAbsent(created.json(), "displayName");
      assertAbsent(created.json(), "phoneNumbers");
      String id = created.text("id");
      String path = "/Users/" + id;
      ObjectNode withPhone = minimalUser("nulls@example.com");
      withPhone.set("phoneNumbers", parse("[{\"value\": \"+1 555 0100\", \"type\": \"work\"}]"));
      assertStatus(200, scim.put(path, withPhone));
      user.set("displayName", TextNode.valueOf("Kept"));
      assertAbsent(scim.put(path, user).json(), "phoneNumbers");
      scim.put(path, withPhone);
      assertAbsent(scim.patch(path, patch(op("replace", null,
          parse("{\"phoneNumbers\": null}")))).json(), "phoneNumbers");
      scim.put(path, withPhone);
      JsonNode cleared = scim.patch(path, patch(op("replace", "phoneNumbers", NullNode.instance)))
          .json();
      assertAbsent(cleared, "phoneNumbers");
      ObjectNode emptyGroup = group("Nulls");
      emptyGroup.set("members", NullNode.instance);
      ScimResponse groupCreated = scim.post("/Groups", emptyGroup);
      assertStatus(201, groupCreated);
      assertAbsent(groupCreated.json(), "members");
    });
  }

  @Test
  void bodiesWithoutSchemasAreInferredByDefaultAndRefusedWhenStrict() {
    run(null, scim -> {
      ObjectNode user = minimalUser("bare@example.com");
      user.remove("schemas");
      ScimResponse created = scim.post("/Users", user);
      assertStatus(201, created);
      String path = "/Users/" + created.text("id");
      user.put("displayName", "Bare");
      assertStatus(200, scim.put(path, user));
      ObjectNode body = patch(op("replace", "displayName", TextNode.valueOf("Bare Two")));
      body.remove("schemas");
      assertEquals("Bare Two", scim.patch(path, body).json().path("displayName").asText());
    });
    run(STRICT, scim -> {
      String id = createUser(scim, "bare");
      ObjectNode user = minimalUser("bare2@example.com");
      user.remove("schemas");
      assertScimError(scim.post("/Users", user), 400, "invalidSyntax");
      assertScimError(scim.put("/Users/" + id, user), 400, "invalidSyntax");
      ObjectNode body = patch(op("replace", "displayName", TextNode.valueOf("x")));
      body.remove("schemas");
      assertScimError(scim.patch("/Users/" + id, body), 400, "invalidSyntax");
    });
  }

  @Test
  void emptyUserNameIs400InvalidValue() {
    run(null, scim -> {
      assertScimError(scim.post("/Users", minimalUser("")), 400, "invalidValue");
      String id = createUser(scim, "named");
      assertScimError(scim.patch("/Users/" + id, patch(op("replace", "userName",
          TextNode.valueOf("")))), 400, "invalidValue");
      assertEquals(1, scim.get("/Users").json().path("totalResults").asInt());
    });
  }

  @Test
  void groupDisplayNameIsUniqueWithoutRegardToCase() {
    run(null, scim -> {
      assertStatus(201, scim.post("/Groups", group("Engineering")));
      assertScimError(scim.post("/Groups", group("ENGINEERING")), 409, "uniqueness");
      String other = scim.post("/Groups", group("Sales")).text("id");
      assertScimError(scim.put("/Groups/" + other, group("engineering")), 409, "uniqueness");
      assertScimError(scim.patch("/Groups/" + other, patch(op("replace", "displayName",
          TextNode.valueOf("Engineering")))), 409, "uniqueness");
      assertEquals("SALES", scim.patch("/Groups/" + other + "?attributes=displayName",
          patch(op("replace", "displayName",
          TextNode.valueOf("SALES")))).json().path("displayName").asText(), "its own name in another case");
    });
  }

  @Test
  void userNameUniquenessAndLookupsIgnoreUnicodeNormalization() {
    run(null, scim -> {
      String composed = "jos\u00e9@example.com";
      String decomposed = "jose\u0301@example.com";
      ScimResponse created = scim.post("/Users", minimalUser(composed));
      assertStatus(201, created);
      assertScimError(scim.post("/Users", minimalUser(decomposed)), 409, "uniqueness");
      for (String spelling : new String[] {composed, decomposed}) {
        JsonNode found = scim.get("/Users" + filter("userName eq " + ScimJson.literal(spelling)))
            .json();
        assertEquals(1, found.path("totalResults").asInt(), spelling + ": " + found);
      }
    });
  }

  @Test
  void meIs501AndUnknownPathsAre404WhateverTheMethod() {
    run(null, scim -> {
      ScimClient unrecorded = new ScimClient(scim.base(), TestGateway.TOKEN); // 501 is the answer
      assertScimError(unrecorded.get("/Me"), 501);
      assertScimError(unrecorded.patch("/Me", patch()), 501);
      assertScimError(scim.delete("/Nothing"), 404);
      assertScimError(scim.put("/Nothing/x", minimalUser("x@example.com")), 404);
      assertScimError(scim.get("/Users/a/b"), 404);
      assertScimError(scim.put("/Users", minimalUser("x@example.com")), 405);
    });
  }

  @Test
  void errorDetailsShowNoParserInternals() {
    run(null, scim -> {
      String id = createUser(scim, "details");
      for (ScimResponse response : new ScimResponse[] {
          scim.send("POST", "/Users", "{\"userName\": ", ScimClient.SCIM_JSON),
          scim.send("POST", "/Users", "{\"userName\": \"a\"} trailing", ScimClient.SCIM_JSON),
          scim.send("PATCH", "/Users/" + id, "{\"Operations\": [{\"op\": 5}]}", ScimClient.SCIM_JSON),
          scim.post("/Users", parse("{\"schemas\": [\"" + ScimJson.USER + "\"], \"userName\": 7}")),
          scim.get("/Users" + filter("userName eq"))}) {
        String detail = response.json().path("detail").asText();
        assertEquals(400, response.status(), response.toString());
        for (String internal : new String[] {"Source:", "line -1", "byte offset", "\n", "Exception"}) {
          assertFalse(detail.contains(internal), detail);
        }
      }
    });
  }

  @Test
  void attributeLimitsAreConfigurableAndNamed() {
    GatewayConfig limited = TestGateway.config(data)
        .with("limits: {maxStringLength: 64, maxValues: 2, attributes: {displayName: {maxLength: 8}}}");
    RunningGateway.with(limited, scim -> {
      ObjectNode user = minimalUser("limits@example.com");
      user.put("displayName", "Nine char");
      ScimResponse tooLong = scim.post("/Users", user);
      assertScimError(tooLong, 400, "invalidValue");
      assertEquals(true, tooLong.json().path("detail").asText().contains("displayName"));
      user.put("displayName", "Eight ch");
      user.set("emails", parse("[{\"value\": \"a@example.com\"}, {\"value\": \"b@example.com\"},"
          + " {\"value\": \"c@example.com\"}]"));
      ScimResponse tooMany = scim.post("/Users", user);
      assertScimError(tooMany, 400, "invalidValue");
      assertEquals(true, tooMany.json().path("detail").asText().contains("emails"), tooMany.toString());
      assertEquals(0, scim.get("/Users").json().path("totalResults").asInt());
    });
  }

  /** Runs {@code test} with the compatibility settings of a YAML fragment; null: the defaults. */
  private void run(String compatibility, Consumer<ScimSession> test) {
    Path dir = data.resolve(compatibility == null ? "defaults" : "strict");
    GatewayConfig defaults = TestGateway.config(dir);
    RunningGateway.with(compatibility == null ? defaults : defaults.with(compatibility), test);
  }

  private static String createUser(ScimSession scim, String name) {
    ScimResponse created = scim.post("/Users", minimalUser(name + "@example.com"));
    assertStatus(201, created);
    return created.text("id");
  }
}
