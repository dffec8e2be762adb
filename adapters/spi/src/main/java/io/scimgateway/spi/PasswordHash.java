package io.scimgateway.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A password hash made by another system, to import with a user.
 *
 * @param algorithm the hash algorithm, lower case, as the gateway's password extension names it
 *     ({@code argon2}, {@code bcrypt}, {@code md5}, {@code phpass}, {@code sha}, {@code scrypt},
 *     {@code scrypt-modified})
 * @param hash the hash itself, in the encoding the algorithm uses
 * @param options the algorithm's parameters by name (salt, cost, variant), as strings
 */
public record PasswordHash(String algorithm, String hash, Map<String, String> options) {
  public PasswordHash {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hash, "hash");
    options = Map.copyOf(options);
  }

  @Override
  public String toString() {
    return "PasswordHash[algorithm=" + algorithm + ", options=" + options.keySet() + "]";
  }
}
