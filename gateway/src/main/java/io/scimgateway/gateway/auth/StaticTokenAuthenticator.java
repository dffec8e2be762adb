package io.scimgateway.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accepts the gateway's static bearer tokens: those of the configuration and {@code
 * SCIM_GATEWAY_TOKEN}, which hold every scope, and the named ones of the token store, which hold
 * their own scopes until they expire.
 *
 * <p>Only SHA-256 hashes are kept in memory, never a plain token. A presented token is hashed and
 * compared against every stored hash with {@link MessageDigest#isEqual}, without stopping at the
 * first match, so the time taken does not tell which entry matched. The subject of a match is a
 * named token's name, else {@code "static-token:"} followed by the first 8 hex characters of its
 * hash, safe to log.
 *
 * <p>Immutable and thread-safe.
 */
public final class StaticTokenAuthenticator implements StaticTokens {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final HexFormat HEX = HexFormat.of();

  private final List<byte[]> hashes;
  private final List<String> subjects;
  private final List<Set<Scope>> scopes;
  private final List<Instant> expiries;
  private final Clock clock;

  /**
   * Builds the authenticator.
   *
   * @param sha256Hashes SHA-256 hashes of accepted tokens, 64 hex characters each, any case (see
   *     {@link #sha256Hex(String)}); null means none
   * @param plainTokens accepted tokens in plain text (for example from the environment variable
   *     {@code SCIM_GATEWAY_TOKEN}); hashed at once and not kept; null means none
   * @throws IllegalArgumentException naming the entry by its index when a hash is not 64 hex
   *     characters or a plain token is blank
   */
  public StaticTokenAuthenticator(List<String> sha256Hashes, List<String> plainTokens) {
    this(sha256Hashes, plainTokens, List.of(), Clock.systemUTC());
  }

  /**
   * Builds the authenticator with the token store's tokens too.
   *
   * @param named the token store's tokens, each with its name, scopes and expiry
   * @param clock tells when a named token has expired
   */
  public StaticTokenAuthenticator(List<String> sha256Hashes, List<String> plainTokens,
      List<NamedToken> named, Clock clock) {
    List<byte[]> all = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> given = sha256Hashes == null ? List.of() : sha256Hashes;
    for (int i = 0; i < given.size(); i++) {
      String hash = given.get(i) == null ? "" : given.get(i).trim();
      if (!SHA256_HEX.matcher(hash).matches()) {
        throw new IllegalArgumentException(
            "static token hash #" + i + " is not a SHA-256 hash (64 hexadecimal characters)");
      }
      add(HEX.parseHex(hash.toLowerCase(Locale.ROOT)), all, names);
    }
    List<String> plain = plainTokens == null ? List.of() : plainTokens;
    for (int i = 0; i < plain.size(); i++) {
      if (plain.get(i) == null || plain.get(i).isBlank()) {
        throw new IllegalArgumentException("static plain token #" + i + " is blank");
      }
      add(sha256(plain.get(i)), all, names);
    }
    List<Set<Scope>> granted = new ArrayList<>(Collections.nCopies(all.size(), Scope.all()));
    List<Instant> expires = new ArrayList<>(Collections.nCopies(all.size(), (Instant) null));
    for (NamedToken token : named) {
      all.add(HEX.parseHex(token.sha256()));
      names.add(token.name());
      granted.add(token.scopes());
      expires.add(token.expires());
    }
    this.hashes = List.copyOf(all);
    this.subjects = List.copyOf(names);
    this.scopes = List.copyOf(granted);
    this.expiries = Collections.unmodifiableList(expires);
    this.clock = clock;
  }

  /**
   * An authenticator that accepts no token.
   *
   * @return the authenticator
   */
  public static StaticTokenAuthenticator none() {
    return new StaticTokenAuthenticator(List.of(), List.of());
  }

  /**
   * The value to put in the configuration for a token: its SHA-256 hash, lower-case hex.
   *
   * @param token the plain token
   * @return 64 lower-case hex characters
   */
  public static String sha256Hex(String token) {
    return HEX.formatHex(sha256(token));
  }

  /**
   * Tells whether no token at all is configured.
   *
   * @return true when every token is refused
   */
  @Override
  public boolean isEmpty() {
    return hashes.isEmpty();
  }

  @Override
  public AuthResult authenticate(String token) {
    if (token == null || token.isBlank()) {
      return new AuthResult.Rejected(RejectionReasons.MISSING);
    }
    byte[] presented = sha256(token);
    int matched = -1;
    for (int i = 0; i < hashes.size(); i++) {
      boolean equal = MessageDigest.isEqual(presented, hashes.get(i));
      matched = equal ? i : matched;
    }
    if (matched < 0) {
      return new AuthResult.Rejected(RejectionReasons.NOT_RECOGNISED);
    }
    Instant expires = expiries.get(matched);
    if (expires != null && !clock.instant().isBefore(expires)) {
      return new AuthResult.Rejected(RejectionReasons.EXPIRED);
    }
    return new AuthResult.Authenticated(
        new Principal(subjects.get(matched), scopes.get(matched), Principal.STATIC_TOKEN));
  }

  private static void add(byte[] hash, List<byte[]> all, List<String> names) {
    all.add(hash);
    names.add(Principal.STATIC_TOKEN + ":" + HEX.formatHex(hash).substring(0, 8));
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
