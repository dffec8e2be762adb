package io.scimgateway.sqlitefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Database files readable and writable by their owner only: they hold every user's attributes and
 * password hashes. The file is created {@code rw-------} before SQLite opens it, and SQLite gives its
 * {@code -wal} and {@code -shm} files the database file's permissions. An existing file is narrowed
 * to the same. On file systems without POSIX permissions nothing changes.
 */
final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {
  }

  static void prepare(Path file) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      narrow(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the database file " + file, e);
    }
  }

  private static void narrow(Path file) {
    try {
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make " + file + " readable by its owner only", e);
    }
  }
}
