package io.scimgateway.conformance;

import static io.scimgateway.conformance.PasswordExtensionTest.PASSWORD;
import static io.scimgateway.conformance.PasswordExtensionTest.reset;
import static io.scimgateway.conformance.PasswordExtensionTest.withPassword;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.zidentity.ZidEntitlements;
import io.scimgateway.emulator.zidentity.ZidPasswordAction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZIdentity's password actions and entitlements through the gateway: {@code :updatepassword} for SCIM
 * passwords (with "change at next sign-in" from the password extension), {@code :resetpassword} and
 * {@code :setskipmfa} each called once, even when the platform limits the rate; service and admin
 * entitlements read as User entitlements and roles, in the catalogs, and read-only.
 */
@Tag("platform")
class ZidentityPasswordsAndEntitlementsTest {

  private static final String SERVICE_ID = "svc-zia";

  @TempDir
  Path data;

  @Test
  void aPasswordWithMustChangeIsOneUpdatePasswordCallEvenWhenRateLimited() throws Exception {
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      assertStatus(200, zid.scim.get("/Users"));
      ObjectNode withFlag = withPassword(minimalUser("pw@example.com").put("password", "Secret-123"),
          object().put("mustChangePassword", true));
      int before = zid.callsBefore("PUT /admin/api/v1/users/", () -> assertStatus(201,
          zid.scim.post("/Users", withPassword(minimalUser("first@example.com").put("password", "Secret-1"),
              object().put("mustChangePassword", true)))));
      zid.emulator.faults().delayNext(before, Duration.ZERO).rateLimitNext(1, 0);
      ScimResponse created = zid.scim.post("/Users", withFlag);
      assertStatus(201, created);
      List<ZidPasswordAction> actions = actionsOf(zid, created.text("id"));
      assertEquals(1, actions.size(), actions::toString);
      assertEquals(ZidPasswordAction.Kind.UPDATE_PASSWORD, actions.get(0).kind());
      assertEquals("Secret-123", actions.get(0).body().path("password").asText());
      assertTrue(actions.get(0).body().path("resetPwdOnLogin").asBoolean(), actions::toString);
      assertEquals(0, zid.emulator.faults().pending());
    }
  }

  @Test
  void mustChangeWithoutAPasswordIsRefusedBeforeAnythingIsWritten() throws Exception {
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      String id = ZidentityAdapterTest.create(zid, "nopw@example.com");
      ScimResponse refused = zid.scim.put("/Users/" + id,
          withPassword(minimalUser("nopw@example.com"), object().put("mustChangePassword", true)));
      assertScimError(refused, 400, "invalidValue");
      assertTrue(refused.text("detail").contains("send password"), refused::toString);
      assertEquals(List.of(), actionsOf(zid, id));
    }
  }

  @Test
  void resetAndSkipMfaAreEachOneCall() throws Exception {
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      String id = ZidentityAdapterTest.create(zid, "reset@example.com");
      Instant until = Instant.parse("2030-01-31T12:00:00Z");
      ObjectNode both = reset().put("skipMfaUntil", until.toString());
      assertStatus(200, zid.scim.put("/Users/" + id, withPassword(minimalUser("reset@example.com"), both)));
      List<ZidPasswordAction> actions = actionsOf(zid, id);
      assertEquals(List.of(ZidPasswordAction.Kind.SET_SKIP_MFA, ZidPasswordAction.Kind.RESET_PASSWORD),
          actions.stream().map(ZidPasswordAction::kind).toList());
      assertEquals(until.getEpochSecond(), actions.get(0).body().path("timestamp").asLong());
      JsonNode schema = zid.scim.get("/Schemas/" + PASSWORD).json();
      assertEquals(List.of("resetPassword", "mustChangePassword", "skipMfaUntil"),
          schema.path("attributes").findValuesAsText("name"));
    }
  }

  @Test
  void serviceAndAdminEntitlementsAreReadOnlyEntitlementsAndRoles() throws Exception {
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      String id = ZidentityAdapterTest.create(zid, "admin@example.com");
      ZidEntitlements.Service zia = new ZidEntitlements.Service(SERVICE_ID, "ZIA", "zscaler.net",
          "zscaler.net", "Example", "org1");
      zid.emulator.grantServiceEntitlement(id, zia);
      zid.emulator.grantAdminEntitlement(id, new ZidEntitlements.Admin(
          List.of(new ZidEntitlements.Named("role-1", "super_admin", "Super Admin")),
          new ZidEntitlements.Named("scope-1", "org", "Organization"), zia));

      JsonNode user = zid.scim.get("/Users/" + id + "?attributes=entitlements,roles").json();
      assertEquals(SERVICE_ID, user.path("entitlements").path(0).path("value").asText(), user::toString);
      assertEquals("ZIA", user.path("entitlements").path(0).path("display").asText());
      assertEquals("role-1", user.path("roles").path(0).path("value").asText(), user::toString);
      assertEquals("Super Admin", user.path("roles").path(0).path("display").asText());
      assertEquals("ZIA", user.path("roles").path(0).path("type").asText());

      assertEquals(List.of(SERVICE_ID), ids(zid.scim.get("/Entitlements")));
      assertEquals(List.of("role-1"), ids(zid.scim.get("/Roles")));
      ObjectNode changed = minimalUser("admin@example.com");
      changed.putArray("roles").addObject().put("value", "role-2");
      assertScimError(zid.scim.put("/Users/" + id, changed), 400, "mutability");
      JsonNode schema = zid.scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
      for (JsonNode attribute : schema.path("attributes")) {
        if (List.of("entitlements", "roles").contains(attribute.path("name").asText())) {
          assertEquals("readOnly", attribute.path("mutability").asText(), attribute::toString);
        }
      }
    }
  }

  private static List<ZidPasswordAction> actionsOf(ZidentityGateway zid, String userId) {
    return zid.emulator.passwordActions().stream().filter(action -> action.userId().equals(userId)).toList();
  }

  private static List<String> ids(ScimResponse catalog) {
    assertStatus(200, catalog);
    return resources(catalog).stream().map(value -> value.path("value").asText()).toList();
  }
}
