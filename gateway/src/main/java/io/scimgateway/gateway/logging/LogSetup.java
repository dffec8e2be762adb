package io.scimgateway.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.scimgateway.gateway.config.LoggingSettings;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures Logback for {@code serve} from the {@code logging:} section: one JSON object per line
 * (the default) or plain text, on standard output; the root level and per-logger levels. Libraries
 * that narrate their routine (the connection pool, Jersey) are kept to warnings unless a level is
 * set for them.
 */
public final class LogSetup {

  /**
   * Plain text: time, level, thread, logger, correlation id, message, and the event's key-value
   * pairs where it has some (the access line's fields), as {@code key="value"}.
   */
  static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] "
      + "%logger{36} %X{requestId:--} %msg%replace( %kvp){'^ $', ''}%n";

  private static final Map<String, String> QUIET = Map.of(
      "com.zaxxer.hikari", "warn",
      "org.glassfish", "warn",
      "org.jdbi", "warn");

  private LogSetup() {
  }

  public static void apply(LoggingSettings settings) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    LevelChangePropagator propagator = new LevelChangePropagator();
    propagator.setContext(context);
    propagator.setResetJUL(true);
    propagator.start();
    context.addListener(propagator);
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder(settings.format(), context));
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(Level.toLevel(settings.level()));
    QUIET.forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
    settings.levels().forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
  }

  private static Encoder<ILoggingEvent> encoder(String format, LoggerContext context) {
    if (format.equals("text")) {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern(TEXT_PATTERN);
      text.start();
      return text;
    }
    JsonEncoder json = new JsonEncoder();
    json.setContext(context);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    json.start();
    return json;
  }
}
