package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.array;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import io.scimgateway.emulator.zidentity.ZidEmulator;
import io.scimgateway.emulator.zidentity.ZidSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The platform calls a SCIM request costs on each remote backend, with {@code benchmark.platformUsers}
 * (default 1,000) users on the platform: an IdP's userName lookup, a page of 100 users with and
 * without {@code attributes}, one user with its groups, and a PATCH adding 100 members to a group.
 * Prints a table; a benchmark, not a test of the build ({@code -Pbenchmark}).
 */
@Tag("benchmark")
class PlatformCallsBenchmark {

  @Test
  void callsPerRequest() throws Exception {
    int users = Integer.getInteger("benchmark.platformUsers", 1_000);
    List<String> rows = new ArrayList<>();
    try (AppwriteEmulator appwrite = new AppwriteEmulator("calls", "calls-key").start()) {
      Path data = Files.createTempDirectory("appwrite-calls-");
      rows.addAll(measure("appwrite", AppwritePlatform.section(appwrite, data), data,
          appwrite::received, users));
    }
    try (ZidEmulator zidentity = new ZidEmulator(ZidSettings.of("calls", "calls-secret")).start()) {
      Path data = Files.createTempDirectory("zidentity-calls-");
      rows.addAll(measure("zidentity", ZidentityPlatform.section(zidentity, data), data,
          zidentity::received, users));
    }
    System.out.println("platform calls per SCIM request, " + users + " users on the platform:");
    rows.forEach(System.out::println);
  }

  private static List<String> measure(String platform, ObjectNode section, Path data,
      Supplier<List<String>> received, int users) {
    try (TestGateway gateway = TestGateway.start(TestGateway.config(data, section),
        TestGateway.TOKEN)) {
      ScimSession scim = ScimSession.of(gateway);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        ids.add(scim.post("/Users", minimalUser("user" + i + "@example.com")).text("id"));
      }
      String groupId = scim.post("/Groups", group("Readers", ids.get(0))).text("id");
      List<String> rows = new ArrayList<>();
      rows.add(row(platform, "GET /Users?filter=userName eq \"user500@example.com\"", received,
          () -> scim.get("/Users?filter=" + q("userName eq \"user500@example.com\""))));
      rows.add(row(platform, "GET /Users?count=100", received, () -> scim.get("/Users?count=100")));
      rows.add(row(platform, "GET /Users?count=100&attributes=userName", received,
          () -> scim.get("/Users?count=100&attributes=userName")));
      rows.add(row(platform, "GET /Users/{id} with groups", received,
          () -> scim.get("/Users/" + ids.get(0))));
      ArrayNode members = array();
      ids.subList(1, 101).forEach(id -> members.add(object().put("value", id)));
      rows.add(row(platform, "PATCH /Groups/{id} adding 100 members", received,
          () -> scim.patch("/Groups/" + groupId, patch(op("add", "members", members)))));
      return rows;
    }
  }

  private static String row(String platform, String request, Supplier<List<String>> received,
      Runnable call) {
    int before = received.get().size();
    call.run();
    return String.format("%-10s %-55s %5d", platform, request, received.get().size() - before);
  }
}
