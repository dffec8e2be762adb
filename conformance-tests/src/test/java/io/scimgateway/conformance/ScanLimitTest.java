package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgateway.gateway.config.GatewayConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter the store cannot evaluate (a user's computed {@code groups}) is evaluated by the gateway
 * over the store's candidates, up to {@code limits.scanLimit}; past it the answer is
 * {@code 400 tooMany}, never a silent scan of everything.
 */
class ScanLimitTest {

  @TempDir
  Path data;

  @Test
  void residualFilterWithinTheLimitIsAnswered() {
    withScanLimit(3, scim -> {
      List<String> users = createUsers(scim, 3);
      String groupId = scim.post("/Groups", group("Staff", users.get(0), users.get(2))).json()
          .path("id").asText();
      var response = scim.get("/Users?filter=" + encode("groups.value eq \"" + groupId + "\""));
      assertEquals(200, response.status(), response.toString());
      assertEquals(Set.of(users.get(0), users.get(2)), Set.copyOf(ids(response)));
    });
  }

  @Test
  void residualFilterPastTheLimitIs400TooMany() {
    withScanLimit(3, scim -> {
      List<String> users = createUsers(scim, 4);
      String groupId = scim.post("/Groups", group("Staff", users.get(0))).json().path("id").asText();
      String filter = "groups.value eq \"" + groupId + "\"";
      assertScimError(scim.get("/Users?filter=" + encode(filter)), 400, "tooMany");
      // Narrowed by a term the store evaluates, the same question is answered.
      var narrowed = scim.get("/Users?filter="
          + encode("userName eq \"user0@example.com\" and " + filter));
      assertEquals(List.of(users.get(0)), ids(narrowed), narrowed.toString());
    });
  }

  private void withScanLimit(int scanLimit, java.util.function.Consumer<ScimSession> test) {
    GatewayConfig limited = TestGateway.config(data).with("limits: {scanLimit: " + scanLimit + "}");
    RunningGateway.with(limited, test);
  }

  private static List<String> createUsers(ScimSession scim, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(scim.post("/Users", minimalUser("user" + i + "@example.com")).json().path("id").asText());
    }
    return ids;
  }

  private static String encode(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }
}
