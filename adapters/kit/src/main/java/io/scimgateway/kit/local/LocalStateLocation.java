package io.scimgateway.kit.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Where a remote backend keeps its local state, from its {@code backend:} section: by default a
 * SQLite file in the data directory ({@code localStateFile}), or a database server that several
 * gateways in front of the same platform share:
 *
 * <pre>
 * backend:
 *   type: appwrite
 *   localState:
 *     type: postgres
 *     url: jdbc:postgresql://db.example.com:5432/scim_local
 *     user: scim_gateway
 *     passwordEnv: SCIM_GATEWAY_DB_PASSWORD
 * </pre>
 */
public sealed interface LocalStateLocation {

  /** A SQLite file of this gateway's own. */
  record File(Path path) implements LocalStateLocation {
  }

  /**
   * A server found by {@code type} ({@link LocalStateServer}), connected as {@code section} says,
   * shared with other gateways; this one is {@code owner} among them (its host and data directory,
   * the same after a restart).
   */
  record Server(String type, ObjectNode section, String owner) implements LocalStateLocation {

    /** Without the section, which may name where a password is. */
    @Override
    public String toString() {
      return "Server[" + type + ", " + owner + "]";
    }
  }

  /**
   * The location the {@code backend:} section names: its {@code localState} section, else the file
   * {@code localStateFile} (default {@code defaultFile}) in the data directory.
   */
  static LocalStateLocation from(ObjectNode backend, Path dataDirectory, String defaultFile) {
    JsonNode section = backend.get("localState");
    if (section == null || section.isNull()) {
      return new File(dataDirectory.resolve(backend.path("localStateFile").asText(defaultFile)));
    }
    if (!section.isObject()) {
      throw new IllegalArgumentException("backend.localState must be a section such as "
          + "{type: postgres, url: ..., user: ...}, not " + section.getNodeType());
    }
    String type = section.path("type").asText("");
    if (type.equals("sqlite")) {
      return new File(dataDirectory.resolve(section.path("file").asText(defaultFile)));
    }
    if (type.isBlank()) {
      throw new IllegalArgumentException("backend.localState.type is required: sqlite or postgres");
    }
    return new Server(type, (ObjectNode) section, hostName() + ":" + dataDirectory.toAbsolutePath());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return System.getenv().getOrDefault("HOSTNAME", "localhost");
    }
  }
}
