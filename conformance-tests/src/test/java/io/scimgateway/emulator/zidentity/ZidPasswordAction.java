package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.JsonNode;

/** One accepted password action on a user, with the body it came with, recorded so tests can count calls. */
public record ZidPasswordAction(String userId, Kind kind, JsonNode body) {

  /** The actions: their verb, as in {@code /users/{id}:verb}, and HTTP method. */
  public enum Kind {
    UPDATE_PASSWORD("updatepassword", "PUT"),
    RESET_PASSWORD("resetpassword", "POST"),
    SET_SKIP_MFA("setskipmfa", "POST");

    private final String verb;
    private final String method;

    Kind(String verb, String method) {
      this.verb = verb;
      this.method = method;
    }

    public String verb() {
      return verb;
    }

    public String method() {
      return method;
    }

    /** The kind for a verb, or null. */
    static Kind ofVerb(String verb) {
      for (Kind kind : values()) {
        if (kind.verb.equals(verb)) {
          return kind;
        }
      }
      return null;
    }
  }
}
