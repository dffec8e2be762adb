package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's way through the gateway: create, read, look up, replace, patch, delete. */
class UserLifecycleTest {

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  private ScimSession scim;

  @BeforeEach
  void start() {
    scim = running.session();
  }

  @Test
  void createdUserReadsBackWithMetaAndLocation() {
    ScimResponse created = scim.post("/Users", user("maren.lindqvist@example.com"));
    assertEquals(201, created.status(), created::toString);
    String id = created.text("id");
    assertNotNull(id);
    String location = created.header("Location").orElseThrow();
    assertEquals(scim.base() + "/Users/" + id, location);
    assertEquals(location, created.json().path("meta").path("location").asText());
    assertEquals("User", created.json().path("meta").path("resourceType").asText());
    assertEquals(created.header("ETag").orElseThrow(), created.json().path("meta").path("version").asText());
    assertFalse(created.json().has("password"), "password is never returned");

    ScimResponse read = scim.get("/Users/" + id);
    assertEquals(200, read.status());
    assertEquals(created.json(), read.json());
  }

  @Test
  void lookupByUserNameIgnoresCase() {
    scim.post("/Users", user("tomas.ferreira@example.com"));
    ScimResponse found = scim.get("/Users?filter=userName%20eq%20%22TOMAS.Ferreira@example.com%22");
    assertEquals(200, found.status(), found::toString);
    assertEquals(1, found.json().path("totalResults").asInt());
    assertEquals("tomas.ferreira@example.com",
        found.json().path("Resources").path(0).path("userName").asText());
  }

  static ObjectNode user(String userName) {
    ObjectNode user = JsonNodeFactory.instance.objectNode();
    user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    user.put("userName", userName);
    user.put("password", "Correct-horse-battery-staple-1");
    user.putObject("name").put("givenName", "Test").put("familyName", "User");
    user.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
    user.put("active", true);
    return user;
  }
}
