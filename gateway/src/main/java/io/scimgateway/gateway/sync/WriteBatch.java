package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes collected up to the target's batch size (and bulk payload limit), then sent together. Each
 * write remembers the row it came from, so that a failure is reported with its line.
 */
final class WriteBatch {

  /** A write's origin, and what to do with its result when it succeeds. */
  record Origin(long line, String key, String what, Consumer<WriteResult> onSuccess) {}

  private final SyncTarget target;
  private final int maxWrites;
  private final SyncOutcome outcome;
  private final Progress progress;
  private final List<TargetWrite> writes = new ArrayList<>();
  private final List<Origin> origins = new ArrayList<>();
  private final Map<String, String> bulkIdsByKey = new HashMap<>();
  private long bytes;
  private int nextBulkId;

  WriteBatch(SyncTarget target, SyncOutcome outcome, Progress progress, int maxWrites) {
    this.target = target;
    this.maxWrites = maxWrites;
    this.outcome = outcome;
    this.progress = progress;
  }

  /** The bulkId of a create of this batch for the user with {@code key}, or null. */
  String bulkIdOf(String key) {
    return bulkIdsByKey.get(key);
  }

  /** Whether one more write with this body still goes into the batch being collected. */
  boolean fits(ObjectNode data) {
    return writes.isEmpty() || (writes.size() < maxWrites
        && bytes + size(data) <= target.maxBatchBytes() * 9 / 10);
  }

  /** Adds a write, sending the batch first when it is full. */
  void add(TargetWrite write, Origin origin) throws TargetUnavailableException {
    if (!fits(write.data())) {
      flush();
    }
    writes.add(write);
    origins.add(origin);
    bytes += size(write.data());
  }

  private long size(ObjectNode data) {
    return target.maxBatchBytes() == Long.MAX_VALUE || data == null ? 0
        : data.toString().length() + 200L; // and the operation around it
  }

  /**
   * A POST, which later writes of the same batch may refer to by the returned bulkId. The caller
   * checks {@link #fits} first when {@code data} refers to an earlier POST of the batch.
   */
  String addCreate(String key, String path, ObjectNode data, Origin origin)
      throws TargetUnavailableException {
    String bulkId = "s" + (nextBulkId++);
    add(new TargetWrite("POST", path, bulkId, data), origin);
    if (key != null) {
      bulkIdsByKey.put(key, bulkId);
    }
    return bulkId;
  }

  /** Sends what is collected; results go to the origins, failures to the outcome. */
  void flush() throws TargetUnavailableException {
    if (writes.isEmpty()) {
      return;
    }
    List<WriteResult> results = target.write(List.copyOf(writes));
    for (int i = 0; i < results.size(); i++) {
      WriteResult result = results.get(i);
      Origin origin = origins.get(i);
      if (result.ok()) {
        origin.onSuccess().accept(result);
      } else {
        outcome.failures.add(new Failure(origin.line(), origin.key(), origin.what(), result.error()));
      }
    }
    progress.advance(writes.size());
    writes.clear();
    origins.clear();
    bulkIdsByKey.clear();
    bytes = 0;
  }
}
