package io.scimgateway.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Versions for {@code meta.version} (RFC 7644 section 3.14) of resources a platform holds in part and
 * the gateway's local state in part: a short digest that changes when either part changes.
 *
 * <p>From a platform that stamps its records ({@code $updatedAt}), use {@link #of}; from one that does
 * not, hash the platform's own fields with {@link #ofContent}. A version is the first 8 bytes, in hex,
 * of the SHA-256 of the parts as one compact JSON array with keys sorted at every depth: the order a
 * platform happens to send keys in never changes it, and neither does a gateway upgrade. Thread-safe.
 *
 * <pre>{@code
 * String version = ResourceVersions.of(appwriteUser.get("$updatedAt").asText(), local.attributes());
 * String version = ResourceVersions.ofContent(platformUser, local.attributes());
 * }</pre>
 */
public final class ResourceVersions {

  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
  private static final int DIGEST_BYTES = 8;

  private ResourceVersions() {
  }

  /**
   * The version of a resource from its platform's last-update stamp and its local attributes.
   *
   * @param platformUpdatedAt the platform's stamp, as the platform wrote it; not null
   * @param localAttributes the resource's local state, or null when it has none
   */
  public static String of(String platformUpdatedAt, ObjectNode localAttributes) {
    Objects.requireNonNull(platformUpdatedAt,
        "platformUpdatedAt: without the platform's stamp, hash its fields with ofContent");
    return ofContent(TextNode.valueOf(platformUpdatedAt), localAttributes);
  }

  /**
   * A version with a second part, after a dot, for read-only attributes the platform keeps apart from
   * the record (a user's groups, roles, entitlements), so that the version moves when they change.
   * A read that skipped them (null) leaves the part out. A write's {@code If-Match} is checked against
   * the first part only ({@link io.scimgateway.spi.StoredResource#versionBase}): a write cannot lose
   * what it cannot change.
   */
  public static String withRelated(String base, JsonNode... related) {
    boolean anyRead = java.util.Arrays.stream(related).anyMatch(java.util.Objects::nonNull);
    return anyRead ? base + "." + ofContent(related) : base;
  }

  /** The version of a resource from everything it is made of; a null part counts as JSON null. */
  public static String ofContent(JsonNode... parts) {
    ArrayNode all = CANONICAL.createArrayNode();
    for (JsonNode part : parts) {
      all.add(part == null ? NullNode.getInstance() : part);
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(all));
      return HexFormat.of().formatHex(hash, 0, DIGEST_BYTES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serializes", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
