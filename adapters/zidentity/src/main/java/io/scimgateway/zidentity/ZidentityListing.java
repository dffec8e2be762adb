package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.remote.RestCollection;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.SearchQuery;
import java.util.List;

/**
 * One ZIdentity collection ({@code /users} or {@code /groups}): a record by id, and a store's search
 * one page at a time
 * ({@code offset}/{@code limit}, in ZIdentity's own order) with the list parameters
 * {@link ZidentityFilter} narrows by.
 */
final class ZidentityListing extends RestCollection {

  private final ZidentityApi api;
  private final String listPath;
  private final ZidentityFilter filter;
  private final int pageSize;

  ZidentityListing(ZidentityApi api, String listPath, ZidentityFilter filter, int pageSize) {
    super(api.client(), listPath, "id");
    this.api = api;
    this.listPath = listPath;
    this.filter = filter;
    this.pageSize = pageSize;
  }

  @Override
  public RecordPage list(SearchQuery query) throws ScimException {
    PageWindow.Offset window = (PageWindow.Offset) query.window();
    // ZIdentity may read limit=0 as its default page size; one record is asked for instead.
    ZidentityApi.Page page = api.page(listPath, filter.parameters(query.filter()), window.offset(),
        Math.max(1, window.limit()));
    List<ObjectNode> records = page.records().subList(0, Math.min(window.limit(), page.records().size()));
    return new RecordPage(records, page.total());
  }

  @Override
  public FilterSupport filterSupport() {
    return filter;
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }
}
