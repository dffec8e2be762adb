package io.scimgateway.conformance.equivalence;

import com.unboundid.scim2.common.filters.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Disagreements between the store and the SDK's evaluator, kept readable: the filter, then which users
 * (id and userName) the store missed or added. All are counted; the first {@link #KEPT} are detailed.
 */
final class Mismatches {

  static final int KEPT = 20;
  private static final int SHOWN_USERS = 5;

  private final Map<String, String> userNames;
  private final List<String> details = new ArrayList<>();
  private int count;

  /** @param userNames every user's userName by id, to name users in the report */
  Mismatches(Map<String, String> userNames) {
    this.userNames = userNames;
  }

  /** The store's result is not the expected one: {@code missing} should be in it, {@code extra} not. */
  void result(Filter filter, String check, Collection<String> missing, Collection<String> extra,
      String note) {
    keep(filter, check + (note.isEmpty() ? "" : "; " + note)
        + "\n    expected but not returned (" + missing.size() + "): " + users(missing)
        + "\n    returned but not expected (" + extra.size() + "): " + users(extra));
  }

  /** The store refused or failed on a filter its own support accepted. */
  void error(Filter filter, Exception error) {
    keep(filter, "the store failed: " + error);
  }

  /** Something other than the result set is inconsistent, such as paging. */
  void other(Filter filter, String problem) {
    keep(filter, problem);
  }

  int count() {
    return count;
  }

  String report() {
    return count + " mismatch(es)" + (count > KEPT ? ", the first " + KEPT + " shown" : "") + ":\n"
        + String.join("\n", details);
  }

  private void keep(Filter filter, String detail) {
    count++;
    if (details.size() < KEPT) {
      details.add("  " + count + ". filter: " + filter + "\n    " + detail);
    }
  }

  private String users(Collection<String> ids) {
    String shown = ids.stream().limit(SHOWN_USERS)
        .map(id -> id + " (" + userNames.getOrDefault(id, "?") + ")")
        .collect(Collectors.joining(", ", "[", ids.size() > SHOWN_USERS ? ", ...]" : "]"));
    return ids.isEmpty() ? "[]" : shown;
  }
}
