package io.scimgateway.gateway.delivery;

import io.scimgateway.gateway.core.password.ResetDelivery;
import io.scimgateway.gateway.core.password.ResetDeliveryException;
import io.scimgateway.gateway.core.password.ResetSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The default reset sink ({@code passwordReset.sink: file}): one line per reset appended to
 * {@value #FILE_NAME} in the data directory, a file only its owner can read or write, so that reset
 * tokens never reach the general log. An operator's job (or a mail script) reads them from there.
 * Thread-safe.
 */
public final class FileResetSink implements ResetSink {

  public static final String FILE_NAME = "password-resets.log";

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path file;

  public FileResetSink(Path file) {
    this.file = file;
  }

  @Override
  public synchronized void deliver(ResetDelivery delivery) throws ResetDeliveryException {
    try {
      createOwnerOnly();
      Files.writeString(file, LogResetSink.line(delivery) + System.lineSeparator(),
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new ResetDeliveryException("The gateway could not write the reset to its reset file.", e);
    }
  }

  private void createOwnerOnly() throws IOException {
    if (Files.exists(file)) {
      return;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(file);
    }
  }
}
