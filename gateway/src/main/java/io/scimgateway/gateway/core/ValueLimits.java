package io.scimgateway.gateway.core;

import java.util.Map;

/**
 * What one attribute may hold: the longest string and the most values of a multi-valued attribute.
 * Defaults apply to every attribute; {@code perAttribute} overrides them by attribute path as the
 * schema spells it ({@code displayName}, {@code members}, {@code name.givenName},
 * {@code urn:...:User:employeeNumber}), compared without regard to case.
 *
 * @param maxStringLength the most characters in one string value
 * @param maxValues the most values in one multi-valued attribute
 * @param perAttribute overrides by path
 */
public record ValueLimits(int maxStringLength, int maxValues, Map<String, Limit> perAttribute) {

  /** One attribute's bounds; a null field keeps the default. */
  public record Limit(Integer maxLength, Integer maxValues) {
  }

  public static ValueLimits defaults() {
    return new ValueLimits(65_536, 1_000_000, Map.of());
  }

  public ValueLimits {
    if (maxStringLength < 1 || maxValues < 1) {
      throw new IllegalArgumentException("limits.maxStringLength and limits.maxValues must be at "
          + "least 1");
    }
    perAttribute = perAttribute == null ? Map.of() : Map.copyOf(perAttribute);
    perAttribute.forEach((path, limit) -> {
      if ((limit.maxLength() != null && limit.maxLength() < 1)
          || (limit.maxValues() != null && limit.maxValues() < 1)) {
        throw new IllegalArgumentException("limits.attributes." + path + ": maxLength and "
            + "maxValues must be at least 1");
      }
    });
  }

  public int maxLength(String path) {
    Limit limit = find(path);
    return limit == null || limit.maxLength() == null ? maxStringLength : limit.maxLength();
  }

  public int maxValues(String path) {
    Limit limit = find(path);
    return limit == null || limit.maxValues() == null ? maxValues : limit.maxValues();
  }

  private Limit find(String path) {
    for (Map.Entry<String, Limit> entry : perAttribute.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(path)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
