package io.scimgateway.spaceone;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Optional;

/**
 * SpaceONE's refusal codes as SCIM errors a person can act on. Codes not listed here get the kit's
 * error for their HTTP status, with SpaceONE's message as the reason.
 */
final class SpaceoneRefusals {

  static final String NOT_FOUND = "ERROR_NOT_FOUND";
  static final String PASSWORD_NOT_CHANGED = "ERROR_PASSWORD_NOT_CHANGED";
  static final String DUPLICATE_ROLE = "ERROR_DUPLICATE_ROLE_BOUND";

  private SpaceoneRefusals() {
  }

  static Optional<ScimException> of(String code, String message) {
    return Optional.ofNullable(switch (code) {
      case NOT_FOUND -> new ResourceNotFoundException("SpaceONE has no such resource.");
      case "ERROR_SAVE_UNIQUE_VALUES", "ERROR_NOT_UNIQUE" -> ResourceConflictException.uniqueness(
          "SpaceONE already has a resource with these unique values (a user's userName is its user_id).");
      case "ERROR_INCORRECT_PASSWORD_FORMAT" -> BadRequestException.invalidValue("SpaceONE refuses the "
          + "password: it needs at least 8 characters, with a lowercase letter, an uppercase letter and a digit.");
      case "ERROR_INCORRECT_USER_ID_FORMAT" -> BadRequestException.invalidValue("SpaceONE needs a local "
          + "user's userName (its user_id) in email form, such as name@example.com.");
      case "ERROR_UNABLE_TO_RESET_PASSWORD_IN_EXTERNAL_AUTH" -> BadRequestException.invalidValue("The user "
          + "signs in through the domain's external authentication; SpaceONE cannot set or reset the "
          + "password. Change it in that identity provider.");
      case "ERROR_UNABLE_TO_RESET_PASSWORD_WITHOUT_EMAIL" -> BadRequestException.invalidValue("SpaceONE "
          + "emails password resets, and the user has no email. Give the user a primary email first.");
      case "ERROR_VERIFICATION_UNAVAILABLE" -> BadRequestException.invalidValue("SpaceONE sends password "
          + "resets only to a verified email address, and this user's is not verified. Have it verified in "
          + "SpaceONE first, or set a password instead.");
      case "ERROR_NOT_ALLOWED_ACTIONS" -> BadRequestException.invalidValue("SpaceONE cannot require a "
          + "password change of this user: it signs in through external authentication or is an API user.");
      case "ERROR_REQUIRED_PARAMETER" -> BadRequestException.invalidValue("SpaceONE needs a value the "
          + "request does not carry: " + message);
      default -> null;
    });
  }
}
