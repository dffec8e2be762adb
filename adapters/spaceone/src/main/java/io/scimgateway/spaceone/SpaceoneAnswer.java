package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * What one SpaceONE call answered: its result, or a refusal with SpaceONE's {@code ERROR_*} code. A
 * store acts on the codes it expects (a user that is not there, a password that did not change)
 * and otherwise throws {@link #failure()}, the SCIM error the refusal means for the client.
 */
record SpaceoneAnswer(ObjectNode result, String code, ScimException failure) {

  static SpaceoneAnswer of(ObjectNode result) {
    return new SpaceoneAnswer(result, null, null);
  }

  /**
   * @param generic the kit's SCIM error for the HTTP status, used for codes {@link SpaceoneRefusals}
   *     has no words of its own for
   */
  static SpaceoneAnswer refused(String code, String message, ScimException generic) {
    return new SpaceoneAnswer(null, code, SpaceoneRefusals.of(code, message).orElse(generic));
  }

  boolean ok() {
    return result != null;
  }

  boolean is(String errorCode) {
    return errorCode.equals(code);
  }

  ObjectNode orThrow() throws ScimException {
    if (result == null) {
      throw failure;
    }
    return result;
  }
}
