package io.scimgateway.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Group membership at scale: a group grown to 50,000 members by PATCH adds of 1,000, then the time of
 * one more PATCH adding 1,000 members (answered with and without the member list) and one removing 1,000.
 * Prints the figures; a benchmark, not a timed test. Size with {@code -Dbenchmark.groupMembers=50000}.
 */
@Tag("benchmark")
class MembershipBenchmark {

  private static final String TOKEN = "membership-benchmark-token-0123456789";
  private static final Pattern READY = Pattern.compile("Serving SCIM at (\\S+)");
  private static final Pattern LOCATION = Pattern.compile("\"location\":\"[^\"]*/Users/([^\"]+)\"");
  private static final int STEP = 1_000;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void addAThousandMembersToALargeGroup() throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    int members = Integer.getInteger("benchmark.groupMembers", 50_000);
    Path data = Files.createTempDirectory(settings.dataRoot().getParent(), "membership-");
    try (ServerProcess gateway = ServerProcess.start("gateway", settings.jvmOptions(),
        List.of("-jar", settings.gatewayJar().toString(), "--data", data.toString(), "--port", "0"),
        Map.of("SCIM_GATEWAY_TOKEN", TOKEN), READY)) {
      URI base = gateway.awaitReady(Duration.ofSeconds(60));
      List<String> users = createUsers(base, members + 2 * STEP);
      String group = id(send(base, "POST", "/Groups",
          "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"All\"}"));
      for (int first = 0; first < members; first += STEP) {
        send(base, "PATCH", "/Groups/" + group + "?excludedAttributes=members", add(users, first));
      }
      double quiet = timed(base, "/Groups/" + group + "?excludedAttributes=members", add(users, members));
      double full = timed(base, "/Groups/" + group, add(users, members + STEP));
      double removal = timed(base, "/Groups/" + group + "?excludedAttributes=members",
          remove(users, members));
      System.out.printf("==== membership: group of %,d members; PATCH adding %,d more: %.0f ms "
          + "(answer without members), %.0f ms (answer with all %,d members); PATCH removing %,d: "
          + "%.0f ms; target: 1,000 added in under 1 s%n", members, STEP, quiet, full,
          members + 2 * STEP, STEP, removal);
    }
  }

  private double timed(URI base, String path, String body) throws Exception {
    long start = System.nanoTime();
    String answer = send(base, "PATCH", path, body);
    double millis = (System.nanoTime() - start) / 1e6;
    if (!answer.contains("\"id\"")) {
      throw new AssertionError("PATCH failed: " + answer.substring(0, Math.min(500, answer.length())));
    }
    return millis;
  }

  private List<String> createUsers(URI base, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int first = 0; first < count; first += STEP) {
      StringBuilder body = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
          + "BulkRequest\"],\"Operations\":[");
      for (int i = first; i < Math.min(count, first + STEP); i++) {
        body.append(i == first ? "" : ",").append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u")
            .append(i).append("\",\"data\":{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],")
            .append("\"userName\":\"member").append(i).append("@example.com\"}}");
      }
      Matcher matcher = LOCATION.matcher(send(base, "POST", "/Bulk", body.append("]}").toString()));
      while (matcher.find()) {
        ids.add(matcher.group(1));
      }
    }
    return ids;
  }

  private static String add(List<String> users, int first) {
    StringBuilder values = new StringBuilder();
    for (int i = first; i < first + STEP; i++) {
      values.append(i == first ? "" : ",").append("{\"value\":\"").append(users.get(i)).append("\"}");
    }
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
        + "[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values + "]}]}";
  }

  private static String remove(List<String> users, int first) {
    StringBuilder filter = new StringBuilder();
    for (int i = first; i < first + STEP; i++) {
      filter.append(i == first ? "" : " or ").append("value eq \\\"").append(users.get(i)).append("\\\"");
    }
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
        + "[{\"op\":\"remove\",\"path\":\"members[" + filter + "]\"}]}";
  }

  private static String id(String body) {
    Matcher matcher = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
    if (!matcher.find()) {
      throw new AssertionError("No id in " + body);
    }
    return matcher.group(1);
  }

  private String send(URI base, String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/scim+json")
        .timeout(Duration.ofSeconds(120))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
