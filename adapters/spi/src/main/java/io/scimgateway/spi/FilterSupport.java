package io.scimgateway.spi;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;

/**
 * What a store can evaluate of a SCIM filter, one attribute and operator at a time.
 *
 * <p>The core's query planner asks this for every comparison in a filter. {@link Support#EXACT} terms
 * are sent down and trusted; {@link Support#SUPERSET} terms are sent down to narrow the scan and
 * evaluated again in the core; {@link Support#NONE} terms are evaluated only in the core.
 */
@FunctionalInterface
public interface FilterSupport {

  /** A store that evaluates nothing itself. */
  FilterSupport NONE = (attribute, operator) -> Support.NONE;

  /**
   * How this store evaluates {@code operator} on {@code attribute}.
   *
   * @param attribute the attribute path without value filters, e.g. {@code userName} or
   *     {@code emails.value}; extension attributes carry their schema URN
   * @param operator a comparison ({@code eq}, {@code co}, {@code pr}, ...), never {@code and/or/not}
   */
  Support support(Path attribute, FilterType operator);

  /**
   * Whether the store evaluates {@code combination} (an {@code and}, {@code or} or {@code not} whose
   * comparisons it supports) as a whole. The default takes every combination. A platform whose query
   * has a fixed shape says no to the others, and the planner leaves them to the gateway: SpaceONE's
   * query is "all of these, and one of those", with no {@code or} inside an {@code or}.
   */
  default boolean combines(Filter combination) {
    return true;
  }

  /** How faithfully a store evaluates one attribute and operator. */
  enum Support {
    /** The store's result is exactly the SCIM result. */
    EXACT,
    /** The store's result contains the SCIM result and possibly more; the core filters again. */
    SUPERSET,
    /** The store cannot evaluate it. */
    NONE
  }
}
