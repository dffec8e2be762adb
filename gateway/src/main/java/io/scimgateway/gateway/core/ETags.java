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

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
