package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * What the gateway accepts from clients beyond the letter of RFC 7644, because identity providers send
 * it. Each leniency is a named switch in the configuration ({@code compatibility:}); the defaults
 * accept both Okta and Microsoft Entra ID.
 *
 * @param booleanStrings accept {@code "True"}/{@code "False"} (any case) where a boolean is expected:
 *     Entra's {@code emails[primary eq "True"]} and {@code {"op": "Replace", "path": "active",
 *     "value": "False"}}
 * @param valuePathComparisons accept {@code emails[type eq "work"].value eq "x"}, which Entra sends to
 *     look users up by email, as the equivalent {@code emails[type eq "work" and value eq "x"]}
 * @param bareComplexValues accept a string where a complex attribute with a {@code value}
 *     sub-attribute is expected, as that value: Entra sets the enterprise {@code manager} to an id
 * @param valuePathUpserts a PATCH {@code add} or {@code replace} on {@code emails[type eq "work"].value}
 *     that matches no value creates {@code {"type": "work", "value": ...}} instead of failing with
 *     {@code noTarget}, as Entra expects
 * @param removeListedValues a PATCH {@code remove} of {@code members} with a {@code value} list
 *     removes exactly the listed members (Entra), not the whole attribute
 * @param emptyPatches a PATCH with no operations changes nothing and answers 200 (Entra's validator)
 * @param dottedValueKeys a path-less PATCH value may name attributes by path ({@code "name.givenName"},
 *     {@code "urn:...:User:employeeNumber"}), as Entra does with {@code aadOptscim062020}
 * @param unknownSchemaUris URIs in a resource's {@code schemas} that name no schema of its type are
 *     ignored (Entra lists Microsoft's own), rather than refused
 * @param schemalessBodies a POST, PUT or PATCH body without {@code schemas} gets the endpoint's core
 *     schema (and the extensions whose URNs it uses) or the PatchOp URN, as widely used clients send
 *     none; off, such a body is {@code 400 invalidSyntax}
 */
public record ClientCompatibility(boolean booleanStrings, boolean valuePathComparisons,
    boolean bareComplexValues, boolean valuePathUpserts, boolean removeListedValues,
    boolean emptyPatches, boolean dottedValueKeys, boolean unknownSchemaUris,
    boolean schemalessBodies) {

  public static ClientCompatibility defaults() {
    return new ClientCompatibility(true, true, true, true, true, true, true, true, true);
  }

  /**
   * {@code value} as a JSON boolean when it is {@code "True"}/{@code "False"} in any case and
   * {@link #booleanStrings} allows it; otherwise {@code value} unchanged.
   */
  public JsonNode booleanOf(JsonNode value) {
    if (!booleanStrings || value == null || !value.isTextual()) {
      return value;
    }
    String text = value.textValue();
    boolean isTrue = text.equalsIgnoreCase("true");
    return isTrue || text.equalsIgnoreCase("false")
        ? BooleanNode.valueOf(isTrue) : value;
  }

  /** Only what the RFC allows. */
  public static ClientCompatibility strict() {
    return new ClientCompatibility(false, false, false, false, false, false, false, false, false);
  }
}
