package io.scimgateway.gateway.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code 90d}, {@code 12h}, {@code 30m} or {@code 45s} (or an ISO-8601 duration) as a duration. */
public final class DurationText implements ITypeConverter<Duration> {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([dhms])");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** @throws IllegalArgumentException saying which forms are understood */
  public static Duration parse(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    Matcher match = SHORT.matcher(text);
    if (match.matches()) {
      long amount = Long.parseLong(match.group(1));
      return switch (match.group(2)) {
        case "d" -> Duration.ofDays(amount);
        case "h" -> Duration.ofHours(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
    try {
      return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("\"" + value + "\" is not a duration: write a number and "
          + "d, h, m or s, such as 90d or 12h");
    }
  }
}
