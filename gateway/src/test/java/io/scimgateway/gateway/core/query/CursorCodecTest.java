package io.scimgateway.gateway.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.scimgateway.gateway.core.query.CursorCodec.CursorState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

  private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "AES");
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final CursorCodec codec = codecAt(NOW);

  @Test
  void roundTripsTheStateForTheSameQuery() throws BadRequestException {
    CursorState state = new CursorState("User|userName sw \"a\"|", "[\"ann\",42]", 0, true);
    assertEquals(state, codec.decode(codec.encode(state), state.query()));
  }

  @Test
  void isOpaque() {
    String cursor = codec.encode(new CursorState("q", "[\"secret-sort-value\",42]", 0, false));
    assertFalse(new String(java.util.Base64.getUrlDecoder().decode(cursor)).contains("secret"));
  }

  @Test
  void refusesAChangedCursor() {
    String cursor = codec.encode(new CursorState("q", "[null,42]", 0, false));
    char flipped = cursor.charAt(20) == 'A' ? 'B' : 'A';
    String changed = cursor.substring(0, 20) + flipped + cursor.substring(21);
    assertScimType(CursorCodec.INVALID_CURSOR, () -> codec.decode(changed, "q"));
  }

  @Test
  void refusesACursorOfAnotherQueryOrKey() {
    String cursor = codec.encode(new CursorState("q", "[null,42]", 0, false));
    assertScimType(CursorCodec.INVALID_CURSOR, () -> codec.decode(cursor, "other"));
    CursorCodec restarted = new CursorCodec(new SecretKeySpec(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES"),
        Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
    assertScimType(CursorCodec.INVALID_CURSOR, () -> restarted.decode(cursor, "q"));
    assertScimType(CursorCodec.INVALID_CURSOR, () -> codec.decode("not a cursor!", "q"));
    assertScimType(CursorCodec.INVALID_CURSOR, () -> codec.decode("", "q"));
  }

  @Test
  void refusesAnExpiredCursor() {
    String cursor = codec.encode(new CursorState("q", "[null,42]", 0, false));
    CursorCodec later = codecAt(NOW.plus(Duration.ofMinutes(11)));
    assertScimType(CursorCodec.EXPIRED_CURSOR, () -> later.decode(cursor, "q"));
  }

  private static CursorCodec codecAt(Instant now) {
    return new CursorCodec(KEY, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static void assertScimType(String scimType, org.junit.jupiter.api.function.Executable call) {
    BadRequestException e = assertThrows(BadRequestException.class, call);
    assertEquals(scimType, e.getScimError().getScimType());
  }
}
