package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.scimgateway.spi.PasswordHash;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imported password hashes on Appwrite's per-algorithm create calls ({@code POST /users/bcrypt} and so
 * on): which call, and which of the hash's options become which body fields.
 */
final class AppwritePasswordHashes {

  /** Per algorithm: the options it needs, as the gateway's extension names them, to Appwrite's names. */
  private static final Map<String, Map<String, String>> OPTIONS = Map.of(
      "argon2", Map.of(),
      "bcrypt", Map.of(),
      "md5", Map.of(),
      "phpass", Map.of(),
      "sha", Map.of("version", "passwordVersion"),
      "scrypt", Map.of("salt", "passwordSalt", "cpu", "passwordCpu", "memory", "passwordMemory",
          "parallel", "passwordParallel", "length", "passwordLength"),
      "scrypt-modified", Map.of("salt", "passwordSalt", "saltSeparator", "passwordSaltSeparator",
          "signerKey", "passwordSignerKey"));

  private static final Set<String> NUMERIC = Set.of("cpu", "memory", "parallel", "length");
  private static final List<String> SHA_VERSIONS = List.of("sha1", "sha224", "sha256", "sha384",
      "sha512/224", "sha512/256", "sha512", "sha3-224", "sha3-256", "sha3-384", "sha3-512");

  private AppwritePasswordHashes() {
  }

  static String route(PasswordHash hash) throws BadRequestException {
    if (!OPTIONS.containsKey(hash.algorithm())) {
      throw BadRequestException.invalidValue("Appwrite imports password hashes made with "
          + OPTIONS.keySet() + ", not \"" + hash.algorithm() + "\".");
    }
    return "/users/" + hash.algorithm();
  }

  static void addTo(ObjectNode body, PasswordHash hash) throws BadRequestException {
    body.put("password", hash.hash());
    for (Map.Entry<String, String> option : OPTIONS.get(hash.algorithm()).entrySet()) {
      String value = hash.options().get(option.getKey());
      if (value == null || value.isEmpty()) {
        throw BadRequestException.invalidValue("A " + hash.algorithm() + " password hash needs its "
            + option.getKey() + " (passwordHash." + option.getKey() + ").");
      }
      if (NUMERIC.contains(option.getKey())) {
        try {
          body.put(option.getValue(), Integer.parseInt(value));
        } catch (NumberFormatException e) {
          throw BadRequestException.invalidValue("passwordHash." + option.getKey()
              + " must be a whole number, not \"" + value + "\".");
        }
      } else {
        body.put(option.getValue(), value);
      }
    }
    if (hash.algorithm().equals("sha") && !SHA_VERSIONS.contains(hash.options().get("version"))) {
      throw BadRequestException.invalidValue("passwordHash.version must be one of " + SHA_VERSIONS
          + " for a sha hash.");
    }
  }
}
