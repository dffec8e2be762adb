package io.scimgateway.gateway.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.SharedSecrets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a page's resume point into an RFC 9865 cursor and back. A cursor is AES-GCM encrypted and
 * authenticated with a key only this process knows: clients cannot read it (it may hold a sort value)
 * or forge one (a changed character fails authentication). It is bound to the query it came from and
 * expires after the configured timeout.
 *
 * <p>The key is made when the gateway starts, so cursors do not survive a restart; a client then gets
 * {@code invalidCursor} and starts again from the first page. A backend that several instances share
 * (PostgreSQL) keeps the key instead ({@link SharedSecrets}), so that any instance reads any
 * instance's cursors. Thread-safe.
 */
public final class CursorCodec {

  /** RFC 9865 section 2.3 error types. */
  static final String INVALID_CURSOR = "invalidCursor";
  static final String EXPIRED_CURSOR = "expiredCursor";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String KEY_NAME = "cursor-key";
  private static final int KEY_BYTES = 32;

  private final SecretKey key;
  private final Duration timeout;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public CursorCodec(Duration timeout) {
    this(newKey(), timeout, Clock.systemUTC());
  }

  /** With the backend's shared key where it keeps one, else a key of this process. */
  public static CursorCodec of(Optional<SharedSecrets> secrets, Duration timeout) {
    if (secrets.isEmpty()) {
      return new CursorCodec(timeout);
    }
    try {
      byte[] key = secrets.get().secret(KEY_NAME, KEY_BYTES);
      return new CursorCodec(new SecretKeySpec(key, "AES"), timeout, Clock.systemUTC());
    } catch (ScimException e) {
      throw new IllegalStateException("The backend could not give the shared cursor key: "
          + e.getMessage(), e);
    }
  }

  CursorCodec(SecretKey key, Duration timeout, Clock clock) {
    this.key = key;
    this.timeout = timeout;
    this.clock = clock;
  }

  public Duration timeout() {
    return timeout;
  }

  String encode(CursorState state) {
    ObjectNode node = JSON.createObjectNode()
        .put("q", state.query())
        .put("b", state.backward())
        .put("o", state.offset())
        .put("x", clock.instant().plus(timeout).getEpochSecond());
    if (state.position() != null) {
      node.put("p", state.position());
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(node.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The state inside {@code cursor}, which must have been made for {@code query}.
   *
   * @throws BadRequestException {@code invalidCursor} for a cursor this gateway did not make for this
   *     query, {@code expiredCursor} for one older than the timeout
   */
  CursorState decode(String cursor, String query) throws BadRequestException {
    JsonNode node = open(cursor);
    if (node == null || !node.path("q").asText().equals(query)) {
      throw new BadRequestException("The cursor is not valid for this request. Send an empty cursor "
          + "to get the first page, then exactly the nextCursor or previousCursor of the page before, "
          + "with the same filter and sortBy.", INVALID_CURSOR);
    }
    if (Instant.ofEpochSecond(node.path("x").asLong()).isBefore(clock.instant())) {
      throw new BadRequestException("The cursor has expired: cursors are valid for "
          + timeout.toSeconds() + " seconds (cursorTimeout in /ServiceProviderConfig). Start again "
          + "with an empty cursor.", EXPIRED_CURSOR);
    }
    return new CursorState(query, node.hasNonNull("p") ? node.get("p").asText() : null,
        node.path("o").asLong(), node.path("b").asBoolean());
  }

  private JsonNode open(String cursor) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
        return null; // too short to hold a tag: the cipher would fail rather than refuse it
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return JSON.readTree(plain);
    } catch (IllegalArgumentException | GeneralSecurityException | IOException e) {
      return null; // not base64, not ours, or changed: all the same to the client
    }
  }

  private static SecretKey newKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      return generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available", e);
    }
  }

  /**
   * Where a cursor resumes.
   *
   * @param query what the cursor is bound to (resource type, filter, sort)
   * @param position the store position to resume after (or before), null for the first page
   * @param offset for stores without positions, the 0-based offset of the page
   * @param backward whether the page is the one before {@code position}
   */
  record CursorState(String query, String position, long offset, boolean backward) {
  }
}
