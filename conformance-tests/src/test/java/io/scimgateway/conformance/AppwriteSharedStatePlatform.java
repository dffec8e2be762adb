package io.scimgateway.conformance;

import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Appwrite with its local state on PostgreSQL ({@code backend.localState.type: postgres}) rather
 * than in a SQLite file: a fresh emulator and a database of the JVM's {@link PostgresCluster} of
 * its own for each data directory (so that a gateway restarted on the directory finds its state).
 */
public final class AppwriteSharedStatePlatform extends EmulatedPlatform {

  public AppwriteSharedStatePlatform() {
    super("appwrite-postgres-state", AppwritePlatform.CAPABILITIES);
  }

  @Override
  protected Started start(Path data) throws IOException {
    AppwriteEmulator emulator = new AppwriteEmulator("conformance", "conformance-key").start();
    PostgresCluster cluster = PostgresCluster.get();
    String database = "appwrite_state_" + HexFormat.of().toHexDigits(
        data.toAbsolutePath().normalize().toString().hashCode());
    cluster.createDatabase(database);
    return new Started(AppwritePlatform.section(emulator, data)
        .set("localState", PostgresPlatform.section(cluster, database)), emulator);
  }
}
