package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.braincloud.BrainCloudSettings.IdentityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creates and replaces users. Whatever brainCloud cannot take is refused before anything is written: a userName
 * that is no email address for Email identities, a new login id of a Universal or External user, a password for an
 * Email user after creation, any password for an External user. Several changes of one replace go in one packet.
 * Thread-safe.
 */
final class UserWrites {

  private final S2sClient client;
  private final BrainCloudSettings settings;
  private final boolean deleteChildren;
  private final Logins logins;

  /** Finds the users that sign in with a login id, whatever its case. */
  @FunctionalInterface
  interface Logins {
    List<UserReads.Platform> withLogin(String userName) throws ScimException;
  }

  UserWrites(S2sClient client, BrainCloudSettings settings, Logins logins) {
    this.client = client;
    this.logins = logins;
    this.settings = settings;
    this.deleteChildren = settings.deleteChildren();
  }

  boolean deleteChildren() {
    return deleteChildren;
  }

  /** A user brainCloud created, and what local state keeps of it. */
  record Created(String profileId, ObjectNode local) {
  }

  /** Creates the user with the configured identity. */
  Created create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    JsonNode password = scim.remove("password");
    scim.remove("groups");
    String userName = scim.path("userName").asText("");
    IdentityType identityType = settings.identityType();
    if (identityType == IdentityType.EMAIL && !userName.contains("@")) {
      throw BadRequestException.invalidValue("brainCloud signs Email users in with an email address, and '"
          + userName + "' is none. Send an email address as userName, or configure backend.identityType: "
          + "Universal.");
    }
    if (identityType == IdentityType.EXTERNAL && password != null && !password.isNull()) {
      throw noPassword();
    }
    if (identityType != IdentityType.EMAIL) {
      requireFree(userName, null); // brainCloud compares these ids with case, SCIM without
    }
    String playerName = scim.path("displayName").asText("");
    String contact = identityType == IdentityType.EMAIL ? userName : UserView.primaryEmail(scim);
    JsonNode created = client.call(UserCalls.create(settings, userName,
        password == null || password.isNull() ? null : password.asText(), playerName,
        contact.isEmpty() ? null : contact));
    return new Created(created.path("profileId").asText(), held(scim, playerName, contact));
  }

  /** Applies a replace: brainCloud's calls in one packet; returns what local state keeps. */
  ObjectNode replace(UserReads.Platform user, ObjectNode before, ObjectNode after) throws ScimException {
    ObjectNode scim = after.deepCopy();
    JsonNode password = scim.remove("password");
    scim.remove("groups");
    List<S2sMessage> calls = new ArrayList<>();
    String contact = user.contactEmail();
    String oldLogin = user.login();
    String newLogin = scim.path("userName").asText("");
    if (password != null && !password.isNull() && !user.hasIdentity("Universal")) {
      throw user.hasIdentity("Email") ? BadRequestException.mutability("brainCloud cannot set an Email user's "
          + "password; the user sets it through a reset email. Send a password reset (the password extension's "
          + "reset) instead.") : noPassword();
    }
    if (!newLogin.equals(oldLogin)) {
      requireFree(newLogin, user.profileId());
      if (!user.hasIdentity("Email")) {
        throw BadRequestException.mutability("brainCloud cannot change a " + (user.hasIdentity("Universal")
            ? "Universal login id" : "user's external identity") + "; delete the user and create it with the new "
            + "userName.");
      }
      boolean contactToo = contact.equalsIgnoreCase(oldLogin);
      calls.add(UserCalls.changeEmailIdentity(user.profileId(), oldLogin, newLogin, contactToo));
      contact = contactToo ? newLogin : contact;
    }
    if (password != null && !password.isNull()) {
      calls.add(UserCalls.setUniversalPassword(user.profileId(), password.asText()));
    }
    if (before.path("active").asBoolean(true) && !scim.path("active").asBoolean(true)) {
      calls.add(UserCalls.invalidateSessions(user.profileId())); // brainCloud has no "disabled": end sessions
    }
    client.callAll(calls);
    return held(scim, user.playerName(), contact);
  }

  /** External users sign in with their identity provider: brainCloud keeps no password for them. */
  private static BadRequestException noPassword() {
    return BadRequestException.mutability("brainCloud keeps no password for users who sign in through an external "
        + "identity (identityType External): set or reset it at that identity provider, and send no password.");
  }

  /** 409 when another user signs in with this login id. */
  private void requireFree(String userName, String self) throws ScimException {
    for (UserReads.Platform other : logins.withLogin(userName)) {
      if (!other.profileId().equals(self)) {
        throw ResourceConflictException.uniqueness("Another brainCloud user signs in with " + userName + ".");
      }
    }
  }

  /** Local state: the client's attributes, the login index, and which values brainCloud holds otherwise. */
  private static ObjectNode held(ObjectNode scim, String playerName, String contact) {
    ObjectNode held = scim.deepCopy();
    held.put(UserView.LOGIN_KEY, scim.path("userName").asText("").toLowerCase(Locale.ROOT));
    List<String> kept = new ArrayList<>();
    if (!scim.path("displayName").asText("").equals(playerName)) {
      kept.add("displayName");
    }
    if (scim.path("emails").size() > 1
        || !UserView.primaryEmail(scim).equalsIgnoreCase(contact == null ? "" : contact)) {
      kept.add("emails");
    }
    held.putArray(UserView.KEPT_LOCALLY).addAll(kept.stream().map(held::textNode).toList());
    return held;
  }
}
