package io.scimgateway.emulator.spaceone;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The storage rules and checks of identity release-1.12's user model and manager: field lengths, the email form of
 * a local user's {@code user_id} (Python's {@code re.match}, anchored at the start only), the password format
 * (at least 8 characters with a lowercase letter, an uppercase letter and a digit, though the message says 9), and
 * time zones as pytz knows them (the tz database's zone names).
 */
final class SpaceoneUserRules {

  static final int USER_ID_MAX = 40;
  static final int NAME_MAX = 128;
  static final int EMAIL_MAX = 255;
  static final int LANGUAGE_MAX = 7;
  static final int TIMEZONE_MAX = 50;
  private static final Pattern USER_ID_FORM = Pattern.compile("[^@]+@[^@]+\\.[^@]+");
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private SpaceoneUserRules() {
  }

  static void userId(String userId, boolean localUser) {
    maxLength("user_id", userId, USER_ID_MAX);
    if (localUser && !USER_ID_FORM.matcher(userId).lookingAt()) {
      throw SpaceoneError.invalid("ERROR_INCORRECT_USER_ID_FORMAT",
          "Invalid user id format. (rule = user id must be an email form: " + USER_ID_FORM.pattern() + ")");
    }
  }

  static void password(String password) {
    if (password.length() < 8 || !password.matches("(?s).*[a-z].*") || !password.matches("(?s).*[A-Z].*")
        || !password.matches("(?s).*[0-9].*")) {
      throw SpaceoneError.invalid("ERROR_INCORRECT_PASSWORD_FORMAT",
          "Invalid password format. (rule = At least 9 characters long, including at least one uppercase letter, "
              + "one lowercase letter and one number.)");
    }
  }

  static void timezone(String timezone) {
    maxLength("timezone", timezone, TIMEZONE_MAX);
    if (!ZONES.contains(timezone) || timezone.startsWith("SystemV/")) {
      throw SpaceoneError.invalidParameter("timezone", "Timezone is invalid. (" + timezone + ")");
    }
  }

  /** MongoEngine's StringField max_length, checked when the document is saved. */
  static void maxLength(String key, String value, int max) {
    if (value != null && value.length() > max) {
      throw SpaceoneError.invalidParameter(key, "String value is too long (max_length = " + max + ")");
    }
  }

  /** {@code name} and {@code email} are stored with surrounding whitespace trimmed. */
  static String trimmed(String key, String value, int max) {
    String trimmed = value == null ? null : value.strip();
    maxLength(key, trimmed, max);
    return trimmed;
  }
}
