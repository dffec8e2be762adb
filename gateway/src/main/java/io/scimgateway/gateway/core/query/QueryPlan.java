package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.filters.Filter;

/**
 * A filter split between the backend and the gateway.
 *
 * @param pushed what the backend evaluates (null: it returns everything)
 * @param residual what the gateway must still evaluate over the backend's results (null: nothing)
 */
public record QueryPlan(Filter pushed, Filter residual) {

  /** The backend's answer is the whole answer: its totals and offsets can be trusted. */
  boolean exact() {
    return residual == null;
  }
}
