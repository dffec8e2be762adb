package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.scimgateway.kit.UserNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of an Appwrite user that a SCIM User sets, each written with its own call. Phone numbers
 * are not among them: Appwrite's phone is unique per project and signs users in by SMS, while SCIM
 * phone numbers are contact details that colleagues may share, so they stay in local state.
 *
 * @param email the SCIM {@code userName} where it is an email address, else the primary (or first)
 *     email, else empty; Appwrite keeps it in lower case
 * @param name {@code displayName}, else {@code name.formatted}, else given and family name
 * @param status {@code active}
 * @param labels the values of {@code entitlements}
 * @param prefs the SCIM preferences Appwrite keeps in the user's prefs
 */
record AppwriteUser(String email, String name, boolean status, List<String> labels, ObjectNode prefs) {

  /** SCIM attributes kept in Appwrite's prefs under the same names. */
  static final List<String> PREFERENCES = List.of("preferredLanguage", "locale", "timezone");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final int MAX_NAME = 128;

  static AppwriteUser from(ObjectNode scim) throws BadRequestException {
    String userName = scim.path("userName").asText("");
    String email = isEmail(userName) ? userName : primaryEmail(scim);
    String name = UserNames.displayName(scim);
    if (name.length() > MAX_NAME) {
      throw BadRequestException.invalidValue("Appwrite keeps names of at most " + MAX_NAME
          + " characters; displayName has " + name.length() + ".");
    }
    List<String> labels = values(scim.path("entitlements"));
    AppwriteLabels.check(labels);
    ObjectNode prefs = scim.objectNode();
    for (String preference : PREFERENCES) {
      if (scim.hasNonNull(preference)) {
        prefs.set(preference, scim.get(preference));
      }
    }
    return new AppwriteUser(email.toLowerCase(Locale.ROOT), name,
        scim.path("active").asBoolean(true), labels, prefs);
  }

  /** Whether Appwrite takes this as an email address, so that a userName can be Appwrite's email. */
  static boolean isEmail(String text) {
    return EMAIL.matcher(text).matches();
  }

  /** The primary email, else the first, when it is an email address; else empty. */
  private static String primaryEmail(ObjectNode scim) {
    String first = "";
    for (JsonNode email : scim.path("emails")) {
      String value = email.path("value").asText("");
      if (isEmail(value) && email.path("primary").asBoolean(false)) {
        return value;
      }
      if (first.isEmpty() && isEmail(value)) {
        first = value;
      }
    }
    return first;
  }

  /** The distinct {@code value}s of a multi-valued attribute, in order. */
  static List<String> values(JsonNode multiValued) {
    Set<String> values = new LinkedHashSet<>();
    for (JsonNode element : multiValued) {
      if (element.hasNonNull("value")) {
        values.add(element.get("value").asText());
      }
    }
    return new ArrayList<>(values);
  }
}
