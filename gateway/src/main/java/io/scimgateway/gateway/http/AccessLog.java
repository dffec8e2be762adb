package io.scimgateway.gateway.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request at the logger {@code io.scimgateway.access}: method, path (query
 * secrets masked), status, duration, bytes, principal, correlation id and client address, as
 * key-value pairs (fields of the JSON line) and in the message (for plain text). Never a header or
 * a body. Thread-safe.
 */
public final class AccessLog {

  /** The logger's name; set its level to {@code warn} to silence the access log. */
  public static final String LOGGER = "io.scimgateway.access";

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
        .log("{} {} {} {}ms {}B principal={} requestId={} client={}", record.method(),
            record.path(), record.status(), millis, bytes,
            record.principal(), record.requestId(), record.client());
  }
}
