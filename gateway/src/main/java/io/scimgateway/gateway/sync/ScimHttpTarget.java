package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Any SCIM 2.0 service provider by URL and bearer token. {@code /ServiceProviderConfig} says whether it
 * takes {@code /Bulk} (and how many operations and bytes per request) and whether it pages with
 * cursors (RFC 9865); without bulk, each write is its own request.
 */
final class ScimHttpTarget implements SyncTarget {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCIM_JSON = "application/scim+json";
  private static final int PAGE_SIZE = 1000;
  /**
   * Groups are read one a page: a group's members are most of it, and a page of a few groups of a
   * hundred thousand members each is more than a small server (this gateway on its default heap)
   * can build into one answer.
   */
  private static final int GROUPS_PER_PAGE = 1;
  private static final long LARGE_BULK_BYTES = 4L << 20;
  private static final long MOST_BULK_BYTES = 2L << 20;

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();
  private int bulkOperations;
  private long bulkBytes;
  private boolean cursors;

  private ScimHttpTarget(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** Connects and reads what the server supports. */
  static ScimHttpTarget connect(URI url, String token, boolean useBulk)
      throws TargetUnavailableException {
    String text = url.toString();
    ScimHttpTarget target = new ScimHttpTarget(URI.create(text.endsWith("/")
        ? text.substring(0, text.length() - 1) : text), token);
    JsonNode config = target.get("/ServiceProviderConfig");
    JsonNode bulk = config.path("bulk");
    target.bulkOperations = useBulk && bulk.path("supported").asBoolean(false)
        ? Math.max(1, bulk.path("maxOperations").asInt(1)) : 1;
    target.bulkBytes = bulk.path("maxPayloadSize").asLong(Long.MAX_VALUE);
    target.cursors = config.path("pagination").path("cursor").asBoolean(false);
    return target;
  }

  @Override
  public String description() {
    return base + (bulkOperations > 1 ? " (/Bulk, " + bulkOperations + " operations a request)"
        : " (one request per write)");
  }

  @Override
  public Directory read(PlannedAttributes planned) throws TargetUnavailableException {
    List<Directory.User> users = new ArrayList<>();
    // Only what the plan reads, and of members only their ids: the pages are a third smaller, the
    // largest group's page nearly three quarters.
    String attributes = URLEncoder.encode(String.join(",", planned.attributeNames()),
        StandardCharsets.UTF_8);
    each("/Users", PAGE_SIZE, "attributes=" + attributes, user -> users.add(
        new Directory.User(user.path("id").asText(), planned.keep((ObjectNode) user))));
    List<Directory.Group> groups = new ArrayList<>();
    each("/Groups", GROUPS_PER_PAGE, "attributes=displayName,members.value",
        group -> groups.add(Directory.Group.of(group.path("id").asText(), group)));
    return new Directory(users, groups);
  }

  @Override
  public Directory readSome(PlannedAttributes planned, String keyAttribute, Collection<String> keys,
      Collection<String> groupNames) throws TargetUnavailableException {
    List<Directory.User> users = new ArrayList<>();
    String attributes = "&attributes=" + encoded(String.join(",", planned.attributeNamesWithGroups()));
    for (String filter : ValueFilters.anyOf(keyAttribute, keys)) {
      each("/Users", PAGE_SIZE, "filter=" + encoded(filter) + attributes, user -> users.add(
          new Directory.User(user.path("id").asText(), planned.keepWithGroups((ObjectNode) user))));
    }
    List<Directory.Group> groups = new ArrayList<>();
    for (String filter : ValueFilters.anyOf("displayName", groupNames)) {
      each("/Groups", PAGE_SIZE, "filter=" + encoded(filter) + "&attributes=displayName",
          group -> groups.add(Directory.Group.of(group.path("id").asText(), group)));
    }
    return new Directory(users, groups);
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /**
   * Hands over every resource of an endpoint that {@code query} (its filter and attributes) answers,
   * page by page, so that only one page is held whole.
   */
  private void each(String endpoint, int pageSize, String query, Consumer<JsonNode> each)
      throws TargetUnavailableException {
    String cursor = "";
    long startIndex = 1;
    while (true) {
      String paging = cursors ? "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
          : "startIndex=" + startIndex;
      JsonNode page = get(endpoint + "?count=" + pageSize + "&" + paging + "&" + query);
      JsonNode resources = page.path("Resources");
      resources.forEach(each);
      startIndex += resources.size();
      cursor = page.path("nextCursor").asText(null);
      boolean more = cursors ? cursor != null
          : resources.size() > 0 && startIndex <= page.path("totalResults").asLong(0);
      if (!more) {
        return;
      }
    }
  }

  @Override
  public int batchSize() {
    return bulkOperations;
  }

  /**
   * The server's /Bulk payload limit, but at most {@value #MOST_BULK_BYTES} bytes: a server holds a
   * whole bulk request, and what each operation reads, until it answers, and a small one (this
   * gateway on its default 160 MB heap) runs out of memory on a body of many megabytes of group
   * member PATCHes well before its advertised limit. A thousand creates take about half a
   * megabyte, so this costs them nothing.
   */
  @Override
  public long maxBatchBytes() {
    return Math.min(bulkBytes, MOST_BULK_BYTES);
  }

  /**
   * Through a /Bulk that takes some megabytes, {@link InProcessTarget#LARGE_MEMBER_WRITES} members
   * a PATCH (about 50 bytes each, half a megabyte); otherwise the default, which any server takes.
   */
  @Override
  public int membersPerWrite() {
    return bulkOperations > 1 && bulkBytes >= LARGE_BULK_BYTES ? InProcessTarget.LARGE_MEMBER_WRITES
        : SyncTarget.super.membersPerWrite();
  }

  @Override
  public List<WriteResult> write(List<TargetWrite> writes) throws TargetUnavailableException {
    if (bulkOperations > 1) {
      HttpResponse<String> answer = send("POST", "/Bulk", BulkAnswers.request(writes));
      if (answer.statusCode() >= 400) {
        throw unavailable("POST /Bulk", answer);
      }
      return BulkAnswers.results(writes, parse(answer));
    }
    List<WriteResult> results = new ArrayList<>(writes.size());
    for (TargetWrite write : writes) {
      HttpResponse<String> answer = send(write.method(), write.path(), write.data());
      if (answer.statusCode() == 401 || answer.statusCode() == 403) {
        throw unavailable(write.method() + " " + write.path(), answer);
      }
      JsonNode body = parse(answer);
      results.add(answer.statusCode() >= 400 ? WriteResult.failed(answer.statusCode(), body)
          : new WriteResult(answer.statusCode(), body.path("id").asText(null), null));
    }
    return results;
  }

  private JsonNode get(String path) throws TargetUnavailableException {
    HttpResponse<String> answer = send("GET", path, null);
    if (answer.statusCode() != 200) {
      throw unavailable("GET " + path, answer);
    }
    return parse(answer);
  }

  private HttpResponse<String> send(String method, String path, JsonNode body)
      throws TargetUnavailableException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token)
        .header("Accept", SCIM_JSON);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", SCIM_JSON)
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TargetUnavailableException(method + " " + base + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetUnavailableException("Interrupted", e);
    }
  }

  private static JsonNode parse(HttpResponse<String> answer) {
    try {
      String body = answer.body();
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("detail", "The answer is not JSON.");
    }
  }

  private TargetUnavailableException unavailable(String request, HttpResponse<String> answer) {
    String detail = parse(answer).path("detail").asText("");
    return new TargetUnavailableException(request + " at " + base + " answered "
        + answer.statusCode() + (detail.isEmpty() ? "" : ": " + detail)
        + (answer.statusCode() == 401 ? " (check the token in SCIM_SYNC_TOKEN)" : ""));
  }

  @Override
  public void close() {
    // HttpClient holds no resources that need closing on Java 17
  }
}
