package io.scimgateway.gateway.core.write;

import io.scimgateway.spi.StoredResource;
import java.util.Arrays;

/**
 * Entity tags for resources (RFC 7644 section 3.14). The tag is weak, {@code W/"<version>"}: it
 * promises a semantically equal representation, which is what the store's version tracks.
 */
public final class ETags {

  private ETags() {
  }

  public static String of(StoredResource resource) {
    return "W/\"" + resource.version() + "\"";
  }

  /**
   * Whether an {@code If-Match} or {@code If-None-Match} header value names this resource's tag:
   * {@code *} names any, otherwise a comma-separated list compared weakly (RFC 7232 section 2.3.2).
   */
  public static boolean matches(String header, StoredResource resource) {
    String current = opaque(of(resource));
    return Arrays.stream(header.split(","))
        .map(String::trim)
        .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(current));
  }

  /**
   * Whether an {@code If-Match} header lets a write go ahead: as {@link #matches}, and also a tag
   * whose first part is the version's. A version's second part, after a dot, covers read-only
   * attributes kept apart from the resource (a user's groups): a read that skipped them answers the
   * first part only, one that named them both parts, and a write cannot lose them either way.
   */
  public static boolean allowsWrite(String header, StoredResource resource) {
    if (matches(header, resource)) {
      return true;
    }
    String base = StoredResource.versionBase(resource.version());
    return Arrays.stream(header.split(",")).map(String::trim)
        .anyMatch(tag -> StoredResource.versionBase(unquoted(opaque(tag))).equals(base));
  }

  private static String unquoted(String tag) {
    return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
        ? tag.substring(1, tag.length() - 1) : tag;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
