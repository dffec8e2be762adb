package io.scimgateway.gateway.sync;

import java.util.List;

/**
 * Where sync reads the directory and writes its changes. Writes go in batches of at most {@link
 * #batchSize()}; each write succeeds or fails on its own, and the answer has one result per write, in
 * order.
 */
interface SyncTarget extends AutoCloseable {

  /** What the target is, for messages: a URL, or the configured backend. */
  String description();

  Directory read() throws TargetUnavailableException;

  /** How many writes one {@link #write} may carry: the bulk limit, or 1 where there is no /Bulk. */
  int batchSize();

  /** Largest batch in bytes of JSON, where the target limits it. */
  long maxBatchBytes();

  List<WriteResult> write(List<TargetWrite> writes) throws TargetUnavailableException;

  @Override
  void close();
}
