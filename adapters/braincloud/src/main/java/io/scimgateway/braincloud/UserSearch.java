package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.Sorting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Searches users. {@code id eq} and {@code userName eq} read the users they name directly, one packet (an IdP's
 * lookup before each write costs one packet); a login id local state does not know is looked for among the contact
 * emails of Email users. Any other filter is brainCloud's paged query with the criteria {@link UserCriteria} makes,
 * then one packet of exports for the page. Thread-safe.
 */
final class UserSearch {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final S2sClient client;
  private final UserReads reads;
  private final UserCriteria criteria;
  private final BrainCloudSettings settings;
  private final PagedQuery pages;

  UserSearch(S2sClient client, UserReads reads, BrainCloudSettings settings) {
    this.client = client;
    this.reads = reads;
    this.settings = settings;
    this.pages = PagedQuery.USERS.counting(settings.countUsers());
    this.criteria = new UserCriteria(new UserCriteria.Local() {
      @Override
      public Collection<String> withLogin(String userName) {
        return reads.withLogin(userName);
      }

      @Override
      public Collection<String> keptLocally(String attribute) {
        return reads.keptLocally(attribute);
      }
    });
  }

  FilterSupport support() {
    return criteria;
  }

  /**
   * One window in the order {@link UserOrder} makes of the sort: offsets page by page, keyset windows past a
   * position, so that a cursor resumes after the last user it saw whatever is created or deleted meanwhile.
   */
  RecordPage page(Filter filter, Sorting sorting, PageWindow window) throws ScimException {
    UserOrder order = UserOrder.of(sorting);
    Optional<List<UserReads.Platform>> named = named(filter);
    if (named.isPresent()) {
      return order.inMemory(named.get(), window);
    }
    ObjectNode criteria = withoutOwner(this.criteria.criteria(filter));
    if (window instanceof PageWindow.Offset offset) {
      PagedQuery.Window page = pages.fetch(client, criteria, order.sortCriteria(false),
          offset.offset(), offset.limit());
      return new RecordPage(records(reads.withExports(page.items())), page.total());
    }
    boolean backward = window instanceof PageWindow.Before;
    String position = backward ? ((PageWindow.Before) window).position() : ((PageWindow.After) window).position();
    PagedQuery.Window page = pages.keyset(client, criteria, order.past(criteria, position, backward),
        order.sortCriteria(backward), window.limit());
    List<ObjectNode> items = new ArrayList<>(page.items());
    if (backward) {
      Collections.reverse(items); // read backwards: back in the order's direction
    }
    List<UserReads.Platform> users = reads.withExports(items);
    return new RecordPage(records(users), page.total(), users.stream().map(order::position).toList());
  }

  static List<ObjectNode> records(List<UserReads.Platform> users) {
    return users.stream().map(UserReads.Platform::record).toList();
  }

  /** The users {@code id eq} or {@code userName eq} names, read directly; empty for other filters. */
  private Optional<List<UserReads.Platform>> named(Filter filter) throws ScimException {
    if (isEquality(filter, "id")) {
      return Optional.of(reads.byIds(List.of(value(filter))));
    }
    return isEquality(filter, "username") ? Optional.of(byUserName(value(filter))) : Optional.empty();
  }

  /** The users that sign in with this login id, whatever its case. */
  List<UserReads.Platform> byUserName(String userName) throws ScimException {
    List<UserReads.Platform> found = withLogin(reads.byIds(reads.withLogin(userName)), userName);
    if (found.isEmpty() && settings.identityType() == BrainCloudSettings.IdentityType.EMAIL) {
      // Not known locally (made outside the gateway, or renamed there): an Email user's contact email is
      // usually its login.
      ObjectNode byContact = JSON.objectNode();
      byContact.putObject("emailAddress").put("$regex", MongoCriteria.regex(FilterType.EQUAL, userName))
          .put("$options", "i");
      found = withLogin(reads.withExports(pages.fetch(client, withoutOwner(byContact), null, 0,
          settings.pageSize()).items()), userName);
    }
    return found;
  }

  private static List<UserReads.Platform> withLogin(List<UserReads.Platform> users, String userName) {
    return users.stream().filter(user -> user.login().equalsIgnoreCase(userName)).toList();
  }

  /** The gateway's group owner profile is not a SCIM User. */
  private ObjectNode withoutOwner(ObjectNode criteria) {
    if (settings.groups() == null) {
      return criteria;
    }
    ObjectNode both = JSON.objectNode();
    both.putArray("$and").add(criteria).addObject().putObject("profileId")
        .put("$ne", settings.groups().ownerProfileId());
    return both;
  }

  private static boolean isEquality(Filter filter, String attribute) {
    return filter != null && filter.getFilterType() == FilterType.EQUAL
        && MongoCriteria.key(filter.getAttributePath()).equals(attribute);
  }

  private static String value(Filter filter) {
    return filter.getComparisonValue().asText();
  }
}
