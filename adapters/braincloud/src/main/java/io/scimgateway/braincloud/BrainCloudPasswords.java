package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.PasswordReset;
import io.scimgateway.spi.ResetOutcome;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Password resets through brainCloud's reset emails: the Email or Universal variant by the user's identity, with
 * expiry ({@code resetValidForSeconds}, in whole minutes, rounded up) and template ({@code resetTemplate}, sent as
 * the mail service's {@code templateId}) when asked. brainCloud sends the email; no token reaches the gateway. A
 * user it cannot send one (an External user, whose identity provider holds the password) is refused before the
 * write that asks for the reset.
 * "Must change at next sign-in" does not exist in brainCloud. Thread-safe.
 */
final class BrainCloudPasswords implements PasswordManagement {

  private final S2sClient client;
  private final UserReads reads;

  BrainCloudPasswords(S2sClient client, UserReads reads) {
    this.client = client;
    this.reads = reads;
  }

  @Override
  public Set<PasswordFeature> features() {
    return EnumSet.of(PasswordFeature.RESET, PasswordFeature.RESET_EXPIRY, PasswordFeature.RESET_TEMPLATE);
  }

  /** A reset with a write: refused before the write when brainCloud has no reset email for the user. */
  @Override
  public void checkReset(String userId) throws ScimException {
    resetVariant(userId);
  }

  @Override
  public ResetOutcome reset(String userId, PasswordReset request) throws ScimException {
    BrainCloudSettings.IdentityType type = resetVariant(userId);
    Integer minutes = request.validFor() == null ? null
        : (int) Math.max(1, (request.validFor().toSeconds() + 59) / 60);
    ObjectNode template = request.template() == null ? null
        : JsonNodeFactory.instance.objectNode().put("templateId", request.template());
    client.call(UserCalls.reset(type, userId, minutes, template));
    return new ResetOutcome.PlatformNotified();
  }

  /** Which reset email the user can have, by its identity; a precise refusal when none. */
  private BrainCloudSettings.IdentityType resetVariant(String userId) throws ScimException {
    List<UserReads.Platform> found = reads.byIds(List.of(userId));
    if (found.isEmpty()) {
      throw new ResourceNotFoundException("No user has the id " + userId + ".");
    }
    UserReads.Platform user = found.get(0);
    if (user.hasIdentity("Email")) {
      return BrainCloudSettings.IdentityType.EMAIL;
    }
    if (user.hasIdentity("Universal") && !user.contactEmail().isEmpty()) {
      return BrainCloudSettings.IdentityType.UNIVERSAL;
    }
    if (user.hasIdentity("External")) {
      throw BadRequestException.invalidValue("This user signs in through an external identity provider; brainCloud "
          + "keeps no password for it and sends it no reset email. Reset the password at that identity provider.");
    }
    throw BadRequestException.invalidValue("brainCloud sends reset emails to users with an Email identity, or a "
        + "Universal identity and a contact email; this user has neither. Give it a primary email first.");
  }

  @Override
  public void requirePasswordChange(String userId, boolean required) throws ScimException {
    throw BadRequestException.invalidValue("brainCloud has no \"change the password at next sign-in\".");
  }
}
