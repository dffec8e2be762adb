package io.scimgateway.conformance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates requests a SCIM service provider must refuse, from a seeded {@link Random}: JSON bodies
 * with bytes changed, attributes of the wrong type, PATCH operations with junk paths and values,
 * filters and paging parameters assembled from filter tokens, junk headers, paths and bulk bodies.
 * Some come out valid by chance; the caller tells them by their answer.
 */
final class BadRequests {

  /** One request to send. */
  record Request(String method, String path, String body, String contentType, String... headers) {

    ScimResponse send(ScimClient client) {
      return client.send(method, path, body, contentType, headers);
    }

    boolean writes() {
      return !method.equals("GET") && !path.endsWith(".search");
    }

    @Override
    public String toString() {
      return method + " " + path + (body == null ? "" : " " + abbreviated(body));
    }

    private static String abbreviated(String text) {
      return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
  }

  private static final String JSON = ScimClient.SCIM_JSON;
  private static final String[] FILTER_TOKENS = {"userName", "eq", "ne", "co", "sw", "gt", "le", "pr",
      "\"x\"", "\"\"", "and", "or", "not", "(", ")", "[", "]", "emails", "emails.value", "type",
      "true", "null", "1e999", "-0", "meta.created", "\"2020-13-45T99:00:00Z\"", "members",
      "urn:ietf:params:scim:schemas:core:2.0:User:", ".", " ", "\\\"", "groups.value", "ü", "'",
      "name.familyName", "externalId", "displayName", "urn:x:y:z:2.0:User:id", "id"};
  private static final String[] PATH_TOKENS = {"emails", "[", "]", "type eq \"work\"", ".value",
      "urn:ietf:params:scim:schemas:core:2.0:User:", "members", "name.givenName", "\"", " or ", "(",
      ")", "not", " pr", "userName", "..", "$", "\\", "0", "value eq \"", "groups", "id", "meta",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", ":", " "};
  private static final String[] OPS = {"add", "remove", "replace", "Replace", "move", "", "5", "ADD"};
  private static final String[] VALUES = {"null", "true", "0", "-1", "1.5e308", "\"\"", "\"x\"", "[]",
      "{}", "[null]", "[{}]", "[{\"value\": null}]", "{\"value\": 5}", "[[[[[]]]]]",
      "{\"userName\": 7}", "\"\\u0000\"", "{\"emails\": \"x\"}", "[{\"value\": \"nope\"}]",
      "{\"members\": [{\"value\": \"no-such-id\"}]}", "\"" + "x".repeat(70_000) + "\""};
  private static final String[] PARAMETERS = {"startIndex", "count", "sortBy", "sortOrder", "cursor",
      "attributes", "excludedAttributes", "filter"};
  private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "", "*/*",
      "application/scim+json; charset=ISO-8859-1", "multipart/form-data", "application/json-patch+json"};

  private final Random random;
  private final List<String> users;
  private final String group;

  BadRequests(Random random, List<String> users, String group) {
    this.random = random;
    this.users = users;
    this.group = group;
  }

  Request next() {
    return switch (random.nextInt(8)) {
      case 0 -> new Request(pick("POST", "PUT"), target(), mutated(validUser()), JSON);
      case 1 -> new Request(pick("POST", "PUT"), target(), wrongType(), JSON);
      case 2 -> new Request("PATCH", existing(), patch(), JSON);
      case 3 -> new Request("GET", pick("/Users", "/Groups") + "?" + parameters(), null, JSON);
      case 4 -> new Request("POST", pick("/Users/.search", "/.search", "/Groups/.search"), search(),
          JSON);
      case 5 -> new Request(pick("PUT", "PATCH", "DELETE"), existing(),
          random.nextBoolean() ? validUser() : null, JSON, "If-Match", pick("W/\"999\"", "\"1\"",
              "W/\"", "junk", "W/\"1\", W/\"2\""));
      case 6 -> new Request(pick("GET", "POST", "PUT", "PATCH", "DELETE"), junkPath(),
          random.nextBoolean() ? mutated(validUser()) : null,
          random.nextBoolean() ? JSON : pick(CONTENT_TYPES));
      default -> new Request("POST", "/Bulk", bulk(), JSON);
    };
  }

  private String validUser() {
    return "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"made"
        + random.nextInt(1_000_000) + "@example.com\", \"name\": {\"givenName\": \"A\"},"
        + " \"emails\": [{\"value\": \"a@example.com\", \"type\": \"work\", \"primary\": true}],"
        + " \"active\": true, \"unknownAttribute\": 1}";
  }

  private String target() {
    return random.nextBoolean() ? "/Users" : "/Users/" + pick(users.toArray(String[]::new));
  }

  private String existing() {
    return random.nextInt(4) == 0 ? "/Groups/" + group : "/Users/" + pick(users.toArray(String[]::new));
  }

  /** The text with one to three characters deleted, inserted or cut off. */
  private String mutated(String text) {
    StringBuilder changed = new StringBuilder(text);
    for (int n = 1 + random.nextInt(3); n > 0 && changed.length() > 0; n--) {
      int at = random.nextInt(changed.length());
      switch (random.nextInt(4)) {
        case 0 -> changed.deleteCharAt(at);
        case 1 -> changed.insert(at, pick("{", "}", "[", "]", "\"", ":", ",", "\\", "\u0000", "é",
            "9", "null", "\ud800"));
        case 2 -> changed.setLength(at);
        default -> changed.replace(at, Math.min(changed.length(), at + 5), pick(VALUES));
      }
    }
    return changed.toString();
  }

  /** A user with an attribute holding a value of the wrong type, and maybe an undefined one. */
  private String wrongType() {
    String attribute = pick("userName", "name", "emails", "active", "groups", "schemas", "meta",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "password", "id", "members");
    return "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"t"
        + random.nextInt(1000) + "@example.com\", \"" + attribute + "\": " + pick(VALUES)
        + (random.nextBoolean() ? ", \"noSuchAttribute\": " + pick(VALUES) : "") + "}";
  }

  private String patch() {
    StringBuilder operations = new StringBuilder();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      operations.append(operations.length() == 0 ? "" : ", ").append("{\"op\": \"").append(pick(OPS))
          .append("\", \"path\": ").append(quoted(junk(PATH_TOKENS, 1 + random.nextInt(5))))
          .append(random.nextBoolean() ? ", \"value\": " + pick(VALUES) : "").append("}");
    }
    String last = random.nextBoolean() ? ""
        : ", {\"op\": \"replace\", \"path\": \"emails[type eq \\\"work\\\"\", \"value\": 1}";
    return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": ["
        + operations + last + "]}";
  }

  private String parameters() {
    StringBuilder query = new StringBuilder();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      String value = random.nextBoolean() ? junk(FILTER_TOKENS, 1 + random.nextInt(8))
          : pick("-1", "0", "99999999999999999999", "abc", "", "descending ", "x.y.z", "%");
      query.append(query.length() == 0 ? "" : "&").append(pick(PARAMETERS)).append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private String search() {
    return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"], \"filter\": "
        + quoted(junk(FILTER_TOKENS, 1 + random.nextInt(8))) + ", \"startIndex\": " + pick(VALUES)
        + ", \"count\": " + pick("-5", "\"ten\"", "1e3", "null", "0") + "}";
  }

  private String junkPath() {
    String junk = URLEncoder.encode(junk(PATH_TOKENS, 1 + random.nextInt(4)), StandardCharsets.UTF_8);
    return pick("/Users/", "/Groups/", "/", "/Schemas/", "/ResourceTypes/", "/Bulk/", "/Nope/")
        + junk + pick("", "/x", "/.search", "%00", "/..%2f..%2f", "?filter=%22");
  }

  private String bulk() {
    String operation = "{\"method\": \"" + pick("POST", "PUT", "PATCH", "DELETE", "GET", "") + "\", "
        + "\"path\": " + quoted(pick("/Users/no-such-id", "Users", "/Nope", "", "/Users/bulkId:x",
            "/Groups/../Users")) + ", \"bulkId\": " + pick(VALUES) + ", \"data\": " + pick(VALUES)
        + "}";
    return mutatedMaybe("{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"], "
        + "\"failOnErrors\": " + pick("1", "-1", "\"x\"", "null") + ", \"Operations\": [" + operation
        + ", " + operation + "]}");
  }

  private String mutatedMaybe(String text) {
    return random.nextBoolean() ? text : mutated(text);
  }

  private String junk(String[] tokens, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(pick(tokens)).append(random.nextInt(3) == 0 ? "" : " ");
    }
    return text.toString().strip();
  }

  private static String quoted(String text) {
    return ScimJson.literal(text);
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
