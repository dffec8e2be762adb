package io.scimgateway.spaceone;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * SCIM ids of SpaceONE users: the {@code user_id} (URL-safe base64) and the user's creation time
 * (epoch milliseconds, base 36), as {@code <user_id>.<created>}. SpaceONE frees a user_id when its
 * user is deleted, but a SCIM id is never reassigned (RFC 7643 section 3.1): a user made again with
 * the same userName gets a new id, and the old id stays unknown. The id also needs no local mapping,
 * so users made in SpaceONE itself have one too.
 */
final class SpaceoneUserIds {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** A decoded id: the user_id and the creation stamp it was made with. */
  record Key(String userId, String created) {
  }

  private SpaceoneUserIds() {
  }

  static String of(String userId, String createdAt) {
    return ENCODER.encodeToString(userId.getBytes(StandardCharsets.UTF_8)) + "." + stamp(createdAt);
  }

  /** The id's user_id and stamp; empty for a string that is no id of ours. */
  static Optional<Key> parse(String id) {
    int dot = id.lastIndexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    try {
      String userId = new String(DECODER.decode(id.substring(0, dot)), StandardCharsets.UTF_8);
      return Optional.of(new Key(userId, id.substring(dot + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code user} (a SpaceONE user record's user_id and created_at) is the one the key names. */
  static boolean names(Key key, String userId, String createdAt) {
    return key.userId().equals(userId) && key.created().equals(stamp(createdAt));
  }

  private static String stamp(String createdAt) {
    try {
      return Long.toString(Instant.parse(createdAt).toEpochMilli(), 36);
    } catch (DateTimeParseException e) {
      return Integer.toString(createdAt.hashCode() & Integer.MAX_VALUE, 36);
    }
  }
}
