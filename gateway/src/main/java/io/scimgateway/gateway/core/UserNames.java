package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;

/**
 * {@code userName}s in Unicode Normalization Form C, as RFC 8265 prepares user names: "José" typed as
 * {@code e} plus a combining accent (NFD) and as one {@code é} (NFC) is one user. Stored names and the
 * values filters compare them with are both normalized, so uniqueness and lookups ignore the form on
 * every backend.
 */
public final class UserNames {

  public static final String USER_NAME = "userName";

  private UserNames() {
  }

  /** {@code resource} with its {@code userName}, if any, in NFC. */
  public static ObjectNode normalize(ObjectNode resource) {
    JsonNode userName = resource.get(USER_NAME);
    if (userName != null && userName.isTextual()) {
      resource.put(USER_NAME, nfc(userName.textValue()));
    }
    return resource;
  }

  public static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
