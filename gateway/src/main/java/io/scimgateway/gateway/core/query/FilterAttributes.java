package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.Sorting;
import java.util.HashSet;
import java.util.Set;

/**
 * The top-level attributes a filter and a sort read, so that a store is asked for them even when the
 * response does not return them. Stateless.
 */
final class FilterAttributes {

  private FilterAttributes() {
  }

  /** What {@code filter} (null for none) and {@code sorting} (null for none) read. */
  static NeededAttributes read(Filter filter, Sorting sorting) {
    Set<String> names = new HashSet<>();
    if (filter != null) {
      collect(filter, names);
    }
    if (sorting != null) {
      add(sorting.attribute(), names);
    }
    return NeededAttributes.only(names);
  }

  private static void collect(Filter filter, Set<String> names) {
    if (filter.isCombiningFilter()) {
      filter.getCombinedFilters().forEach(part -> collect(part, names));
    } else if (filter.isNotFilter()) {
      collect(filter.getInvertedFilter(), names);
    } else {
      add(filter.getAttributePath(), names); // a value filter's own path names its attribute
    }
  }

  private static void add(Path path, Set<String> names) {
    if (path != null && path.size() > 0) {
      names.add(path.getElement(0).getAttribute());
    }
  }
}
