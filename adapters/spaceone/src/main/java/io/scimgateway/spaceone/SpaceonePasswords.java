package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.PasswordReset;
import io.scimgateway.spi.ResetOutcome;
import java.security.SecureRandom;
import java.util.Set;

/**
 * SpaceONE's password actions on a user. A SCIM {@code password} is {@code update{password}}
 * ("password not changed" is no error: it is what the client asked for); {@code resetPassword} is
 * the {@code reset-password} verb, after which SpaceONE emails a link or a temporary password as the
 * server's {@code RESET_PASSWORD_TYPE} says, to a verified email only; {@code mustChangePassword} is
 * {@code set-required-actions} with {@code UPDATE_PASSWORD}, which SpaceONE lifts only when the
 * password changes. Users of the domain's external authentication get the SCIM error that says
 * SpaceONE holds no password for them. Thread-safe.
 */
final class SpaceonePasswords implements PasswordManagement {

  static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
  private static final String LETTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final SpaceoneUsers users;
  private final SecureRandom random = new SecureRandom();

  SpaceonePasswords(SpaceoneUsers users) {
    this.users = users;
  }

  @Override
  public Set<PasswordFeature> features() {
    return Set.of(PasswordFeature.RESET, PasswordFeature.MUST_CHANGE);
  }

  /**
   * A password nobody knows, for a local user created without one (SpaceONE requires one): 24
   * characters with a lowercase and an uppercase letter and a digit. The user signs in after a reset
   * or once a password is set.
   */
  String unusable() {
    StringBuilder password = new StringBuilder("aA2");
    while (password.length() < 24) {
      password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return password.toString();
  }

  /** Refuses a password for a user SpaceONE does not authenticate itself. */
  static void requireLocal(ObjectNode user) throws BadRequestException {
    if (user.path("backend").asText().equals("EXTERNAL")) {
      throw BadRequestException.invalidValue("The user signs in through the domain's external "
          + "authentication; SpaceONE holds no password for it. Change it in that identity provider.");
    }
  }

  /** The user_id a SCIM id names. */
  private static String userId(String id) throws ResourceNotFoundException {
    return SpaceoneUserIds.parse(id).map(SpaceoneUserIds.Key::userId).orElseThrow(() -> notFound(id));
  }

  private static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No user has the id " + id + ".");
  }

  /** Sets a password in an update, with {@code fields} that change too; unchanged is no error. */
  ObjectNode update(String userId, ObjectNode fields, JsonNode password) throws ScimException {
    ObjectNode withPassword = fields.deepCopy().put("password", password.asText());
    SpaceoneAnswer answer = users.tryUpdate(userId, withPassword);
    if (answer.is(SpaceoneRefusals.PASSWORD_NOT_CHANGED)) {
      return fields.isEmpty() ? users.get(userId).orElseThrow(answer::failure) : users.update(userId, fields);
    }
    return answer.orThrow();
  }

  /** Not repeated once it may have been sent: each request sends one email at most. */
  @Override
  public ResetOutcome reset(String id, PasswordReset request) throws ScimException {
    users.act("reset-password", users.withUser(userId(id)), false).orThrow();
    return new ResetOutcome.PlatformNotified();
  }

  /** Required actions are only ever added; a password change is what lifts {@code UPDATE_PASSWORD}. */
  @Override
  public void requirePasswordChange(String id, boolean required) throws ScimException {
    String userId = userId(id);
    if (required) {
      ObjectNode body = users.withUser(userId);
      body.putArray("actions").add(UPDATE_PASSWORD);
      users.act("set-required-actions", body, true).orThrow();
      return;
    }
    ObjectNode user = users.get(userId).orElseThrow(() -> notFound(id));
    for (JsonNode action : user.path("required_actions")) {
      if (action.asText().equals(UPDATE_PASSWORD)) {
        throw BadRequestException.invalidValue("SpaceONE lifts \"must change the password\" only when "
            + "the password changes: send a new password instead of mustChangePassword false.");
      }
    }
  }
}
