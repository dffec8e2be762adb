package io.scimgateway.conformance.equivalence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random but reproducible SCIM users for equivalence tests. Values mix case, carry characters that mean
 * something to SQL ({@code % _ ' " \}), non-ASCII letters whose case folding is not ASCII-only, and
 * empty strings. No string value looks like an ISO-8601 date or time: the SDK compares two date-like
 * strings as dates, which would make string attributes behave like dateTime ones.
 */
final class GeneratedUsers {

  static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final String[] GIVEN = {"Zoë", "ÅSA", "Åsa", "anna", "Anna", "Émile", "Øystein",
      "Björn", "İlkay", "José", "Straße", "Mia", "MIA", "Noah", "O'Neil", "Li", "Ωmega", "ΟΔΟΣ"};
  private static final String[] FAMILY = {"Smith", "smith", "SMITH", "Müller", "Ångström", "Nguyễn",
      "de la Cruz", "O'Brien", "Dupont", "Kowalski", "Sørensen", "Garcia", "Straße", "Øre"};
  private static final String[] TRICKY = {"100%", "under_score", "back\\slash", "say \"hi\"",
      "it's", "x\" or 1=1 --", "%_%", "a%b", "c_d", "😀smile", "ａｂｃ", "tab\tchar", " padded "};
  private static final String[] TITLES = {"Engineer", "Sr. Engineer", "engineer", "VP, Sales",
      "Head of R&D", "Ingénieur", "100% Remote", "Dev_Ops", "Manager"};
  private static final String[] USER_TYPES = {"Employee", "employee", "Contractor", "Intern", "EMPLOYEE"};
  private static final String[] EMAIL_TYPES = {"work", "home", "other", "Work"};
  private static final String[] PHONE_TYPES = {"work", "mobile", "home"};
  private static final String[] DOMAINS = {"example.com", "Example.ORG", "exa_mple.net", "bücher.de"};
  private static final String[] LOCALITIES = {"Oslo", "Zürich", "São Paulo", "new york", "Malmö", "ÅRE"};
  private static final String[] COUNTRIES = {"US", "us", "DE", "SE", "NO", "Fr"};
  private static final String[] DEPARTMENTS = {"Sales", "sales", "R&D", "Research_Dev", "Legal %",
      "Straße Ops", "Ωps"};

  private final Random random;

  GeneratedUsers(Random random) {
    this.random = random;
  }

  /** {@code count} users; user {@code i} always has a distinct userName, also ignoring case. */
  List<ObjectNode> generate(int count) {
    List<ObjectNode> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ObjectNode user = user(i);
      requireNoDateLikeStrings(user);
      users.add(user);
    }
    return users;
  }

  /** A changed copy of {@code user}, for a replacement that moves its lastModified. */
  ObjectNode changed(ObjectNode user) {
    ObjectNode copy = user.deepCopy();
    copy.put("title", pick(TITLES) + " II");
    return copy;
  }

  private ObjectNode user(int index) {
    ObjectNode user = JSON.objectNode();
    ArrayNode schemas = user.putArray("schemas").add(CORE);
    String given = pick(GIVEN);
    String family = pick(FAMILY);
    user.put("userName", userName(given, family, index));
    optional(0.7, () -> user.put("externalId", chance(0.03) ? "" : externalId()));
    optional(0.75, () -> user.put("displayName",
        chance(0.03) ? "" : given + " " + (chance(0.15) ? pick(TRICKY) : family)));
    optional(0.4, () -> user.put("nickName", chance(0.05) ? "" : mixCase(given)));
    optional(0.5, () -> user.put("title", chance(0.2) ? pick(TRICKY) : pick(TITLES)));
    optional(0.6, () -> user.put("userType", pick(USER_TYPES)));
    optional(0.8, () -> user.put("active", random.nextBoolean()));
    optional(0.8, () -> user.set("name", name(given, family)));
    optional(0.85, () -> user.set("emails", emails(given, family)));
    optional(0.5, () -> user.set("phoneNumbers", phoneNumbers()));
    optional(0.4, () -> user.putArray("addresses").add(JSON.objectNode()
        .put("locality", pick(LOCALITIES)).put("country", pick(COUNTRIES))));
    if (chance(0.35)) {
      schemas.add(ENTERPRISE);
      user.set(ENTERPRISE, enterprise());
    }
    return user;
  }

  private String userName(String given, String family, int index) {
    String base = chance(0.2) ? pick(TRICKY) : given + "." + family;
    String name = mixCase(base) + (chance(0.5) ? "@" + pick(DOMAINS) : "") + "#" + index;
    return name.trim().isEmpty() ? "user#" + index : name;
  }

  private String externalId() {
    String id = Integer.toHexString(random.nextInt(64)) + "ab" + Integer.toHexString(random.nextInt(4096));
    // Few distinct ids in several cases, so case-exact matching is exercised.
    return chance(0.5) ? id.toUpperCase(Locale.ROOT) : chance(0.1) ? id + pick(TRICKY) : id;
  }

  private ObjectNode name(String given, String family) {
    ObjectNode name = JSON.objectNode();
    optional(0.8, () -> name.put("givenName", given));
    optional(0.8, () -> name.put("familyName", family));
    optional(0.6, () -> name.put("formatted", given + " " + family));
    return name;
  }

  private ArrayNode emails(String given, String family) {
    ArrayNode emails = JSON.arrayNode();
    int count = random.nextInt(4);
    int primary = random.nextInt(count + 2);
    for (int i = 0; i < count; i++) {
      String local = chance(0.1) ? pick(TRICKY).replace(" ", "") : given + "." + family + i;
      ObjectNode email = emails.addObject().put("value", mixCase(local) + "@" + pick(DOMAINS));
      optional(0.9, () -> email.put("type", pick(EMAIL_TYPES)));
      if (i == primary) {
        email.put("primary", true);
      } else if (chance(0.2)) {
        email.put("primary", false);
      }
    }
    return emails;
  }

  private ArrayNode phoneNumbers() {
    ArrayNode phones = JSON.arrayNode();
    for (int i = random.nextInt(3); i > 0; i--) {
      ObjectNode phone = phones.addObject().put("value", "+1 555 01" + random.nextInt(10) + random.nextInt(10));
      optional(0.8, () -> phone.put("type", pick(PHONE_TYPES)));
    }
    return phones;
  }

  private ObjectNode enterprise() {
    ObjectNode enterprise = JSON.objectNode();
    optional(0.8, () -> enterprise.put("employeeNumber", (chance(0.2) ? "e" : "E") + random.nextInt(2000)));
    optional(0.7, () -> enterprise.put("department", pick(DEPARTMENTS)));
    optional(0.5, () -> enterprise.put("costCenter", "CC-" + (char) ('A' + random.nextInt(6)) + random.nextInt(50)));
    optional(0.5, () -> enterprise.putObject("manager").put("value",
        mixCase("mgr-" + Integer.toHexString(random.nextInt(32)))));
    return enterprise;
  }

  private String mixCase(String value) {
    return RandomCase.mix(value, random);
  }

  private void optional(double probability, Runnable action) {
    if (chance(probability)) {
      action.run();
    }
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static void requireNoDateLikeStrings(JsonNode node) {
    if (node.isTextual() && looksLikeDate(node.textValue())) {
      throw new IllegalStateException("Generated a date-like string value: " + node);
    }
    node.elements().forEachRemaining(GeneratedUsers::requireNoDateLikeStrings);
  }

  /** Whether the SDK would compare this string as a date. */
  static boolean looksLikeDate(String value) {
    try {
      JsonUtils.nodeToDateValue(TextNode.valueOf(value));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
