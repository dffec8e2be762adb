package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertListResponse;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.literal;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gateway answers to requests it must refuse (RFC 7644 sections 3.1, 3.12 and 3.4.2.2): a
 * SCIM error with the right status and {@code scimType}, never a 500 and never a partial change.
 */
class BadInputTest {

  private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";

  @TempDir
  Path data;

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  private TestGateway gateway;
  private ScimSession scim;

  @BeforeEach
  void start() {
    gateway = running.gateway();
    scim = running.session();
  }

  private String createUser(String userName) {
    ScimResponse created = scim.post("/Users", user(userName));
    assertStatus(201, created);
    return created.text("id");
  }

  private void assertNoUsers() {
    assertListResponse(scim.get("/Users"), 0, 0, 1);
  }

  // ---------------------------------------------------------------- body syntax

  @Test
  void malformedJsonIs400InvalidSyntax() {
    ScimResponse refused = scim.post("/Users", "{\"schemas\": [\"" + ScimJson.USER + "\"], \"userName\": ");

    assertScimError(refused, 400, "invalidSyntax");
    assertNoUsers();
  }

  @Test
  void jsonArrayInsteadOfObjectIs400InvalidSyntax() {
    ScimResponse refused = scim.post("/Users", "[" + minimalUser("array@example.com") + "]");

    assertScimError(refused, 400, "invalidSyntax");
    assertNoUsers();
  }

  @Test
  void emptyBodyIs400InvalidSyntax() {
    ScimResponse refused = scim.post("/Users", "");

    assertScimError(refused, 400, "invalidSyntax");
  }

  @Test
  void malformedJsonInPatchIs400InvalidSyntax() {
    String id = createUser("patch.syntax@example.com");

    ScimResponse refused = scim.patch("/Users/" + id, "{\"schemas\": [\"" + ScimJson.PATCH_OP + "\"");

    assertScimError(refused, 400, "invalidSyntax");
  }

  // ---------------------------------------------------------------- media types

  @Test
  void textPlainContentTypeIs415() {
    ScimResponse refused = scim.send("POST", "/Users", minimalUser("plain@example.com"), "text/plain");

    assertScimError(refused, 415);
    assertNoUsers();
  }

  @Test
  void acceptTextHtmlIs406() {
    ScimResponse refused = scim.get("/Users", "Accept", "text/html");

    assertScimError(refused, 406);
  }

  @Test
  void applicationJsonContentTypeIsAccepted() {
    ScimResponse created = scim.send("POST", "/Users", minimalUser("json@example.com"), "application/json");

    assertStatus(201, created);
    assertEquals("json@example.com", created.text("userName"));
    ScimResponse patched = scim.send("PATCH", "/Users/" + created.text("id"),
        patch(op("replace", "nickName", ScimJson.parse("\"J\""))), "application/json");
    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertEquals("J", scim.get("/Users/" + created.text("id")).text("nickName"));
  }

  @Test
  void scimJsonWithCharsetIsAcceptedAndNonAsciiRoundTrips() {
    ObjectNode body = minimalUser("zoe@example.com").put("displayName", "Zoë Ångström-Łukasiewicz");

    ScimResponse created = scim.send("POST", "/Users", body, "application/scim+json; charset=utf-8");

    assertStatus(201, created);
    assertEquals("Zoë Ångström-Łukasiewicz", created.text("displayName"));
    assertEquals("Zoë Ångström-Łukasiewicz", scim.get("/Users/" + created.text("id")).text("displayName"));
  }

  // ---------------------------------------------------------------- paths and methods

  @Test
  void unknownEndpointIs404ScimError() {
    assertScimError(scim.get("/Foo"), 404);
    assertScimError(scim.post("/Foo", minimalUser("foo@example.com")), 404);
  }

  @Test
  void pathOutsideTheBasePathIs404ScimError() {
    URI base = scim.base();
    String other = base.getScheme() + "://" + base.getAuthority() + "/other";

    assertScimError(scim.get(other), 404);
    assertScimError(scim.get(base.getScheme() + "://" + base.getAuthority() + "/scim/v3/Users"), 404);
  }

  @Test
  void putOnTheCollectionIs405ScimError() {
    ScimResponse refused = scim.put("/Users", minimalUser("collection@example.com"));

    assertScimError(refused, 405);
    assertTrue(refused.header("Allow").isPresent(), "405 names the allowed methods in Allow");
    assertNoUsers();
  }

  @Test
  void deleteAndPatchOnTheCollectionAre405ScimErrors() {
    createUser("survivor@example.com");

    assertScimError(scim.delete("/Users"), 405);
    assertScimError(scim.patch("/Users", patch(op("remove", "nickName", null))), 405);
    assertListResponse(scim.get("/Users"), 1, 1, 1);
  }

  // ---------------------------------------------------------------- required attributes

  @Test
  void schemasNamingAnotherResourceIs400() {
    // A body without schemas gets the endpoint's (compatibility.schemalessBodies; RfcStrictnessTest);
    // one that names only another resource type's schema is always refused.
    ObjectNode body = object().put("userName", "no.schemas@example.com");
    body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");

    ScimResponse refused = scim.post("/Users", body);

    // RFC 7644 names no scimType for this exactly; invalidSyntax ("did not conform to the request
    // schema") and invalidValue ("required value was missing") both fit.
    assertScimError(refused, 400, "invalidSyntax", "invalidValue");
    assertNoUsers();
  }

  @Test
  void missingUserNameIs400() {
    ObjectNode body = object();
    body.putArray("schemas").add(ScimJson.USER);
    body.put("displayName", "Nameless");

    ScimResponse refused = scim.post("/Users", body);

    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
    assertNoUsers();
  }

  @Test
  void missingUserNameInPutIs400AndChangesNothing() {
    String id = createUser("keeps.name@example.com");
    ObjectNode body = object();
    body.putArray("schemas").add(ScimJson.USER);
    body.put("displayName", "Nameless");

    ScimResponse refused = scim.put("/Users/" + id, body);

    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
    assertEquals("keeps.name@example.com", scim.get("/Users/" + id).text("userName"));
  }

  @Test
  void missingGroupDisplayNameIs400() {
    ObjectNode body = object();
    body.putArray("schemas").add(ScimJson.GROUP);

    ScimResponse refused = scim.post("/Groups", body);

    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
  }

  // ---------------------------------------------------------------- ids and uniqueness

  @Test
  void idInPostBodyIsIgnoredAndTheServerAssignsItsOwn() {
    ObjectNode body = minimalUser("chosen.id@example.com").put("id", "client-chosen-id");

    ScimResponse created = scim.post("/Users", body);

    assertStatus(201, created);
    assertNotEquals("client-chosen-id", created.text("id"));
    assertTrue(created.header("Location").orElse("").endsWith("/Users/" + created.text("id")));
    assertScimError(scim.get("/Users/client-chosen-id"), 404);
  }

  @Test
  void duplicateUserNameDifferingOnlyInCaseIs409Uniqueness() {
    createUser("Unique.Person@example.com");

    ScimResponse refused = scim.post("/Users", user("unique.person@EXAMPLE.com"));

    assertScimError(refused, 409, "uniqueness");
    assertListResponse(scim.get("/Users"), 1, 1, 1);
  }

  @Test
  void putChangingUserNameToAnotherUsersInOtherCaseIs409Uniqueness() {
    createUser("taken@example.com");
    String id = createUser("mover@example.com");

    ScimResponse refused = scim.put("/Users/" + id, user("TAKEN@example.com"));

    assertScimError(refused, 409, "uniqueness");
    assertEquals("mover@example.com", scim.get("/Users/" + id).text("userName"));
  }

  @Test
  void patchChangingUserNameToAnotherUsersIs409Uniqueness() {
    createUser("occupied@example.com");
    String id = createUser("patcher@example.com");

    ScimResponse refused = scim.patch("/Users/" + id,
        patch(op("replace", "userName", ScimJson.parse("\"Occupied@Example.com\""))));

    assertScimError(refused, 409, "uniqueness");
    assertEquals("patcher@example.com", scim.get("/Users/" + id).text("userName"));
  }

  @Test
  void unknownIdIs404ForGetPutPatchAndDelete() {
    String path = "/Users/" + NO_SUCH_ID;

    assertScimError(scim.get(path), 404);
    assertScimError(scim.put(path, user("ghost@example.com")), 404);
    assertScimError(scim.patch(path, patch(op("replace", "nickName", ScimJson.parse("\"x\"")))), 404);
    assertScimError(scim.delete(path), 404);
    assertNoUsers();
  }

  @Test
  void groupIdUnderUsersIs404() {
    String groupId = scim.post("/Groups", group("Not a user")).text("id");

    assertScimError(scim.get("/Users/" + groupId), 404);
    assertScimError(scim.delete("/Users/" + groupId), 404);
    assertStatus(200, scim.get("/Groups/" + groupId));
  }

  // ---------------------------------------------------------------- attribute values

  @Test
  void booleanAttributeGivenAStringIs400() {
    ScimResponse refused = scim.post("/Users", minimalUser("bad.active@example.com").put("active", "yes"));

    // RFC 7644 section 3.12: invalidValue covers a value "not compatible with ... attribute type";
    // invalidSyntax ("did not conform to the request schema") is accepted too.
    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
    assertNoUsers();
  }

  @Test
  void multiValuedAttributeGivenAStringIs400() {
    ScimResponse refused = scim.post("/Users", minimalUser("bad.emails@example.com").put("emails", "x"));

    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
    assertNoUsers();
  }

  @Test
  void complexAttributeGivenANumberIs400() {
    ScimResponse refused = scim.post("/Users", minimalUser("bad.name@example.com").put("name", 42));

    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
    assertNoUsers();
  }

  @Test
  void wrongTypeInPutIs400AndChangesNothing() {
    String id = createUser("put.types@example.com");
    ScimResponse before = scim.get("/Users/" + id);

    ScimResponse refused = scim.put("/Users/" + id, minimalUser("put.types@example.com").put("active", "yes"));

    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
    assertEquals(before.json(), scim.get("/Users/" + id).json());
  }

  @Test
  void wrongTypeInPatchIs400AndChangesNothing() {
    String id = createUser("patch.types@example.com");
    ScimResponse before = scim.get("/Users/" + id);

    ScimResponse refused = scim.patch("/Users/" + id,
        patch(op("replace", "active", ScimJson.parse("\"yes\""))));

    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
    assertEquals(before.json(), scim.get("/Users/" + id).json());
  }

  @Test
  void undefinedAttributeIs400() {
    ScimResponse refused = scim.post("/Users", minimalUser("undefined@example.com").put("shoeSize", 44));

    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
    assertNoUsers();
  }

  @Test
  void extensionAttributesWithoutTheExtensionInSchemasAre400() {
    ObjectNode body = minimalUser("undeclared.extension@example.com");
    body.putObject(ScimJson.ENTERPRISE).put("employeeNumber", "1");

    ScimResponse refused = scim.post("/Users", body);

    // RFC 7643 section 3: "schemas" lists the extensions the resource carries.
    assertScimError(refused, 400, "invalidValue", "invalidSyntax");
  }

  // ---------------------------------------------------------------- PATCH structure

  @Test
  void patchRemoveWithoutPathIs400NoTarget() {
    String id = createUser("no.target@example.com");

    ScimResponse refused = scim.patch("/Users/" + id, patch(op("remove", null, null)));

    // RFC 7644 section 3.5.2.2: "If "path" is unspecified, the operation fails with HTTP status code
    // 400 and a "scimType" error code of "noTarget"."
    assertScimError(refused, 400, "noTarget");
  }

  @Test
  void patchWithMalformedPathIs400InvalidPath() {
    String id = createUser("bad.path@example.com");

    ScimResponse refused = scim.patch("/Users/" + id, patch(op("remove", "emails[type eq ", null)));

    assertScimError(refused, 400, "invalidPath");
  }

  @Test
  void patchWithUnknownOperationIs400() {
    String id = createUser("bad.op@example.com");

    ScimResponse refused = scim.patch("/Users/" + id,
        patch(op("frobnicate", "nickName", ScimJson.parse("\"x\""))));

    assertScimError(refused, 400, "invalidSyntax", "invalidValue");
  }

  // ---------------------------------------------------------------- filters

  @Test
  void unparseableFilterIs400InvalidFilter() {
    for (String bad : List.of("userName eq", "userName zz \"x\"", "(userName eq \"x\"",
        "userName eq \"unterminated", "and userName eq \"x\"")) {
      assertScimError(scim.get("/Users" + filter(bad)), 400, "invalidFilter");
    }
  }

  @Test
  void filterOnUnknownAttributeIs400InvalidFilter() {
    createUser("known@example.com");

    assertScimError(scim.get("/Users" + filter("shoeSize eq \"44\"")), 400, "invalidFilter");
    assertScimError(scim.get("/Users" + filter("name.nickname eq \"x\"")), 400, "invalidFilter");
  }

  @Test
  void sqlShapedFilterValuesMatchLiterallyNeverEverything() {
    String percent = createUser("percent%sign@example.com");
    String underscore = createUser("under_score@example.com");
    String backslash = createUser("back\\slash@example.com");
    String quote = createUser("quote\"mark@example.com");
    String apostrophe = createUser("o'brien@example.com");
    createUser("plain@example.com");
    createUser("ordinary@example.com");

    // Equality with injection attempts: nothing has these names.
    for (String value : List.of("x\" or 1=1 --", "x' or '1'='1", "' OR 1=1 --", "%", "_", "\\", "*")) {
      assertListResponse(scim.get("/Users" + filter("userName eq " + literal(value))), 0, 0, 1);
      assertListResponse(scim.get("/Users" + filter("displayName eq " + literal(value))), 0, 0, 1);
      assertListResponse(scim.get("/Users" + filter("externalId eq " + literal(value))), 0, 0, 1);
    }
    // Substring operators take wildcard and escape characters literally.
    assertOnly("userName co " + literal("%"), percent);
    assertOnly("userName co " + literal("_"), underscore);
    assertOnly("userName co " + literal("\\"), backslash);
    assertOnly("userName co " + literal("\""), quote);
    assertOnly("userName co " + literal("'"), apostrophe);
    assertListResponse(scim.get("/Users" + filter("userName sw " + literal("%"))), 0, 0, 1);
    assertListResponse(scim.get("/Users" + filter("userName sw " + literal("_"))), 0, 0, 1);
    assertListResponse(scim.get("/Users" + filter("userName ew " + literal("%"))), 0, 0, 1);
    // And exact values with those characters find exactly their user.
    assertOnly("userName eq " + literal("back\\slash@example.com"), backslash);
    assertOnly("userName eq " + literal("quote\"mark@example.com"), quote);
    assertOnly("userName eq " + literal("O'Brien@example.com"), apostrophe);
    // Attributes the gateway evaluates itself, not the store.
    assertListResponse(scim.get("/Users" + filter("nickName eq " + literal("x' or '1'='1"))), 0, 0, 1);
    assertListResponse(scim.get("/Users" + filter("title co " + literal("%"))), 0, 0, 1);
  }

  private void assertOnly(String expression, String id) {
    ScimResponse found = scim.get("/Users" + filter(expression));
    assertListResponse(found, 1, 1, 1);
    assertEquals(List.of(id), ids(found), expression);
  }

  // ---------------------------------------------------------------- payload size

  private TestGateway limitedGateway() {
    GatewayConfig limited = TestGateway.config(data.resolve("limited"))
        .with("limits: {maxPayloadBytes: 2048}");
    return TestGateway.start(limited, TestGateway.TOKEN);
  }

  private static ObjectNode userOfSize(String userName, int approximateBytes) {
    ObjectNode body = minimalUser(userName);
    body.put("nickName", "n".repeat(Math.max(0, approximateBytes - body.toString().length() - 15)));
    return body;
  }

  @Test
  void bodyLargerThanTheLimitWithContentLengthIs413() {
    try (TestGateway small = limitedGateway()) {
      ScimSession limited = ScimSession.of(small);
      try {
        ScimResponse refused = limited.post("/Users", userOfSize("too.big@example.com", 4096));

        assertScimError(refused, 413);
        assertListResponse(limited.get("/Users"), 0, 0, 1);
        assertStatus(201, limited.post("/Users", userOfSize("fits@example.com", 1024)));
      } finally {
        limited.assertNoServerErrors();
      }
    }
  }

  @Test
  void bodyLargerThanTheLimitSentChunkedIs413() {
    try (TestGateway small = limitedGateway()) {
      ScimSession limited = ScimSession.of(small);
      try {
        byte[] big = userOfSize("too.big.chunked@example.com", 4096).toString()
            .getBytes(StandardCharsets.UTF_8);
        ScimResponse refused = limited.sendChunked("POST", "/Users", big, ScimClient.SCIM_JSON);

        assertScimError(refused, 413);
        assertListResponse(limited.get("/Users"), 0, 0, 1);

        byte[] fits = userOfSize("fits.chunked@example.com", 1024).toString()
            .getBytes(StandardCharsets.UTF_8);
        assertStatus(201, limited.sendChunked("POST", "/Users", fits, ScimClient.SCIM_JSON));
      } finally {
        limited.assertNoServerErrors();
      }
    }
  }

  @Test
  void bodyLargerThanTheLimitInPatchIs413AndChangesNothing() {
    try (TestGateway small = limitedGateway()) {
      ScimSession limited = ScimSession.of(small);
      try {
        ScimResponse created = limited.post("/Users", minimalUser("patched.big@example.com"));
        assertStatus(201, created);
        String id = created.text("id");

        ScimResponse refused = limited.patch("/Users/" + id,
            patch(op("replace", "nickName", ScimJson.parse(literal("n".repeat(4096))))));

        assertScimError(refused, 413);
        assertFalse(limited.get("/Users/" + id).json().has("nickName"));
      } finally {
        limited.assertNoServerErrors();
      }
    }
  }
}
