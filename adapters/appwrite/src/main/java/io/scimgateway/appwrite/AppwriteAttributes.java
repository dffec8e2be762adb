package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.kit.local.LocalState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which SCIM attributes Appwrite filters and sorts on, for Users and for Groups (Teams). Strings that
 * SCIM compares without regard to case are pushed only where Appwrite stores them in one case
 * (email); {@code externalId} is answered from local state as a list of ids.
 */
final class AppwriteAttributes {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<FilterType> EQUALITY = EnumSet.of(FilterType.EQUAL, FilterType.NOT_EQUAL);
  private static final Set<FilterType> ORDERING = EnumSet.of(FilterType.EQUAL, FilterType.NOT_EQUAL,
      FilterType.GREATER_THAN, FilterType.GREATER_OR_EQUAL, FilterType.LESS_THAN,
      FilterType.LESS_OR_EQUAL);

  private AppwriteAttributes() {
  }

  static AppwriteFilter userFilter(LocalState local) {
    return new AppwriteFilter(Map.of(
        "id", new PushableAttribute("$id", EQUALITY, (op, value) -> List.of(value)),
        "username", userName(local),
        // A user who never wrote active shows none, yet Appwrite's status is true: "eq" narrows.
        "active", new PushableAttribute("status", Set.of(), EnumSet.of(FilterType.EQUAL),
            (op, value) -> List.of(value)),
        "externalid", externalId(local, AppwriteUserStore.RESOURCE_TYPE),
        "meta.created", new PushableAttribute("$createdAt", ORDERING, AppwriteAttributes::dateTime)));
  }

  static AppwriteFilter teamFilter(LocalState local) {
    return new AppwriteFilter(Map.of(
        "id", new PushableAttribute("$id", EQUALITY, (op, value) -> List.of(value)),
        "externalid", externalId(local, AppwriteTeamStore.RESOURCE_TYPE),
        "meta.created", new PushableAttribute("$createdAt", ORDERING, AppwriteAttributes::dateTime)));
  }

  /** Sortable SCIM attributes (lower case) and the Appwrite attribute that orders the same way. */
  static Map<String, String> userSorting() {
    return Map.of("id", "$id", "meta.created", "$createdAt");
  }

  static Map<String, String> teamSorting() {
    return Map.of("id", "$id", "meta.created", "$createdAt");
  }

  /**
   * {@code userName eq}: Appwrite's email (a userName that is an email address, or a user made in
   * Appwrite), or one of the users local state holds the userName for. A superset: a user whose
   * userName is not an email may have the value as its email, and the gateway filters again. Other
   * operators cannot be answered from both places at once; the gateway evaluates them.
   */
  private static PushableAttribute userName(LocalState local) {
    return new PushableAttribute("email", Set.of(), EnumSet.of(FilterType.EQUAL),
        (op, value) -> List.of(JSON.textNode(value.asText().toLowerCase(Locale.ROOT))),
        (op, value) -> local.idsWithUserName(AppwriteUserStore.RESOURCE_TYPE, value.asText())
            .stream().map(id -> (JsonNode) JSON.textNode(id)).toList());
  }

  private static PushableAttribute externalId(LocalState local, String resourceType) {
    return new PushableAttribute("$id", EQUALITY, (op, value) ->
        local.idsWhere(resourceType, "externalId", value.asText()).stream()
            .map(id -> (JsonNode) JSON.textNode(id)).toList());
  }

  /**
   * A SCIM dateTime as Appwrite's millisecond timestamp, rounded so that the comparison selects the
   * same documents: Appwrite's times have whole milliseconds, a filter's may not.
   */
  private static List<JsonNode> dateTime(FilterType operator, JsonNode value)
      throws BadRequestException {
    Instant instant;
    try {
      instant = Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      try {
        instant = OffsetDateTime.parse(value.asText()).toInstant();
      } catch (DateTimeParseException again) {
        throw BadRequestException.invalidFilter("\"" + value.asText() + "\" is not an xsd:dateTime.");
      }
    }
    Instant floor = AppwriteTimes.floorMillis(instant);
    Instant bound = switch (operator) {
      case GREATER_OR_EQUAL, LESS_THAN -> AppwriteTimes.ceilMillis(instant);
      case EQUAL, NOT_EQUAL -> floor.equals(instant) ? floor : null;
      default -> floor;
    };
    return bound == null ? List.of() : List.of(JSON.textNode(AppwriteTimes.format(bound)));
  }
}
