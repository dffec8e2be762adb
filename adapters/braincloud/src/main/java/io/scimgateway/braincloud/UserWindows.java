package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.PageWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Windows over users in profileId order: the {@code sortCriteria} for it, the criteria of a keyset window (the users
 * past a profileId, scanned forwards or backwards), and the same windows over users read directly.
 */
final class UserWindows {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private UserWindows() {
  }

  /** A keyset window as a query: past {@code position} ({@code $gt} ascending), scanned in one direction. */
  record Keyset(String position, boolean ascending, boolean backward) {

    JsonNode criteria(ObjectNode criteria) {
      if (position == null) {
        return criteria;
      }
      ObjectNode both = JSON.objectNode();
      both.putArray("$and").add(criteria).addObject().putObject("profileId")
          .put(ascending ? "$gt" : "$lt", position);
      return both;
    }

    /** A backward scan's items, back in the store's order. */
    List<ObjectNode> inStoreOrder(List<ObjectNode> items) {
      List<ObjectNode> ordered = new ArrayList<>(items);
      if (backward) {
        Collections.reverse(ordered);
      }
      return ordered;
    }
  }

  static ObjectNode order(boolean descending) {
    return JSON.objectNode().put("profileId", descending ? -1 : 1);
  }

  /**
   * After a position in ascending order is an ascending scan past it; before it, a descending scan, reversed; a
   * descending order the other way round.
   */
  static Keyset keyset(PageWindow window, boolean descending) {
    boolean before = window instanceof PageWindow.Before;
    String position = before ? ((PageWindow.Before) window).position() : ((PageWindow.After) window).position();
    return new Keyset(position, descending == before, before);
  }

  /** A window over users read directly (a handful), sorted here. */
  static RecordPage inMemory(List<UserReads.Platform> users, PageWindow window, boolean descending) {
    Comparator<UserReads.Platform> byId = Comparator.comparing(UserReads.Platform::profileId);
    List<UserReads.Platform> sorted = new ArrayList<>(users);
    sorted.sort(descending ? byId.reversed() : byId);
    if (window instanceof PageWindow.Offset offset) {
      int from = (int) Math.min(offset.offset(), sorted.size());
      return new RecordPage(UserSearch.records(sorted.subList(from, Math.min(sorted.size(), from + offset.limit()))),
          sorted.size());
    }
    Keyset keyset = keyset(window, descending);
    List<UserReads.Platform> past = sorted.stream().filter(user -> keyset.position() == null
        || (user.profileId().compareTo(keyset.position()) > 0) == keyset.ascending()
        && !user.profileId().equals(keyset.position())).toList();
    List<UserReads.Platform> page = keyset.backward()
        ? past.subList(Math.max(0, past.size() - window.limit()), past.size())
        : past.subList(0, Math.min(window.limit(), past.size()));
    return new RecordPage(UserSearch.records(page), sorted.size(),
        page.stream().map(UserReads.Platform::profileId).toList());
  }
}
