package io.scimgateway.gateway.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request at the logger {@code io.scimgateway.access}: method, path (query
 * secrets masked), status, duration, bytes, principal, correlation id and client address, as
 * key-value pairs, once: fields of the JSON line, {@code key="value"} after the message in plain
 * text. The message itself only names the line. Never a header or a body. Thread-safe.
 */
public final class AccessLog {

  /** The logger's name; set its level to {@code warn} to silence the access log. */
  public static final String LOGGER = "io.scimgateway.access";

  /** The message of every access line: its fields say the rest. */
  static final String MESSAGE = "answered";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  void write(RequestRecord record, long bytes, long nanos) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    double millis = Math.round(nanos / 100_000.0) / 10.0; // to a tenth of a millisecond
    LOG.atInfo()
        .addKeyValue("method", record.method())
        .addKeyValue("path", record.path())
        .addKeyValue("status", record.status())
        .addKeyValue("durationMs", millis)
        .addKeyValue("bytes", bytes)
        .addKeyValue("principal", record.principal())
        .addKeyValue("requestId", record.requestId())
        .addKeyValue("client", record.client())
        .log(MESSAGE);
  }
}
