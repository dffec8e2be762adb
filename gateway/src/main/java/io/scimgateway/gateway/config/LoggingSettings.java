package io.scimgateway.gateway.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code logging:} section.
 *
 * @param format {@code json} (one object per line, the default) or {@code text}
 * @param level the root level: {@code error}, {@code warn}, {@code info} (the default), {@code debug}
 *     or {@code trace}
 * @param levels levels for single loggers, by logger name ({@code io.scimgateway.access: warn})
 */
public record LoggingSettings(String format, String level, Map<String, String> levels) {

  private static final Set<String> FORMATS = Set.of("json", "text");
  private static final Set<String> LEVELS = Set.of("off", "error", "warn", "info", "debug", "trace");

  public LoggingSettings {
    format = format == null ? "json" : format.toLowerCase(Locale.ROOT);
    level = level == null ? "info" : level.toLowerCase(Locale.ROOT);
    levels = levels == null ? Map.of() : Map.copyOf(levels);
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException("logging.format must be json or text, not " + format);
    }
    checkLevel("logging.level", level);
    levels.forEach((logger, value) -> checkLevel("logging.levels." + logger, value));
  }

  private static void checkLevel(String setting, String value) {
    if (value == null || !LEVELS.contains(value.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(setting + " must be one of error, warn, info, debug, "
          + "trace or off, not " + value);
    }
  }
}
