package io.scimgateway.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A resource's version: its row version, which every write to the row raises, and, when the resource
 * has attributes computed from other rows that change without a write to its own (a user's {@code
 * groups}), a digest of those. A user added to a group so gets a new ETag without a write to its row.
 * (A group's row is written when its members come and go or are renamed: see {@link
 * DerivedAttributes#inVersion}.)
 *
 * <p>Conditional writes compare only the row version: the computed part is not the row's to lose.
 */
final class ResourceVersion {

  private ResourceVersion() {
  }

  static String of(long rowVersion, JsonNode computed) {
    if (computed == null) {
      return Long.toString(rowVersion);
    }
    return rowVersion + "." + digest(computed.toString());
  }

  static long rowVersion(String version) {
    int dot = version.indexOf('.');
    return Long.parseLong(dot < 0 ? version : version.substring(0, dot));
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
