package io.scimgateway.kit.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.sqlitefile.SqlDatabase;

/**
 * A database server that can hold local state, so that several gateways in front of one platform
 * share it ({@code backend.localState.type}). Found with {@link java.util.ServiceLoader}; the
 * PostgreSQL store's module provides {@code postgres}. Implementations are stateless.
 */
public interface LocalStateServer {

  /** The {@code localState.type} that selects this server. */
  String type();

  /** Its SQL for reading inside the stored JSON. */
  LocalStateSql sql();

  /**
   * Connects as the {@code localState:} section says and brings local state's tables up to date
   * (once, however many gateways start together).
   *
   * @throws IllegalArgumentException if the section is incomplete or wrong
   */
  SqlDatabase open(ObjectNode section);
}
