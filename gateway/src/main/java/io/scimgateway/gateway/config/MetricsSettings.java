package io.scimgateway.gateway.config;

import java.util.regex.Pattern;

/**
 * The {@code metrics:} section.
 *
 * @param enabled whether {@code GET /metrics} is served (true unless set)
 * @param tokenHash when set, the SHA-256 hash (hex) of the token {@code /metrics} requires, apart
 *     from the SCIM tokens; unset, it is open (it holds no personal data)
 */
public record MetricsSettings(Boolean enabled, String tokenHash) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  public MetricsSettings {
    enabled = enabled == null || enabled;
    if (tokenHash != null && !SHA256_HEX.matcher(tokenHash.strip()).matches()) {
      throw new IllegalArgumentException("metrics.tokenHash must be a SHA-256 hash (64 hexadecimal "
          + "characters): printf %s \"$TOKEN\" | sha256sum");
    }
  }
}
