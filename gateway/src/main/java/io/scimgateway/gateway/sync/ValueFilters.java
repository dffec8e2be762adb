package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SCIM filters that find the resources holding any of many values of one attribute ({@code externalId
 * eq "a" or externalId eq "b" ...}), at most {@value #VALUES_PER_FILTER} values and {@value
 * #CHARACTERS_PER_FILTER} characters a filter (a longer value alone): a server's page holds them all, and the request line,
 * percent-encoded, stays well inside the 8 KB that servers commonly allow for a request's head.
 */
final class ValueFilters {

  static final int VALUES_PER_FILTER = 50;
  static final int CHARACTERS_PER_FILTER = 2_000;

  private ValueFilters() {}

  static List<String> anyOf(String attribute, Collection<String> values) {
    List<String> filters = new ArrayList<>();
    StringBuilder filter = new StringBuilder();
    int inFilter = 0;
    for (String value : values) {
      // A JSON string literal, as RFC 7644 section 3.4.2.2 has comparison values written.
      String term = attribute + " eq " + TextNode.valueOf(value);
      if (inFilter == VALUES_PER_FILTER
          || (inFilter > 0 && filter.length() + term.length() > CHARACTERS_PER_FILTER)) {
        filters.add(filter.toString());
        filter.setLength(0);
        inFilter = 0;
      }
      filter.append(inFilter > 0 ? " or " : "").append(term);
      inFilter++;
    }
    if (inFilter > 0) {
      filters.add(filter.toString());
    }
    return filters;
  }
}
