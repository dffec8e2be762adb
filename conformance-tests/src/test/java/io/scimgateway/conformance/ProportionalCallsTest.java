package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.conformance.CallTable.Row;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A request costs platform calls in proportion to what it asks for, not to the users on the platform,
 * on every remote backend with 1,000 users on it (put there directly, so the gateway holds no local
 * state for them): each {@link CallTable} row within its goal, except where the platform's API
 * offers no way to meet it ({@link #PLATFORM_FLOORS}, with the reason). A read that skipped
 * {@code groups} costs one call and still gives a tag that lets a write through.
 */
@Tag("platform")
class ProportionalCallsTest {

  static final int USERS = 1_000;

  static final List<String> PLATFORMS = SeededPlatform.NAMES;

  /**
   * Where a platform's documented API cannot meet a goal: the fewest calls it allows. brainCloud finds
   * a user it holds no local record of among contact emails (a page query), then exports it: two
   * packets, since the export needs the profile id the query answers.
   */
  static final Map<String, Map<Row, Integer>> PLATFORM_FLOORS = Map.of(
      "braincloud", Map.of(Row.LOOKUP, 2));

  @ParameterizedTest
  @FieldSource("PLATFORMS")
  void callsInProportion(String name) throws Exception {
    try (SeededPlatform platform = SeededPlatform.start(name, USERS,
        Files.createTempDirectory(name + "-calls-"))) {
      List<String> ids = new ArrayList<>();
      Map<Row, SeededPlatform.Calls> calls = CallTable.run(platform, ids);
      List<String> over = new ArrayList<>();
      calls.forEach((row, made) -> {
        int most = PLATFORM_FLOORS.getOrDefault(name, Map.of()).getOrDefault(row, CallTable.goal(row, name));
        if (made.count() > most) {
          over.add(name + ": " + row.request + " cost " + made.count() + " platform calls, at most "
              + most + " expected: " + made.made());
        }
      });
      assertTrue(over.isEmpty(), String.join("\n", over));

      // A tag from a read that skipped groups still lets a write through: groups are read-only.
      ScimSession scim = platform.scim();
      ScimResponse[] plain = new ScimResponse[1];
      SeededPlatform.Calls one = platform.callsOf(
          () -> plain[0] = scim.get("/Users/" + ids.get(0) + "?attributes=userName"));
      assertEquals(1, one.count(), name + ": one user's userName: " + one.made());
      ScimResponse patched = scim.patch("/Users/" + ids.get(0),
          patch(op("replace", "displayName", TextNode.valueOf("Seven"))), "If-Match",
          plain[0].header("ETag").orElseThrow());
      assertEquals(200, patched.status(), patched::toString);
    }
  }
}
