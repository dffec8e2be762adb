package io.scimgateway.spi;

/**
 * Which slice of the matching resources a search returns. Offsets serve SCIM's {@code startIndex}; keyset
 * windows serve cursors (RFC 9865), which stay correct while resources are created and deleted between
 * pages. A position is a string the store produced in {@link SearchPage#positions()}; the gateway keeps
 * it opaque and tamper-proof inside the cursor it hands out.
 */
public sealed interface PageWindow {

  /** How many resources to return at most; 0 asks only for the total. */
  int limit();

  /** The resources from a 0-based offset in the store's order. */
  record Offset(long offset, int limit) implements PageWindow {
    public Offset {
      if (offset < 0) {
        throw new IllegalArgumentException("offset must not be negative: " + offset);
      }
      checkLimit(limit);
    }
  }

  /** The resources after {@code position}, or from the first one when it is null. */
  record After(String position, int limit) implements PageWindow {
    public After {
      checkLimit(limit);
    }
  }

  /** The {@code limit} resources just before {@code position}, returned in the store's order. */
  record Before(String position, int limit) implements PageWindow {
    public Before {
      if (position == null) {
        throw new IllegalArgumentException("a backward window needs a position");
      }
      checkLimit(limit);
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }
}
