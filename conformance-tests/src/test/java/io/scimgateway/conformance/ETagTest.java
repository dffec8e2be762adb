package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Versioning with ETags (RFC 7644 section 3.14, RFC 7232): {@code If-None-Match} on reads,
 * {@code If-Match} on PUT, PATCH and DELETE.
 *
 * <p>Every test starts with one user whose first ETag is {@code stale} and whose current one, after a
 * change, is {@code current}.
 */
class ETagTest {

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  private ScimSession scim;

  private String id;
  private String stale;
  private String current;
  private JsonNode currentBody;

  @BeforeEach
  void start() {
    scim = running.session();
    ScimResponse created = scim.post("/Users", user("versioned@example.com"));
    assertStatus(201, created);
    id = created.text("id");
    stale = created.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + created));
    ScimResponse changed = scim.patch("/Users/" + id,
        patch(op("replace", "displayName", ScimJson.parse("\"Second Version\""))));
    assertTrue(changed.status() == 200 || changed.status() == 204, changed::toString);
    ScimResponse read = scim.get("/Users/" + id);
    assertStatus(200, read);
    current = read.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + read));
    currentBody = read.json();
    assertNotEquals(stale, current, "a change moves the ETag");
  }

  private ObjectNode replacement() {
    return user("versioned@example.com").put("displayName", "Replaced");
  }

  private ObjectNode titlePatch() {
    return patch(op("replace", "title", ScimJson.parse("\"Patched\"")));
  }

  /** The user is exactly as it was after setup: same body, same ETag. */
  private void assertUnchanged() {
    ScimResponse read = scim.get("/Users/" + id);
    assertStatus(200, read);
    assertEquals(current, read.header("ETag").orElse(null));
    assertEquals(currentBody, read.json());
  }

  @Test
  void etagIsAQuotedEntityTagEqualToMetaVersion() {
    assertTrue(current.matches("(W/)?\"[^\"]*\""), () -> "RFC 7232 entity-tag: " + current);
    assertEquals(current, currentBody.path("meta").path("version").asText());
  }

  // ---------------------------------------------------------------- If-None-Match

  @Test
  void getWithCurrentEtagInIfNoneMatchIs304WithoutBody() {
    ScimResponse notModified = scim.get("/Users/" + id, "If-None-Match", current);

    assertStatus(304, notModified);
    assertTrue(notModified.body() == null || notModified.body().isEmpty(), notModified::toString);
    // RFC 7232 section 4.1: a 304 carries the ETag a 200 would have carried.
    assertEquals(current, notModified.header("ETag").orElse(null));
  }

  @Test
  void getWithStaleEtagInIfNoneMatchIs200WithTheCurrentResource() {
    ScimResponse read = scim.get("/Users/" + id, "If-None-Match", stale);

    assertStatus(200, read);
    assertEquals(current, read.header("ETag").orElse(null));
    assertEquals(currentBody, read.json());
  }

  // ---------------------------------------------------------------- If-Match on PUT

  @Test
  void putWithStaleIfMatchIs412AndChangesNothing() {
    ScimResponse refused = scim.put("/Users/" + id, replacement(), "If-Match", stale);

    assertScimError(refused, 412);
    assertUnchanged();
  }

  @Test
  void putWithCurrentIfMatchSucceeds() {
    ScimResponse replaced = scim.put("/Users/" + id, replacement(), "If-Match", current);

    assertStatus(200, replaced);
    assertEquals("Replaced", replaced.text("displayName"));
    assertNotEquals(current, replaced.header("ETag").orElse(null));
  }

  @Test
  void putWithIfMatchStarSucceeds() {
    ScimResponse replaced = scim.put("/Users/" + id, replacement(), "If-Match", "*");

    assertStatus(200, replaced);
    assertEquals("Replaced", scim.get("/Users/" + id).text("displayName"));
  }

  // ---------------------------------------------------------------- If-Match on PATCH

  @Test
  void patchWithStaleIfMatchIs412AndChangesNothing() {
    ScimResponse refused = scim.patch("/Users/" + id, titlePatch(), "If-Match", stale);

    assertScimError(refused, 412);
    assertUnchanged();
  }

  @Test
  void patchWithCurrentIfMatchSucceeds() {
    ScimResponse patched = scim.patch("/Users/" + id, titlePatch(), "If-Match", current);

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    ScimResponse read = scim.get("/Users/" + id);
    assertEquals("Patched", read.text("title"));
    assertNotEquals(current, read.header("ETag").orElse(null));
  }

  @Test
  void patchWithIfMatchStarSucceeds() {
    ScimResponse patched = scim.patch("/Users/" + id, titlePatch(), "If-Match", "*");

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertEquals("Patched", scim.get("/Users/" + id).text("title"));
  }

  // ---------------------------------------------------------------- If-Match on DELETE

  @Test
  void deleteWithStaleIfMatchIs412AndDeletesNothing() {
    ScimResponse refused = scim.delete("/Users/" + id, "If-Match", stale);

    assertScimError(refused, 412);
    assertUnchanged();
  }

  @Test
  void deleteWithCurrentIfMatchSucceeds() {
    assertStatus(204, scim.delete("/Users/" + id, "If-Match", current));

    assertScimError(scim.get("/Users/" + id), 404);
  }

  @Test
  void deleteWithIfMatchStarSucceeds() {
    assertStatus(204, scim.delete("/Users/" + id, "If-Match", "*"));

    assertScimError(scim.get("/Users/" + id), 404);
  }

  @Test
  void ifMatchListingStaleAndCurrentTagSucceeds() {
    // RFC 7232 section 3.1: If-Match is a list; any current tag in it satisfies the condition.
    ScimResponse patched = scim.patch("/Users/" + id, titlePatch(), "If-Match", stale + ", " + current);

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
  }
}
