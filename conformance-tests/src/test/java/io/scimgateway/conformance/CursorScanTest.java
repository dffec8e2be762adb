package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A cursor page whose filter the platform cannot evaluate whole reads the platform's users once: the
 * page and its {@code totalResults} come from the same scan, so it costs no more calls than an index
 * page of the same filter, which also reads every candidate once. On SpaceONE, which evaluates
 * {@code active} nowhere but in the gateway and has keyset cursors, with 1,000 users on it; the
 * totals stay exact on the next page and on the way back.
 */
@Tag("platform")
class CursorScanTest {

  private static final String QUERY = "/Users?attributes=userName&count=10&filter=" + q("active eq true");

  @Test
  void cursorPageWithResidualFilterScansOnce() throws Exception {
    try (SeededPlatform platform = SeededPlatform.start("spaceone", 1_000,
        Files.createTempDirectory("cursor-scan-"))) {
      ScimSession scim = platform.scim();
      scim.get(QUERY); // the session's first call is not the point
      int indexCalls = platform.callsOf(() -> assertEquals(1_000, scim.get(QUERY).json()
          .path("totalResults").asLong())).count();
      ScimResponse[] first = new ScimResponse[1];
      int cursorCalls = platform.callsOf(() -> first[0] = scim.get(QUERY + "&cursor=")).count();
      assertEquals(1_000, first[0].json().path("totalResults").asLong(), first[0]::toString);
      assertTrue(cursorCalls <= indexCalls, "a cursor page cost " + cursorCalls
          + " platform calls, an index page of the same filter " + indexCalls);

      ScimResponse second = scim.get(QUERY + "&cursor=" + encode(first[0].json().path("nextCursor").asText()));
      assertEquals(1_000, second.json().path("totalResults").asLong(), second::toString);
      ScimResponse back = scim.get(QUERY + "&cursor="
          + encode(second.json().path("previousCursor").asText()));
      assertEquals(1_000, back.json().path("totalResults").asLong(), back::toString);
      assertEquals(ids(first[0]), ids(back), "the page before the second is the first");
      ScimResponse third = scim.get(QUERY + "&cursor=" + encode(second.json().path("nextCursor").asText()));
      assertEquals(1_000, third.json().path("totalResults").asLong(), third::toString);
    }
  }

  private static String encode(String cursor) {
    return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }
}
