package io.scimgateway.conformance;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.scimgateway.gateway.delivery.LogResetSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The lines the default reset sink writes, read from its logger while open: the gateway under test
 * runs in this JVM, so each reset it delivers is seen here exactly as an operator's log would see it.
 */
final class ResetLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private static final Pattern LINE = Pattern.compile(
      "Password reset for user (\\S+) \\(userName (.*)\\): token (\\S+), expires (\\S+)");

  /** One delivered reset. */
  record Delivery(String userId, String userName, String token, Instant expires) {
  }

  private final Logger logger = (Logger) LoggerFactory.getLogger(LogResetSink.LOGGER);
  private final List<Delivery> deliveries = new ArrayList<>();

  private ResetLog() {
    setContext(logger.getLoggerContext());
    start();
    logger.addAppender(this);
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
  protected synchronized void append(ILoggingEvent event) {
    Matcher line = LINE.matcher(event.getFormattedMessage());
    if (!line.matches()) {
      throw new AssertionError("Not a reset line: " + event.getFormattedMessage());
    }
    deliveries.add(new Delivery(line.group(1), line.group(2), line.group(3),
        Instant.parse(line.group(4))));
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
