package io.scimgateway.conformance;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text exposition (format 0.0.4) read strictly: every line is a comment or a sample
 * {@code name{labels} value}; anything else fails the test. Samples are kept by name and labels.
 */
final class PrometheusText {

  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\})?"
          + " (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?");
  private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*|#.*");

  private final Map<String, Double> samples = new HashMap<>();

  PrometheusText(String text) {
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      if (line.isEmpty() || COMMENT.matcher(line).matches()) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new AssertionError("Line " + number + " is not Prometheus text: " + line);
      }
      samples.put(sample.group(1) + "{" + (sample.group(3) == null ? "" : sample.group(3)) + "}",
          Double.parseDouble(sample.group(4).replace("+Inf", "Infinity")));
    }
  }

  /** The value of the sample with exactly these labels (written {@code a="x",b="y"}), or 0. */
  double value(String name, String labels) {
    return samples.getOrDefault(name + "{" + labels + "}", 0.0);
  }

  /** Whether some sample's name starts with {@code prefix} and its labels contain {@code label}. */
  boolean has(String prefix, String label) {
    return samples.keySet().stream().anyMatch(k -> k.startsWith(prefix) && k.contains(label));
  }

  /** The sum of every sample named {@code name} whose labels contain {@code label}. */
  double total(String name, String label) {
    return samples.entrySet().stream()
        .filter(sample -> sample.getKey().startsWith(name + "{") && sample.getKey().contains(label))
        .mapToDouble(Map.Entry::getValue).sum();
  }
}
