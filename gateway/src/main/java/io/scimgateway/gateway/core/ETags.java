package io.scimgateway.gateway.core;

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
   * Whether an {@code If-Match} header lets a write go ahead: as {@link #matches}, and also a tag that
   * names the version's first part alone. A version's second part, after a dot, covers read-only
   * attributes kept apart from the resource (a user's groups): a read that skipped them answers the
   * first part only, and a write cannot lose them.
   */
  public static boolean allowsWrite(String header, StoredResource resource) {
    if (matches(header, resource)) {
      return true;
    }
    String version = resource.version();
    int dot = version.indexOf('.');
    if (dot < 0) {
      return false;
    }
    String first = "\"" + version.substring(0, dot) + "\"";
    return Arrays.stream(header.split(",")).map(String::trim).anyMatch(tag -> opaque(tag).equals(first));
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
