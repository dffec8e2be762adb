package io.scimgateway.conformance.equivalence;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.filters.FilterType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Comparison values for generated filters, drawn mostly from the data: whole values, prefixes,
 * suffixes and substrings in random case, plus misses, empty strings and values that mean something
 * to SQL. Times are existing timestamps, points between them and around them, written with several
 * offsets and precisions.
 */
final class ComparisonValues {

  private static final List<String> SQLISH = List.of("%", "_", "'", "\"", "\\", "x\" or 1=1 --",
      "%%", "_%", "' OR ''='", "\\%", "a%", "%a");
  private static final List<String> MISSES = List.of("no-such-value", "zzzz", "Ø", "ÿ", "😀", "ａ",
      "ss", "SS", "i̇");
  private static final List<DateTimeFormatter> TIME_FORMATS = List.of(
      DateTimeFormatter.ISO_INSTANT,
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx"));
  private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(2),
      ZoneOffset.ofHoursMinutes(-5, -30), ZoneOffset.ofHours(14));

  private final Random random;
  private final FilterValues values;

  ComparisonValues(Random random, FilterValues values) {
    this.random = random;
    this.values = values;
  }

  /** A well-typed value for comparing {@code attribute} with {@code operator}. */
  ValueNode value(FilterAttribute attribute, FilterType operator) {
    return switch (attribute.kind()) {
      case STRING -> TextNode.valueOf(string(attribute.path(), operator));
      case BOOLEAN -> BooleanNode.valueOf(random.nextBoolean());
      case DATE_TIME -> TextNode.valueOf(time());
    };
  }

  private String string(String path, FilterType operator) {
    double roll = random.nextDouble();
    if (roll < 0.05) {
      return "";
    }
    if (roll < 0.14) {
      return pick(SQLISH);
    }
    if (roll < 0.20) {
      return pick(MISSES);
    }
    List<String> own = values.strings(path);
    String source = roll < 0.27 || own.isEmpty() ? pick(values.allStrings()) : pick(own);
    String fragment = fragment(source, operator);
    return random.nextBoolean() ? fragment : RandomCase.mix(fragment, random);
  }

  /** Mostly the part of {@code value} the operator looks at; sometimes any other part. */
  private String fragment(String value, FilterType operator) {
    int length = value.codePointCount(0, value.length());
    int shape = random.nextInt(3) == 0 ? random.nextInt(4) : switch (operator) {
      case STARTS_WITH -> 1;
      case ENDS_WITH -> 2;
      case CONTAINS -> 3;
      default -> 0;
    };
    int start = 0;
    int end = length;
    if (length > 0 && (shape == 1 || shape == 3)) {
      end = 1 + random.nextInt(length);
    }
    if (end > 0 && (shape == 2 || shape == 3)) {
      start = random.nextInt(end);
    }
    return value.substring(value.offsetByCodePoints(0, start), value.offsetByCodePoints(0, end));
  }

  /** A time at, between or around the stored timestamps, at millisecond precision. */
  private String time() {
    List<Instant> instants = values.instants();
    int index = random.nextInt(instants.size());
    Instant at = instants.get(index);
    Instant time = switch (random.nextInt(7)) {
      case 0, 1, 2 -> at;
      case 3 -> index + 1 < instants.size() ? midpoint(at, instants.get(index + 1)) : at.plusMillis(1);
      case 4 -> at.truncatedTo(ChronoUnit.SECONDS);
      case 5 -> at.minusMillis(1);
      default -> random.nextBoolean() ? instants.get(0).minus(Duration.ofDays(1))
          : instants.get(instants.size() - 1).plus(Duration.ofHours(1));
    };
    return TIME_FORMATS.get(random.nextInt(TIME_FORMATS.size()))
        .format(time.atOffset(OFFSETS.get(random.nextInt(OFFSETS.size()))));
  }

  private static Instant midpoint(Instant from, Instant to) {
    return from.plusMillis(Duration.between(from, to).toMillis() / 2);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
