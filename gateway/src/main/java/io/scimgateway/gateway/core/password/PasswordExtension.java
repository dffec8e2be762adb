package io.scimgateway.gateway.core.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.spi.PasswordFeature;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's password extension on User ({@value #URN}). Its attributes ask for a password action
 * rather than hold data: all are write-only and never returned, and each needs one
 * {@link PasswordFeature} of the User store. The core takes the extension out of a checked resource
 * before the store sees it, and acts on it after the write.
 */
public final class PasswordExtension {

  public static final String URN = "urn:scimgateway:params:scim:schemas:extension:password:1.0:User";

  /** Each attribute of the extension, the feature it needs, and what it asks a backend to do. */
  public enum Attribute {
    RESET_PASSWORD("resetPassword", PasswordFeature.RESET, "start a password reset"),
    RESET_TEMPLATE("resetTemplate", PasswordFeature.RESET_TEMPLATE,
        "choose the message template of a password reset"),
    RESET_VALID_FOR_SECONDS("resetValidForSeconds", PasswordFeature.RESET_EXPIRY,
        "set how long a password reset stays valid"),
    MUST_CHANGE_PASSWORD("mustChangePassword", PasswordFeature.MUST_CHANGE,
        "require a password change at the next sign-in"),
    PASSWORD_HASH("passwordHash", PasswordFeature.HASH_IMPORT,
        "create a user from a password hash made elsewhere"),
    SKIP_MFA_UNTIL("skipMfaUntil", PasswordFeature.SKIP_MFA,
        "let the user sign in without multi-factor authentication for a while");

    public final String schemaName;
    final PasswordFeature feature;
    final String ability;

    Attribute(String schemaName, PasswordFeature feature, String ability) {
      this.schemaName = schemaName;
      this.feature = feature;
      this.ability = ability;
    }
  }

  private PasswordExtension() {
  }

  /** Whether a store with these features serves an attribute of the extension, by its schema name. */
  public static boolean supported(String attributeName, Set<PasswordFeature> features) {
    return Arrays.stream(Attribute.values())
        .filter(attribute -> attribute.schemaName.equalsIgnoreCase(attributeName))
        .anyMatch(attribute -> supported(attribute, features));
  }

  /** "Must change" is served in two ways: on its own, or only together with a new password. */
  static boolean supported(Attribute attribute, Set<PasswordFeature> features) {
    return features.contains(attribute.feature) || (attribute == Attribute.MUST_CHANGE_PASSWORD
        && features.contains(PasswordFeature.MUST_CHANGE_WITH_PASSWORD));
  }

  /**
   * Removes the extension, and its URN in {@code schemas}, from a checked resource.
   *
   * @return the extension's attributes; empty when the resource carried none
   */
  static ObjectNode take(ObjectNode resource) {
    ObjectNode taken = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = resource.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(URN)) {
        if (field.getValue() instanceof ObjectNode attributes) {
          taken.setAll(attributes);
        }
        fields.remove();
      }
    }
    if (resource.get("schemas") instanceof ArrayNode schemas) {
      for (Iterator<JsonNode> each = schemas.elements(); each.hasNext(); ) {
        if (each.next().asText().equalsIgnoreCase(URN)) {
          each.remove();
        }
      }
    }
    return taken;
  }
}
