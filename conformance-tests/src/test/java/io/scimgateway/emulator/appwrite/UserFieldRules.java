package io.scimgateway.emulator.appwrite;


import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Validation of user fields as the notes describe them, and the stored form of a password. */
final class UserFieldRules {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9]{1,36}");
  static final int MAX_NAME = 128;
  static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 256;
  static final int MAX_LABELS = 1000;

  private UserFieldRules() {}

  /** Lower-cased email; empty stays empty when allowed. */
  static String email(String email, boolean emptyAllowed) {
    if (email.isEmpty() && emptyAllowed) {
      return "";
    }
    if (!EMAIL.matcher(email).matches()) {
      throw AppwriteError.invalidArgument("Invalid `email` param: Value must be a valid email address");
    }
    return email.toLowerCase(Locale.ROOT);
  }

  static String phone(String phone, String parameter, boolean emptyAllowed) {
    if (phone.isEmpty() && emptyAllowed) {
      return "";
    }
    if (!PHONE.matcher(phone).matches()) {
      throw AppwriteError.invalidArgument("Invalid `" + parameter + "` param: Phone number must start with a '+'"
          + " can have a maximum of fifteen digits.");
    }
    return phone;
  }

  static String name(String name) {
    if (name.length() > MAX_NAME) {
      throw AppwriteError.invalidArgument("Invalid `name` param: Value must be a valid string and at most "
          + MAX_NAME + " chars");
    }
    return name;
  }

  static void password(String password, boolean emptyAllowed) {
    if (password.isEmpty() && emptyAllowed) {
      return;
    }
    if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw AppwriteError.invalidArgument("Invalid `password` param: Password must be between " + MIN_PASSWORD
          + " and " + MAX_PASSWORD + " characters long.");
    }
  }

  static List<String> labels(List<String> labels) {
    if (labels.size() > MAX_LABELS) {
      throw AppwriteError.invalidArgument("Invalid `labels` param: Value must be a valid array no longer than "
          + MAX_LABELS + " items");
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw AppwriteError.invalidArgument("Invalid `labels` param: Value must be a valid array and Value must be"
            + " a valid string and only alphanumeric chars are allowed (at most 36)");
      }
    }
    return labels.stream().distinct().toList();
  }

  /** Stores the password in a form that never equals the plain text; empty means no password. */
  /** The hash-import routes and the body fields each requires besides userId, email and password. */
  static final Map<String, List<String>> HASH_ROUTES = Map.of(
      "argon2", List.of(), "bcrypt", List.of(), "md5", List.of(), "phpass", List.of(),
      "sha", List.of("passwordVersion"),
      "scrypt", List.of("passwordSalt", "passwordCpu", "passwordMemory", "passwordParallel", "passwordLength"),
      "scrypt-modified", List.of("passwordSalt", "passwordSaltSeparator", "passwordSignerKey"));

  static void storePassword(ObjectNode user, String password, String now) {
    user.put("password", password.isEmpty() ? "" : "emulated-argon2$" + sha256(password));
    user.put("hash", "argon2");
    ObjectNode options = JsonNodeFactory.instance.objectNode();
    options.put("type", "argon2");
    options.put("memoryCost", 2048);
    options.put("timeCost", 4);
    options.put("threads", 3);
    user.set("hashOptions", options);
    user.put("passwordUpdate", password.isEmpty() ? "" : now);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
