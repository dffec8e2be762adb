package io.scimgateway.gateway.core.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.scimgateway.gateway.core.password.PasswordExtension.Attribute;
import io.scimgateway.spi.PasswordHash;
import io.scimgateway.spi.PasswordReset;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one request asked of the password extension, read from its attributes (already type-checked
 * against the schema). Holds secrets: {@link #toString()} names only what was asked.
 *
 * @param reset the reset to start, or null
 * @param mustChange the "must change at next sign-in" to set, or null to leave it
 * @param hash the password hash to create the user with, or null
 * @param skipMfaUntil until when the user may sign in without multi-factor authentication, or null
 * @param password the password to set together with {@code mustChange} after the write, for a store
 *     that sets both in one call; null when the write itself carries the password
 * @param asked the attributes that ask for something, whose features the store must have
 */
public record PasswordRequest(PasswordReset reset, Boolean mustChange, PasswordHash hash, Instant skipMfaUntil,
    String password, Set<Attribute> asked) {

  /** One year: longer makes no sense for a reset, and keeps expiry arithmetic far from overflow. */
  private static final long MAX_VALID_FOR_SECONDS = 365L * 24 * 3600;

  public static final PasswordRequest NONE = new PasswordRequest(null, null, null, null, null, Set.of());

  static PasswordRequest of(ObjectNode extension) throws BadRequestException {
    if (extension.isEmpty()) {
      return NONE;
    }
    Set<Attribute> asked = EnumSet.noneOf(Attribute.class);
    boolean reset = extension.path(Attribute.RESET_PASSWORD.schemaName).asBoolean(false);
    if (reset) {
      asked.add(Attribute.RESET_PASSWORD);
    }
    String template = text(extension, Attribute.RESET_TEMPLATE, asked);
    Duration validFor = validFor(extension, asked);
    if (!reset && (template != null || validFor != null)) {
      throw BadRequestException.invalidValue("resetTemplate and resetValidForSeconds of "
          + PasswordExtension.URN + " go with \"resetPassword\": true, which the request lacks.");
    }
    JsonNode mustChange = present(extension, Attribute.MUST_CHANGE_PASSWORD, asked);
    JsonNode hash = present(extension, Attribute.PASSWORD_HASH, asked);
    return new PasswordRequest(reset ? new PasswordReset(template, validFor) : null,
        mustChange == null ? null : mustChange.asBoolean(), hash == null ? null : hash(hash),
        skipMfaUntil(extension, asked), null, asked);
  }

  /** The same request, with the password to set together with {@code mustChange}. */
  PasswordRequest withPassword(String newPassword) {
    return new PasswordRequest(reset, mustChange, hash, skipMfaUntil, newPassword, asked);
  }

  /** What is left once a held-back password (and the must-change that went with it) is set. */
  PasswordRequest withoutHeldPassword() {
    return new PasswordRequest(reset, password != null ? null : mustChange, hash, skipMfaUntil, null,
        asked);
  }

  private static Instant skipMfaUntil(ObjectNode extension, Set<Attribute> asked)
      throws BadRequestException {
    String until = text(extension, Attribute.SKIP_MFA_UNTIL, asked);
    if (until == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(until).toInstant();
    } catch (DateTimeParseException e) {
      throw BadRequestException.invalidValue("skipMfaUntil must be a dateTime such as "
          + "2030-01-31T12:00:00Z, not \"" + until + "\".");
    }
  }

  public boolean isEmpty() {
    return asked.isEmpty();
  }

  private static Duration validFor(ObjectNode extension, Set<Attribute> asked)
      throws BadRequestException {
    JsonNode seconds = present(extension, Attribute.RESET_VALID_FOR_SECONDS, asked);
    if (seconds == null) {
      return null;
    }
    if (seconds.asLong() < 1 || seconds.asLong() > MAX_VALID_FOR_SECONDS) {
      throw BadRequestException.invalidValue("resetValidForSeconds must be from 1 to "
          + MAX_VALID_FOR_SECONDS + " (one year).");
    }
    return Duration.ofSeconds(seconds.asLong());
  }

  /** The hash and its options; the schema has already required algorithm and hash. */
  private static PasswordHash hash(JsonNode node) {
    Map<String, String> options = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("algorithm") && !field.getKey().equals("hash")
          && !field.getValue().isNull()) {
        options.put(field.getKey(), field.getValue().asText());
      }
    });
    return new PasswordHash(node.path("algorithm").asText(), node.path("hash").asText(), options);
  }

  private static String text(ObjectNode extension, Attribute attribute, Set<Attribute> asked) {
    JsonNode value = present(extension, attribute, asked);
    return value == null ? null : value.asText();
  }

  private static JsonNode present(ObjectNode extension, Attribute attribute, Set<Attribute> asked) {
    JsonNode value = extension.get(attribute.schemaName);
    if (value == null || value.isNull()) {
      return null;
    }
    asked.add(attribute);
    return value;
  }

  @Override
  public String toString() {
    return "PasswordRequest" + asked;
  }
}
