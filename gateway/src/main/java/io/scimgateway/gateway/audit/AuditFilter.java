package io.scimgateway.gateway.audit;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.spi.AuditQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The filters {@code /AuditEvents} takes: {@code and} of comparisons on {@code time} ({@code ge},
 * {@code gt}, {@code lt}, {@code le}) and {@code eq} on {@code id}, {@code resourceId},
 * {@code resourceName}, {@code actor} and {@code operation}, as the audit store evaluates them.
 * Anything else is {@code 400 invalidFilter} saying so. Mutable: one per request.
 */
final class AuditFilter {

  Instant from;
  Instant until;
  String eventId;
  String resourceId;
  String resourceName;
  String actor;
  String operation;

  static AuditFilter of(String text) throws BadRequestException {
    AuditFilter conditions = new AuditFilter();
    if (text == null || text.isBlank()) {
      return conditions;
    }
    Filter filter;
    try {
      filter = Filter.fromString(text);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidFilter("The filter cannot be parsed: " + e.getMessage());
    }
    conditions.add(filter);
    return conditions;
  }

  /** The query for these conditions, a window of {@code limit} events after {@code offset}. */
  AuditQuery query(long offset, int limit) {
    return new AuditQuery(from, until, eventId, resourceId, actor, operation, resourceName, offset,
        limit);
  }

  private void add(Filter filter) throws BadRequestException {
    if (filter instanceof AndFilter and) {
      for (Filter part : and.getCombinedFilters()) {
        add(part);
      }
      return;
    }
    String attribute = filter.getAttributePath() == null ? ""
        : filter.getAttributePath().toString().toLowerCase(Locale.ROOT);
    if (attribute.equals("time") && filter.getComparisonValue() != null) {
      time(filter.getFilterType(), instant(filter.getComparisonValue().asText()));
      return;
    }
    if (filter.getFilterType() != FilterType.EQUAL || filter.getComparisonValue() == null
        || !filter.getComparisonValue().isTextual()) {
      throw unsupported();
    }
    String value = filter.getComparisonValue().asText();
    switch (attribute) {
      case "id" -> eventId = value;
      case "resourceid" -> resourceId = value;
      case "resourcename" -> resourceName = value;
      case "actor" -> actor = value;
      case "operation" -> operation = value.toUpperCase(Locale.ROOT);
      default -> throw unsupported();
    }
  }

  private void time(FilterType type, Instant at) throws BadRequestException {
    switch (type) {
      case GREATER_OR_EQUAL -> from = at;
      case GREATER_THAN -> from = at.plusMillis(1);
      case LESS_THAN -> until = at;
      case LESS_OR_EQUAL -> until = at.plusMillis(1);
      default -> throw unsupported();
    }
  }

  private static Instant instant(String text) throws BadRequestException {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw BadRequestException.invalidFilter("time compares with a dateTime such as "
          + "\"2026-01-31T08:00:00Z\", not \"" + text + "\".");
    }
  }

  private static BadRequestException unsupported() {
    return BadRequestException.invalidFilter("AuditEvents take \"and\" of: time ge, gt, lt or le a "
        + "dateTime; id, resourceId, resourceName, actor or operation eq a string. For example: "
        + "time ge \"2026-01-31T00:00:00Z\" and operation eq \"DELETE\".");
  }
}
