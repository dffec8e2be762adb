package io.scimgateway.gateway.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured static tokens together with the token store's, rereading the store when its file
 * changes (looked at no more than once a second), so that {@code token create} and {@code token
 * revoke} take effect in a running gateway without a restart. Thread-safe.
 */
public final class TokenStoreAuthenticator implements StaticTokens {

  private static final Duration RECHECK = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(TokenStoreAuthenticator.class);

  private final List<String> hashes;
  private final List<String> plainTokens;
  private final TokenStore store;
  private final Clock clock;
  private volatile StaticTokenAuthenticator current;
  private volatile FileTime loadedVersion;
  private volatile Instant checkedAt = Instant.MIN;

  /**
   * @param hashes the configuration's SHA-256 hashes
   * @param plainTokens tokens in plain text ({@code SCIM_GATEWAY_TOKEN})
   */
  public TokenStoreAuthenticator(List<String> hashes, List<String> plainTokens, TokenStore store,
      Clock clock) {
    this.hashes = List.copyOf(hashes);
    this.plainTokens = List.copyOf(plainTokens);
    this.store = Objects.requireNonNull(store, "store");
    this.clock = clock;
    reload();
  }

  /** Tells whether no token at all is configured or stored. */
  @Override
  public boolean isEmpty() {
    return current.isEmpty();
  }

  @Override
  public AuthResult authenticate(String token) {
    Instant now = clock.instant();
    if (now.isAfter(checkedAt.plus(RECHECK))) {
      checkedAt = now;
      if (!Objects.equals(version(), loadedVersion)) {
        try {
          reload();
        } catch (RuntimeException e) {
          // A file half-edited by hand: keep the tokens read last, and say so.
          LOG.warn("Keeping the tokens read before: {}", e.getMessage());
        }
      }
    }
    return current.authenticate(token);
  }

  private synchronized void reload() {
    FileTime version = version();
    current = new StaticTokenAuthenticator(hashes, plainTokens, store.list(), clock);
    loadedVersion = version;
  }

  private FileTime version() {
    try {
      return Files.exists(store.file()) ? Files.getLastModifiedTime(store.file()) : null;
    } catch (IOException e) {
      return loadedVersion;
    }
  }
}
