package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a list: {@code offset} (records skipped) and {@code limit} (0 to 1000, default 100). The envelope
 * carries both totals seen on the wire ({@code totalRecord} and {@code results_total}), {@code next_link} while
 * records remain and {@code prev_link} past the first page.
 */
record ZidPage(int offset, int limit) {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  /** Reads offset and limit; out of range is a 400 (a guess: the reference only states the bounds). */
  static ZidPage of(ZidRequest request) {
    int offset = integer(request, "offset", 0);
    int limit = integer(request, "limit", DEFAULT_LIMIT);
    if (offset < 0) {
      throw ZidError.badRequest("offset must not be negative.");
    }
    if (limit < 0 || limit > MAX_LIMIT) {
      throw ZidError.badRequest("limit must be between 0 and " + MAX_LIMIT + ".");
    }
    return new ZidPage(offset, limit);
  }

  private static int integer(ZidRequest request, String name, int fallback) {
    String value = request.parameter(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ZidError.badRequest(name + " must be an integer.");
    }
  }

  /** The envelope for this page of {@code all}, which is already filtered and in list order. */
  ObjectNode envelope(List<ObjectNode> all, ZidRequest request) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("pageOffset", offset);
    envelope.put("pageSize", limit);
    envelope.put("totalRecord", all.size());
    envelope.put("results_total", all.size());
    int end = (int) Math.min(all.size(), (long) offset + limit);
    if (limit > 0 && end < all.size()) {
      envelope.put("next_link", request.link(offset + limit));
    }
    if (offset > 0) {
      envelope.put("prev_link", request.link(Math.max(0, offset - limit)));
    }
    ArrayNode records = envelope.putArray("records");
    all.subList(Math.min(offset, end), end).forEach(record -> records.add(record.deepCopy()));
    return envelope;
  }
}
