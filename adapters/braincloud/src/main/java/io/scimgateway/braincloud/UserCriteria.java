package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.Collection;
import java.util.Map;

/**
 * What brainCloud's user pages evaluate of a SCIM User filter. {@code id eq} is {@code profileId}; {@code userName
 * eq} is the profiles local state knows with that login (pages do not carry login ids), both exact.
 * {@code displayName} ({@code playerName}) and {@code emails.value} ({@code emailAddress}) are case-insensitive
 * regular expressions; as a user's SCIM value is kept locally when brainCloud cannot take it, the profiles with such
 * a value are added with {@code $or} and the gateway checks the result again (a superset). Thread-safe.
 */
final class UserCriteria extends MongoCriteria {

  /** SCIM attribute (lower case) to brainCloud's page item field, and the attribute local state may keep. */
  private static final Map<String, String> FIELDS = Map.of("displayname", "playerName",
      "emails.value", "emailAddress");
  private static final Map<String, String> KEPT = Map.of("displayname", "displayName", "emails.value", "emails");

  /** Local lookups: profiles with a login id, and profiles whose value of a SCIM attribute is kept locally. */
  interface Local {
    Collection<String> withLogin(String userName);

    Collection<String> keptLocally(String scimAttribute);
  }

  private final Local local;

  UserCriteria(Local local) {
    this.local = local;
  }

  @Override
  public Support support(Path attribute, FilterType operator) {
    String key = key(attribute);
    if ((key.equals("id") || key.equals("username")) && operator == FilterType.EQUAL) {
      return Support.EXACT;
    }
    return FIELDS.containsKey(key) && TEXT.contains(operator) ? Support.SUPERSET : Support.NONE;
  }

  @Override
  protected ObjectNode comparison(String attribute, FilterType operator, String value) {
    if (attribute.equals("id")) {
      return JSON.objectNode().put("profileId", value);
    }
    if (attribute.equals("username")) {
      return profiles(local.withLogin(value));
    }
    ObjectNode either = JSON.objectNode();
    either.putArray("$or").add(text(FIELDS.get(attribute), operator, value))
        .add(profiles(local.keptLocally(KEPT.get(attribute))));
    return either;
  }

  private static ObjectNode profiles(Collection<String> ids) {
    ObjectNode in = JSON.objectNode();
    ArrayNode list = in.putObject("profileId").putArray("$in");
    ids.forEach(list::add);
    return in;
  }
}
