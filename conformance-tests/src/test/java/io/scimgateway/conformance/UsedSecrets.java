package io.scimgateway.conformance;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret the suite sent to a gateway: bearer tokens, and the values of body fields that hold
 * passwords, hashes, secrets and tokens. {@link LogSecretsScanTest} looks for each in the logs.
 * Thread-safe.
 */
final class UsedSecrets {

  private static final Pattern SECRET_FIELD = Pattern.compile(
      // The value as an unrolled loop with possessive runs: an alternation inside a repetition
      // recurses once a character in java.util.regex and overflows the stack on long values.
      "\"(password|hash|salt|signerKey|secret|token|clientSecret)\"\\s*:\\s*\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> SECRETS = new TreeSet<>();

  private UsedSecrets() {
  }

  static synchronized void token(String token) {
    // An authentication scheme alone ("Bearer", sent by the tests of malformed headers) is no secret.
    if (token != null && token.strip().length() >= 6 && !token.strip().equalsIgnoreCase("bearer")) {
      SECRETS.add(token);
    }
  }

  static synchronized void body(String body) {
    Matcher field = SECRET_FIELD.matcher(body);
    while (field.find()) {
      if (field.group(2).length() >= 6) {
        SECRETS.add(field.group(2));
      }
    }
  }

  static synchronized Set<String> all() {
    return Set.copyOf(SECRETS);
  }
}
