package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SCIM filters that find the resources holding any of many values of one attribute ({@code externalId
 * eq "a" or externalId eq "b" ...}), a bounded number of values a filter, so that a request line
 * stays short enough for any server.
 */
final class ValueFilters {

  static final int VALUES_PER_FILTER = 50;

  private ValueFilters() {}

  static List<String> anyOf(String attribute, Collection<String> values) {
    List<String> filters = new ArrayList<>();
    StringBuilder filter = new StringBuilder();
    int inFilter = 0;
    for (String value : values) {
      if (inFilter == VALUES_PER_FILTER) {
        filters.add(filter.toString());
        filter.setLength(0);
        inFilter = 0;
      }
      if (inFilter > 0) {
        filter.append(" or ");
      }
      // A JSON string literal, as RFC 7644 section 3.4.2.2 has comparison values written.
      filter.append(attribute).append(" eq ").append(TextNode.valueOf(value));
      inFilter++;
    }
    if (inFilter > 0) {
      filters.add(filter.toString());
    }
    return filters;
  }
}
