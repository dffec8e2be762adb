package io.scimgateway.appwrite;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Collection;
import java.util.regex.Pattern;

/** Appwrite's rules for user labels, checked before a call so the client learns which value broke them. */
final class AppwriteLabels {

  static final int MAX_LABELS = 1000;
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]{1,36}");

  private AppwriteLabels() {
  }

  static void check(Collection<String> labels) throws BadRequestException {
    if (labels.size() > MAX_LABELS) {
      throw BadRequestException.invalidValue("Appwrite keeps at most " + MAX_LABELS + " labels per "
          + "user; this user would have " + labels.size() + " entitlements.");
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw BadRequestException.invalidValue("The entitlement \"" + label + "\" cannot be an Appwrite "
            + "label: labels are 1 to 36 letters and digits, with no spaces or punctuation.");
      }
    }
  }
}
