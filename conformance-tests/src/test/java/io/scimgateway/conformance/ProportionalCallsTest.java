package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import io.scimgateway.emulator.braincloud.BcEmulator;
import io.scimgateway.emulator.braincloud.BcSettings;
import io.scimgateway.emulator.spaceone.SpaceoneEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import io.scimgateway.emulator.zidentity.ZidEmulator;
import io.scimgateway.emulator.zidentity.ZidSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A request costs platform calls in proportion to what it asks for, on every remote backend: a page
 * of users, a userName lookup and a read of one user that return no attribute read with calls of its
 * own ({@code groups}, {@code entitlements}, {@code roles}) make no call per user. Asking for
 * {@code groups} still returns them, and a tag from a read that skipped them still lets a write through.
 */
@Tag("platform")
class ProportionalCallsTest {

  private static final int USERS = 51;

  /** An emulator's calls received so far: requests, or packets on brainCloud. */
  private record Platform(String name, ObjectNode section, IntSupplier calls) {
  }

  @Test
  void appwrite() throws Exception {
    try (AppwriteEmulator emulator = new AppwriteEmulator("calls", "calls-key").start()) {
      Path data = Files.createTempDirectory("appwrite-calls-");
      check(new Platform("appwrite", AppwritePlatform.section(emulator, data),
          () -> emulator.received().size()), data);
    }
  }

  @Test
  void zidentity() throws Exception {
    try (ZidEmulator emulator = new ZidEmulator(ZidSettings.of("calls", "calls-secret")).start()) {
      Path data = Files.createTempDirectory("zidentity-calls-");
      check(new Platform("zidentity", ZidentityPlatform.section(emulator, data),
          () -> emulator.received().size()), data);
    }
  }

  @Test
  void spaceone() throws Exception {
    try (SpaceoneEmulator emulator = new SpaceoneEmulator(SpaceoneSettings.of("domain-calls")).start()) {
      Path data = Files.createTempDirectory("spaceone-calls-");
      check(new Platform("spaceone", SpaceonePlatform.section(emulator, data),
          () -> emulator.received().size()), data);
    }
  }

  @Test
  void braincloud() throws Exception {
    try (BcEmulator emulator = new BcEmulator(BcSettings.of("10000", "calls", "calls-secret")).start()) {
      Path data = Files.createTempDirectory("braincloud-calls-");
      check(new Platform("braincloud", BraincloudPlatform.section(emulator, data), emulator::packets),
          data);
    }
  }

  private static void check(Platform platform, Path data) {
    RunningGateway.with(TestGateway.config(data, platform.section()), scim -> {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        ids.add(scim.post("/Users", minimalUser("calls" + i + "@example.com")).text("id"));
      }
      String groupId = scim.post("/Groups", group("Callers", ids.get(7))).text("id");

      ScimResponse page = counted(platform, "a page of 50 userNames", 2,
          () -> scim.get("/Users?count=50&attributes=userName"));
      assertEquals(50, resources(page).size(), page::toString);

      ScimResponse found = counted(platform, "a userName lookup returning userName and emails", 1,
          () -> scim.get("/Users?attributes=userName,emails&filter="
              + q("userName eq \"calls40@example.com\"")));
      assertEquals(ids.get(40), resources(found).get(0).path("id").asText(), found::toString);

      ScimResponse plain = counted(platform, "one user's userName", 1,
          () -> scim.get("/Users/" + ids.get(7) + "?attributes=userName"));
      // A tag from a read that skipped groups still lets a write through: groups are read-only.
      ScimResponse patched = scim.patch("/Users/" + ids.get(7),
          patch(op("replace", "displayName", TextNode.valueOf("Seven"))), "If-Match", plain.header("ETag").orElseThrow());
      assertEquals(200, patched.status(), patched::toString);
      JsonNode groups = scim.get("/Users/" + ids.get(7) + "?attributes=groups").json().path("groups");
      assertEquals(groupId, groups.path(0).path("value").asText(),
          platform.name() + ": groups asked for are returned: " + groups);
    });
  }

  private static ScimResponse counted(Platform platform, String what, int most,
      java.util.function.Supplier<ScimResponse> request) {
    int before = platform.calls().getAsInt();
    ScimResponse response = request.get();
    int calls = platform.calls().getAsInt() - before;
    assertEquals(200, response.status(), response::toString);
    assertTrue(calls <= most, platform.name() + ": " + what + " cost " + calls
        + " platform calls; at most " + most + " expected");
    return response;
  }
}
