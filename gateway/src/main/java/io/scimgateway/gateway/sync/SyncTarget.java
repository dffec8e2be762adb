package io.scimgateway.gateway.sync;

import java.util.Collection;
import java.util.List;

/**
 * Where sync reads the directory and writes its changes. Writes go in batches of at most {@link
 * #batchSize()}; each write succeeds or fails on its own, and the answer has one result per write, in
 * order.
 */
interface SyncTarget extends AutoCloseable {

  /** What the target is, for messages: a URL, or the configured backend. */
  String description();

  /** Every user, keeping only what the plan reads of each, and every group with its members. */
  Directory read(PlannedAttributes planned) throws TargetUnavailableException;

  /**
   * Some users and groups only: the users whose {@code keyAttribute} holds one of {@code keys}
   * (what the plan reads of each, and their {@code groups}), and the groups with these displayNames,
   * without their members. A run with a previous export reads no more than this.
   */
  Directory readSome(PlannedAttributes planned, String keyAttribute, Collection<String> keys,
      Collection<String> groupNames) throws TargetUnavailableException;

  /** How many writes one {@link #write} may carry: the bulk limit, or 1 where there is no /Bulk. */
  int batchSize();

  /** Largest batch in bytes of JSON, where the target limits it. */
  long maxBatchBytes();

  List<WriteResult> write(List<TargetWrite> writes) throws TargetUnavailableException;

  /**
   * Most member values one group PATCH carries. A server reads the whole group again for every
   * PATCH of its members (to answer it, and for its version), so a large group fills fastest in few
   * large PATCHes where the target takes them; a thousand keeps any server's payload limit.
   */
  default int membersPerWrite() {
    return 1_000;
  }

  @Override
  void close();
}
