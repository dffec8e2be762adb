package io.scimgateway.conformance;

import io.scimgateway.gateway.core.LogResetSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines the default reset sink writes, read from its logger while open: the gateway under test
 * runs in this JVM, so each reset it delivers is seen here exactly as an operator's log would see it.
 */
final class ResetLog extends Handler implements AutoCloseable {

  private static final Pattern LINE = Pattern.compile(
      "Password reset for user (\\S+) \\(userName (.*)\\): token (\\S+), expires (\\S+)");

  /** One delivered reset. */
  record Delivery(String userId, String userName, String token, Instant expires) {
  }

  private final Logger logger = Logger.getLogger(LogResetSink.LOGGER);
  private final List<Delivery> deliveries = new ArrayList<>();

  private ResetLog() {
    logger.addHandler(this);
  }

  static ResetLog open() {
    return new ResetLog();
  }

  synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  synchronized Delivery last() {
    return deliveries.get(deliveries.size() - 1);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    Matcher line = LINE.matcher(record.getMessage());
    if (!line.matches()) {
      throw new AssertionError("Not a reset line: " + record.getMessage());
    }
    deliveries.add(new Delivery(line.group(1), line.group(2), line.group(3),
        Instant.parse(line.group(4))));
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
