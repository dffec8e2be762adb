package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.Sorting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order brainCloud lists users in for a SCIM {@code sortBy}, as {@code sortCriteria} keys: {@code id} is
 * {@code profileId}; {@code meta.created} is the profile's {@code createdAt}, then {@code profileId}; with
 * {@code sortByPlayerName}, {@code displayName} is {@code playerName}, then {@code createdAt} and {@code profileId}
 * (SCIM's ties: creation order). A user's position is its values of the keys (a JSON array), and a keyset window is
 * the criteria of the users past one, read forwards or backwards. Thread-safe.
 */
final class UserOrder {

  /** SCIM attributes (lower case) brainCloud orders exactly as SCIM does. */
  static final Set<String> EXACT = Set.of("id", "meta.created");
  /** What {@code sortByPlayerName} adds: brainCloud compares with case and puts an empty playerName first. */
  static final String PLAYER_NAME = "displayname";
  private static final String PROFILE_ID = "profileId";
  private static final String CREATED = "createdAt";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper READER = new ObjectMapper();

  /** One sort key: a user field and its direction. */
  private record Key(String field, boolean descending) {

    JsonNode valueOf(UserReads.Platform user) {
      return switch (field) {
        case PROFILE_ID -> JSON.textNode(user.profileId());
        case CREATED -> JSON.numberNode(user.createdAt());
        default -> JSON.textNode(user.profile().path(field).asText(""));
      };
    }
  }

  private final List<Key> keys;

  private UserOrder(List<Key> keys) {
    this.keys = keys;
  }

  /** The order of a sort the store declared it can do (profileId order for none). */
  static UserOrder of(Sorting sorting) {
    boolean descending = sorting != null && sorting.descending();
    String attribute = sorting == null ? "id" : MongoCriteria.key(sorting.attribute());
    return new UserOrder(switch (attribute) {
      case "meta.created" -> List.of(new Key(CREATED, descending), new Key(PROFILE_ID, false));
      case PLAYER_NAME -> List.of(new Key("playerName", descending), new Key(CREATED, false),
          new Key(PROFILE_ID, false));
      default -> List.of(new Key(PROFILE_ID, descending));
    });
  }

  /** {@code sortCriteria}: the keys in order, 1 or -1; every direction turned round when read backwards. */
  ObjectNode sortCriteria(boolean backward) {
    ObjectNode sort = JSON.objectNode();
    keys.forEach(key -> sort.put(key.field(), key.descending() == backward ? 1 : -1));
    return sort;
  }

  /** A user's place in this order. */
  String position(UserReads.Platform user) {
    ArrayNode values = JSON.arrayNode();
    keys.forEach(key -> values.add(key.valueOf(user)));
    return values.toString();
  }

  /**
   * {@code criteria} and "past {@code position}" in the direction read: the first key beyond its value, or equal
   * to it and the next key beyond, and so on.
   */
  JsonNode past(ObjectNode criteria, String position, boolean backward) {
    if (position == null) {
      return criteria;
    }
    JsonNode values = parse(position);
    ArrayNode either = JSON.arrayNode();
    for (int i = 0; i < keys.size(); i++) {
      ObjectNode term = JSON.objectNode();
      for (int j = 0; j < i; j++) {
        term.set(keys.get(j).field(), values.get(j));
      }
      boolean greater = keys.get(i).descending() == backward;
      term.putObject(keys.get(i).field()).set(greater ? "$gt" : "$lt", values.get(i));
      either.add(term);
    }
    ObjectNode both = JSON.objectNode();
    ArrayNode all = both.putArray("$and").add(criteria);
    if (either.size() == 1) {
      all.add(either.get(0));
    } else {
      all.addObject().set("$or", either);
    }
    return both;
  }

  /** A window over users read directly (a handful), ordered here as brainCloud would. */
  RecordPage inMemory(List<UserReads.Platform> users, PageWindow window) {
    Comparator<UserReads.Platform> order = (a, b) -> compare(values(a), values(b));
    List<UserReads.Platform> sorted = new ArrayList<>(users);
    sorted.sort(order);
    if (window instanceof PageWindow.Offset offset) {
      int from = (int) Math.min(offset.offset(), sorted.size());
      return new RecordPage(UserSearch.records(sorted.subList(from, Math.min(sorted.size(), from + offset.limit()))),
          sorted.size());
    }
    boolean backward = window instanceof PageWindow.Before;
    String position = backward ? ((PageWindow.Before) window).position() : ((PageWindow.After) window).position();
    List<UserReads.Platform> past = sorted.stream().filter(user -> position == null
        || Integer.signum(compare(values(user), parse(position))) == (backward ? -1 : 1)).toList();
    List<UserReads.Platform> page = backward
        ? past.subList(Math.max(0, past.size() - window.limit()), past.size())
        : past.subList(0, Math.min(window.limit(), past.size()));
    return new RecordPage(UserSearch.records(page), sorted.size(), page.stream().map(this::position).toList());
  }

  private JsonNode values(UserReads.Platform user) {
    return parse(position(user));
  }

  /** Two positions in this order: numbers as numbers, text by its characters (with case), as brainCloud does. */
  private int compare(JsonNode left, JsonNode right) {
    for (int i = 0; i < keys.size(); i++) {
      JsonNode a = left.path(i);
      JsonNode b = right.path(i);
      int order = a.isNumber() && b.isNumber() ? Long.compare(a.asLong(), b.asLong())
          : a.asText("").compareTo(b.asText(""));
      if (order != 0) {
        return keys.get(i).descending() ? -order : order;
      }
    }
    return 0;
  }

  private static JsonNode parse(String position) {
    try {
      return READER.readTree(position);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a brainCloud user position: " + position, e);
    }
  }
}
