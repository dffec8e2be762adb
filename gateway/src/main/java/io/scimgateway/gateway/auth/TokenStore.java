package io.scimgateway.gateway.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named static tokens of one data directory, kept in {@code tokens.json} as hashes only. The
 * file and its replacements are created readable and writable by their owner alone, and replaced
 * atomically, so a running gateway never reads half a file. Used by {@code token create/list/revoke}
 * and by the gateway, which rereads the file when it changes ({@link TokenStoreAuthenticator}).
 */
public final class TokenStore {

  /** The file's name in the data directory. */
  public static final String FILE_NAME = "tokens.json";

  private static final String PREFIX = "sgw_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final Clock clock;

  public TokenStore(Path dataDirectory, Clock clock) {
    this.file = dataDirectory.resolve(FILE_NAME);
    this.clock = clock;
  }

  public Path file() {
    return file;
  }

  /** The tokens kept, in the order they were made; none when the file does not exist. */
  public List<NamedToken> list() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(file.toFile(), new TypeReference<List<StoredToken>>() { }).stream()
          .map(StoredToken::toToken).toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("The token store " + file + " cannot be read: "
          + e.getMessage(), e);
    }
  }

  /**
   * Makes a new token, keeps its hash, and returns the token itself: the only time it is seen.
   *
   * @param expires when it stops working, or null for never
   * @throws IllegalArgumentException when the name is taken or not a valid name
   */
  public synchronized String create(String name, Set<Scope> scopes, Instant expires) {
    NamedToken.checkName(name);
    List<NamedToken> tokens = new ArrayList<>(list());
    if (tokens.stream().anyMatch(t -> t.name().equals(name))) {
      throw new IllegalArgumentException("A token named \"" + name + "\" exists already; revoke it "
          + "first or choose another name");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    tokens.add(new NamedToken(name, StaticTokenAuthenticator.sha256Hex(token), scopes,
        clock.instant(), expires));
    save(tokens);
    return token;
  }

  /** Removes a token; false when there is none of that name. */
  public synchronized boolean revoke(String name) {
    List<NamedToken> tokens = new ArrayList<>(list());
    boolean removed = tokens.removeIf(t -> t.name().equals(name));
    if (removed) {
      save(tokens);
    }
    return removed;
  }

  private void save(List<NamedToken> tokens) {
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".tokens-", ".tmp", ownerOnly(directory));
      try {
        JSON.writeValue(temporary.toFile(), tokens.stream().map(StoredToken::of).toList());
        move(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the token store " + file + ": " + e.getMessage(), e);
    }
  }

  private void move(Path temporary) throws IOException {
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path directory) {
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  /** How one token is written in the file: plain strings, so the file reads well. */
  private record StoredToken(String name, String sha256, List<String> scopes, String created,
      String expires) {

    static StoredToken of(NamedToken token) {
      return new StoredToken(token.name(), token.sha256(),
          token.scopes().stream().map(Scope::label).toList(), token.created().toString(),
          token.expires() == null ? null : token.expires().toString());
    }

    NamedToken toToken() {
      return new NamedToken(name, sha256, scopes.stream().map(Scope::of).collect(
          Collectors.toCollection(() -> EnumSet.noneOf(Scope.class))),
          Instant.parse(created), expires == null ? null : Instant.parse(expires));
    }
  }
}
