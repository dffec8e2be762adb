package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Looks documents up by id, many ids a call (Appwrite's {@code equal} takes 100 values). */
final class AppwriteDocuments {

  private AppwriteDocuments() {
  }

  /** The documents of a collection ({@code /users}, {@code /teams}) with these ids, 100 a call. */
  static List<JsonNode> existing(AppwriteApi api, String path, String key, Collection<String> ids)
      throws ScimException {
    List<String> all = List.copyOf(new LinkedHashSet<>(ids));
    List<JsonNode> found = new ArrayList<>();
    for (int i = 0; i < all.size(); i += AppwriteApi.PAGE) {
      List<JsonNode> chunk = all.subList(i, Math.min(all.size(), i + AppwriteApi.PAGE)).stream()
          .map(id -> (JsonNode) JsonNodeFactory.instance.textNode(id)).toList();
      found.addAll(api.listAll(path, key, List.of(AppwriteQuery.compare("equal", "$id", chunk))));
    }
    return found;
  }
}
