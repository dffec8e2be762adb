package io.scimgateway.benchmark;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * The benchmark's users, derived from their number alone, so that the seeder and the load generator
 * agree without sharing state: {@code user{n}@example.com}, {@code ext-{n}}, and a display name made
 * of random syllables, so that a five-character piece of one name occurs in very few others.
 */
final class SyntheticUsers {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

  private static final String[] ONSETS = {
      "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
      "br", "ch", "dr", "gr", "kr", "pl", "sh", "st", "th", "tr"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y"};
  private static final long SEED = 0x5C1A_6A7E_BE4C_11L;

  private SyntheticUsers() {
  }

  static String userName(int n) {
    return "user" + n + "@example.com";
  }

  static String externalId(int n) {
    return "ext-" + n;
  }

  /** Given name and family name of user {@code n}. */
  static String[] names(int n) {
    SplittableRandom random = new SplittableRandom(SEED ^ (n * 0x9E3779B97F4A7C15L));
    return new String[] {name(random, 2 + random.nextInt(2)), name(random, 2 + random.nextInt(3))};
  }

  static String displayName(int n) {
    String[] names = names(n);
    return names[0] + " " + names[1];
  }

  /** The SCIM representation the store is given, as a POST body would arrive after validation. */
  static ObjectNode resource(int n) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    String[] names = names(n);
    ObjectNode user = json.objectNode();
    user.putArray("schemas").add(USER_SCHEMA);
    user.put("userName", userName(n));
    user.put("externalId", externalId(n));
    user.put("displayName", names[0] + " " + names[1]);
    user.putObject("name")
        .put("givenName", names[0])
        .put("familyName", names[1])
        .put("formatted", names[0] + " " + names[1]);
    user.putArray("emails").addObject()
        .put("value", userName(n))
        .put("type", "work")
        .put("primary", true);
    user.put("active", true);
    return user;
  }

  private static String name(SplittableRandom random, int syllables) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      name.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
    }
    if (random.nextInt(3) == 0) {
      name.append(ONSETS[random.nextInt(18)]);
    }
    name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
    return name.toString();
  }
}
