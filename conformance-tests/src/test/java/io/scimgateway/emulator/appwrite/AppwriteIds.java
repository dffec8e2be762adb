package io.scimgateway.emulator.appwrite;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Custom IDs: a-z A-Z 0-9 . - _, not starting with a special character, at most 36 characters; "unique()" generates one. */
final class AppwriteIds {

  static final String UNIQUE = "unique()";
  private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AppwriteIds() {}

  /** Returns the id to store: a generated one for "unique()", else the given id if it follows the rules. */
  static String resolve(String parameter, String requested) {
    if (requested == null) {
      throw AppwriteError.invalidArgument("Param \"" + parameter + "\" is not optional.");
    }
    if (UNIQUE.equals(requested)) {
      return generate();
    }
    if (!CUSTOM_ID.matcher(requested).matches()) {
      throw AppwriteError.invalidArgument("Invalid `" + parameter + "` param: Parameter must contain at most 36 chars."
          + " Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char");
    }
    return requested;
  }

  /** A 20-hex-character id, like the SDK's ID.unique(). */
  static String generate() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
