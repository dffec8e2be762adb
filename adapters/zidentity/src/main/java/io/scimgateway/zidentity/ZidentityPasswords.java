package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.PasswordReset;
import io.scimgateway.spi.ResetOutcome;
import java.time.Instant;
import java.util.Set;

/**
 * ZIdentity's password actions on a user, in the colon form its reference gives:
 * {@code PUT /users/{id}:updatepassword} sets a password ({@code resetPwdOnLogin} asks for a change at
 * the next sign-in), {@code POST /users/{id}:resetpassword} has ZIdentity email the user a reset.
 * Setting a password is repeatable and retried; a reset email is not repeated once it may have gone
 * out. Thread-safe.
 */
final class ZidentityPasswords implements PasswordManagement {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ZidentityApi api;

  ZidentityPasswords(ZidentityApi api) {
    this.api = api;
  }

  void update(String userId, String password, boolean changeAtNextSignIn) throws ScimException {
    ObjectNode body = JSON.objectNode().put("password", password)
        .put("resetPwdOnLogin", changeAtNextSignIn);
    api.repeatable("PUT", ZidentityUserStore.userPath(userId) + ":updatepassword", body);
  }

  @Override
  public Set<PasswordFeature> features() {
    return Set.of(PasswordFeature.RESET, PasswordFeature.MUST_CHANGE_WITH_PASSWORD,
        PasswordFeature.SKIP_MFA);
  }

  @Override
  public void setPassword(String userId, String password, boolean mustChange) throws ScimException {
    update(userId, password, mustChange);
  }

  /** {@code :setskipmfa} takes epoch seconds as a 32-bit integer; ZIdentity has no call to undo it. */
  @Override
  public void skipMfaUntil(String userId, Instant until) throws ScimException {
    long seconds = until.getEpochSecond();
    if (seconds < 0 || seconds > Integer.MAX_VALUE) {
      throw BadRequestException.invalidValue("ZIdentity takes skipMfaUntil between 1970 and 2038.");
    }
    api.repeatable("POST", ZidentityUserStore.userPath(userId) + ":setskipmfa",
        JSON.objectNode().put("timestamp", (int) seconds));
  }

  @Override
  public ResetOutcome reset(String userId, PasswordReset request) throws ScimException {
    api.act(ZidentityUserStore.userPath(userId) + ":resetpassword");
    return new ResetOutcome.PlatformNotified();
  }

  /** Never called: with {@link PasswordFeature#MUST_CHANGE_WITH_PASSWORD} the core calls setPassword. */
  @Override
  public void requirePasswordChange(String userId, boolean required) throws ScimException {
    throw BadRequestException.invalidValue("ZIdentity sets \"change at next sign-in\" only together "
        + "with a new password; send password in the same request.");
  }
}
