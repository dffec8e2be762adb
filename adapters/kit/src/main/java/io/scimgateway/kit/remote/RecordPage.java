package io.scimgateway.kit.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a platform's records for a search, before they are joined with local state.
 *
 * @param records the page's records, in the query's order
 * @param total how many records match the query in all (as far as the platform counts)
 * @param positions for keyset windows, one position per record; empty otherwise
 */
public record RecordPage(List<ObjectNode> records, long total, List<String> positions) {

  public RecordPage {
    records = List.copyOf(records);
    positions = List.copyOf(positions);
  }

  public RecordPage(List<ObjectNode> records, long total) {
    this(records, total, List.of());
  }
}
