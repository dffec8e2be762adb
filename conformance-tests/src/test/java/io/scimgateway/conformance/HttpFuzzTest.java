package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of generated bad requests against a running gateway ({@link BadRequests}): broken JSON,
 * wrong types, malformed PATCH paths and filters, junk parameters, headers and paths. None may be
 * answered with a 5xx, and none that is refused may change what is stored: the stored users and
 * groups are compared after every batch, and a request that was accepted moves the baseline. Bounded
 * by {@value #MAX_REQUESTS} requests and {@link #MAX_TIME}; the seed is fixed, so a failure repeats.
 */
class HttpFuzzTest {

  private static final int MAX_REQUESTS = 3_000;
  private static final Duration MAX_TIME = Duration.ofSeconds(90);
  private static final int BATCH = 50;

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  @Test
  void badRequestsGetNo5xxAndChangeNothing() {
    ScimSession scim = running.session();
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      users.add(scim.post("/Users", minimalUser("fuzz" + i + "@example.com")).text("id"));
    }
    String group = scim.post("/Groups", ScimJson.group("Fuzzed", users.get(0), users.get(1)))
        .text("id");
    BadRequests generator = new BadRequests(new Random(20261204L), users, group);
    ScimClient client = new ScimClient(scim.base(), TestGateway.TOKEN);
    JsonNode baseline = stored(scim);
    Instant deadline = Instant.now().plus(MAX_TIME);
    int sent = 0;
    int serverErrors = 0;
    int accepted = 0;
    int closed = 0;
    List<String> failures = new ArrayList<>();
    while (sent < MAX_REQUESTS && Instant.now().isBefore(deadline)) {
      for (int i = 0; i < BATCH; i++, sent++) {
        BadRequests.Request request = generator.next();
        ScimResponse response = send(request, client);
        if (response == null) {
          closed++; // refused by closing the connection before reading the body
        } else if (response.status() >= 500) {
          serverErrors++;
          failures.add(response.status() + " for " + request + ": " + response.body());
        } else if (response.status() < 300 && request.writes()) {
          accepted++;
          baseline = stored(scim); // a request the generator made valid by chance
        }
      }
      JsonNode now = stored(scim);
      assertEquals(baseline, now, "a refused request changed stored data (batch ending at " + sent + ")");
    }
    System.out.println("HTTP fuzz: " + sent + " generated requests, " + serverErrors + " answered 5xx, "
        + accepted + " writes accepted as valid, " + closed + " refused by closing the connection");
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    assertTrue(sent >= 1_000, "only " + sent + " requests in " + MAX_TIME);
  }

  /**
   * The answer, trying twice: a server that answers before reading a body closes the connection,
   * and a client may have sent the next request on it already. Null when both attempts lost it.
   */
  private static ScimResponse send(BadRequests.Request request, ScimClient client) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        return request.send(client);
      } catch (UncheckedIOException connectionClosed) {
        // once more, on a new connection
      }
    }
    return null;
  }

  private static JsonNode stored(ScimSession scim) {
    ScimClient reader = new ScimClient(scim.base(), TestGateway.TOKEN);
    return ScimJson.array().add(reader.get("/Users?count=1000").json().path("Resources"))
        .add(reader.get("/Groups?count=1000").json().path("Resources"));
  }
}
