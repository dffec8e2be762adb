package io.scimgateway.gateway.sync;

/**
 * A write that failed, and the row it came from.
 *
 * @param line the export line, or 0 for a write no single line asks for (a leaver, a group)
 * @param key the row's key, or what the write is about when no line is
 * @param what the write, e.g. "create" or "add to group Sales"
 * @param error the SCIM error, e.g. {@code 409 uniqueness: ...}
 */
record Failure(long line, String key, String what, String error) {

  @Override
  public String toString() {
    return (line > 0 ? "line " + line + " (" + key + ")" : key) + ": " + what
        + " failed: " + error;
  }
}
