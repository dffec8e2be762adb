package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The store on PostgreSQL: everything the suite tests but what reads or restarts the embedded SQLite
 * file itself ({@link Capability#EMBEDDED_STORE}), on a database of the JVM's
 * {@link PostgresCluster} of its own for each data directory (so that a gateway restarted on the
 * same directory finds its data, as on SQLite).
 */
public final class PostgresPlatform implements ConformancePlatform {

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.complementOf(EnumSet.of(Capability.EMBEDDED_STORE));
  }

  @Override
  public ObjectNode section(Path data) {
    PostgresCluster cluster = PostgresCluster.get();
    String database = "scim_" + HexFormat.of().toHexDigits(
        data.toAbsolutePath().normalize().toString().hashCode());
    cluster.createDatabase(database);
    return section(cluster, database);
  }

  /** The {@code backend:} section for {@code database} of {@code cluster}. */
  public static ObjectNode section(PostgresCluster cluster, String database) {
    return JsonNodeFactory.instance.objectNode()
        .put("type", "postgres")
        .put("url", cluster.url(database))
        .put("user", PostgresCluster.USER)
        .put("passwordFile", cluster.passwordFile().toString())
        .put("poolSize", 8);
  }
}
