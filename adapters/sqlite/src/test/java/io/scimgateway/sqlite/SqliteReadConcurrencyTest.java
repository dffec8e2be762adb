package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.ReadConcurrency;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store asks the gateway for one read at a time per core: its reads are this process's
 * own work.
 */
class SqliteReadConcurrencyTest {

  @TempDir
  Path data;

  @Test
  void oneReadACore() {
    BackendContext context = new BackendContext(SchemaRegistry.load(),
        JsonNodeFactory.instance.objectNode(), data);
    try (Backend backend = new SqliteBackendProvider().open(context)) {
      assertEquals(new ReadConcurrency(Runtime.getRuntime().availableProcessors()),
          backend.capability(ReadConcurrency.class).orElseThrow());
    }
  }
}
