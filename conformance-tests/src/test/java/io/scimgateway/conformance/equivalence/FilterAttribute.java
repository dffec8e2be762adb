package io.scimgateway.conformance.equivalence;

import static com.unboundid.scim2.common.filters.FilterType.CONTAINS;
import static com.unboundid.scim2.common.filters.FilterType.ENDS_WITH;
import static com.unboundid.scim2.common.filters.FilterType.EQUAL;
import static com.unboundid.scim2.common.filters.FilterType.GREATER_OR_EQUAL;
import static com.unboundid.scim2.common.filters.FilterType.GREATER_THAN;
import static com.unboundid.scim2.common.filters.FilterType.LESS_OR_EQUAL;
import static com.unboundid.scim2.common.filters.FilterType.LESS_THAN;
import static com.unboundid.scim2.common.filters.FilterType.NOT_EQUAL;
import static com.unboundid.scim2.common.filters.FilterType.PRESENT;
import static com.unboundid.scim2.common.filters.FilterType.STARTS_WITH;

import com.unboundid.scim2.common.filters.FilterType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An attribute generated filters compare, with the operators that are well-typed for it (repeated
 * operators are picked more often) and how often it is picked relative to the others.
 *
 * @param path the attribute path as written in a filter; extension attributes carry their URN
 * @param kind what type of value it holds
 * @param weight how many times it is listed in {@link #WEIGHTED}
 */
record FilterAttribute(String path, Kind kind, int weight) {

  enum Kind {
    STRING(EQUAL, EQUAL, EQUAL, NOT_EQUAL, CONTAINS, CONTAINS, STARTS_WITH, STARTS_WITH, ENDS_WITH,
        ENDS_WITH, PRESENT, GREATER_THAN, GREATER_OR_EQUAL, LESS_THAN, LESS_OR_EQUAL),
    BOOLEAN(EQUAL, EQUAL, NOT_EQUAL, PRESENT),
    DATE_TIME(EQUAL, NOT_EQUAL, GREATER_THAN, GREATER_THAN, GREATER_OR_EQUAL, GREATER_OR_EQUAL,
        LESS_THAN, LESS_THAN, LESS_OR_EQUAL, LESS_OR_EQUAL, PRESENT);

    final List<FilterType> operators;

    Kind(FilterType... operators) {
      this.operators = List.of(operators);
    }
  }

  private static final String ENTERPRISE = GeneratedUsers.ENTERPRISE + ":";

  static final List<FilterAttribute> ALL = List.of(
      string("id", 2), string("userName", 4), string("externalId", 3), string("displayName", 3),
      string("nickName", 1), string("title", 1), string("userType", 1),
      string("name.givenName", 1), string("name.familyName", 1), string("name.formatted", 1),
      string("emails.value", 2), string("emails.type", 1),
      string("phoneNumbers.value", 1), string("phoneNumbers.type", 1),
      string("addresses.locality", 1), string("addresses.country", 1),
      string(ENTERPRISE + "employeeNumber", 1), string(ENTERPRISE + "department", 1),
      string(ENTERPRISE + "costCenter", 1), string(ENTERPRISE + "manager.value", 1),
      new FilterAttribute("active", Kind.BOOLEAN, 2), new FilterAttribute("emails.primary", Kind.BOOLEAN, 1),
      new FilterAttribute("meta.created", Kind.DATE_TIME, 2),
      new FilterAttribute("meta.lastModified", Kind.DATE_TIME, 2));

  /** Every attribute, each as often as its weight. */
  static final List<FilterAttribute> WEIGHTED = weighted();

  /** The multi-valued attributes value filters are generated for, with the sub-attributes they test. */
  static final Map<String, List<String>> VALUE_PATHS = Map.of(
      "emails", List.of("value", "type", "primary"),
      "phoneNumbers", List.of("value", "type"),
      "addresses", List.of("locality", "country"));

  static FilterAttribute named(String path) {
    return ALL.stream().filter(attribute -> attribute.path.equals(path)).findFirst().orElseThrow();
  }

  static List<String> stringPaths() {
    return ALL.stream().filter(attribute -> attribute.kind == Kind.STRING).map(FilterAttribute::path).toList();
  }

  private static FilterAttribute string(String path, int weight) {
    return new FilterAttribute(path, Kind.STRING, weight);
  }

  private static List<FilterAttribute> weighted() {
    List<FilterAttribute> weighted = new ArrayList<>();
    for (FilterAttribute attribute : ALL) {
      for (int i = 0; i < attribute.weight; i++) {
        weighted.add(attribute);
      }
    }
    return List.copyOf(weighted);
  }
}
