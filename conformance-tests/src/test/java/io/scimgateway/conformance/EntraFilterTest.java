package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lookups Microsoft Entra ID sends that RFC 7644 does not allow, accepted by default
 * ({@code compatibility:} in the configuration) and refused when switched off.
 */
class EntraFilterTest {

  /** As Entra encodes them: spaces as {@code +}, quotes as {@code %22}. */
  private static final String BY_WORK_EMAIL =
      "emails%5Btype+eq+%22work%22%5D.value+eq+%22ravi%40fabrikam.example%22";
  private static final String PRIMARY_AS_STRING = "emails%5Bprimary+eq+%22True%22%5D";
  private static final String ACTIVE_AS_STRING = "active+eq+%22False%22";

  @TempDir
  Path data;

  @Test
  void acceptedByDefault() {
    run(null, scim -> {
      String ravi = scim.post("/Users", user("ravi@fabrikam.example")).json().path("id").asText();
      var inactive = user("ines@fabrikam.example").put("active", false);
      String ines = scim.post("/Users", inactive).json().path("id").asText();

      assertEquals(List.of(ravi), ids(scim.get("/Users?filter=" + BY_WORK_EMAIL)));
      // Without sortBy the order is the backend's own (RFC 7644 section 3.4.2.3).
      assertEquals(Set.of(ravi, ines), Set.copyOf(ids(scim.get("/Users?filter=" + PRIMARY_AS_STRING))));
      assertEquals(List.of(ines), ids(scim.get("/Users?filter=" + ACTIVE_AS_STRING)));
    });
  }

  @Test
  void refusedWhenSwitchedOff() {
    run("compatibility: {booleanStrings: false, valuePathComparisons: false, bareComplexValues: false, "
        + "valuePathUpserts: false, removeListedValues: false, emptyPatches: false, dottedValueKeys: false, "
        + "unknownSchemaUris: false}", scim -> {
      assertScimError(scim.get("/Users?filter=" + BY_WORK_EMAIL), 400, "invalidFilter");
      assertScimError(scim.get("/Users?filter=" + PRIMARY_AS_STRING), 400, "invalidFilter");
      assertScimError(scim.get("/Users?filter=" + ACTIVE_AS_STRING), 400, "invalidFilter");
    });
  }

  /** Runs {@code test} with the compatibility settings of a YAML fragment; null: the defaults. */
  private void run(String compatibility, java.util.function.Consumer<ScimSession> test) {
    GatewayConfig defaults = TestGateway.config(data);
    RunningGateway.with(compatibility == null ? defaults : defaults.with(compatibility), test);
  }
}
