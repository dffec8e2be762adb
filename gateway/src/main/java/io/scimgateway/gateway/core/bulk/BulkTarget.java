package io.scimgateway.gateway.core.bulk;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.ResourceService;
import io.scimgateway.gateway.core.ResourceServices;
import java.net.URI;

/** The resource type and id a bulk operation's path names ({@code /Users} or {@code /Users/{id}}). */
/** The resource type and id an operation's path names. */
record BulkTarget(ResourceService service, String id, String endpoint) {

  static BulkTarget of(String path, ResourceServices services, String method)
      throws ScimException {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    String[] parts = trimmed.split("/", -1);
    boolean needsId = !method.equals("POST");
    if (parts.length != (needsId ? 2 : 1) || parts[0].isEmpty() || (needsId && parts[1].isEmpty())) {
      throw BadRequestException.invalidValue("The path \"" + path + "\" must be "
          + (needsId ? "/{type}/{id}, e.g. /Users/2819c223" : "/{type}, e.g. /Users")
          + " for a " + method + ".");
    }
    ResourceService service = services.byEndpoint(parts[0]).orElseThrow(() ->
        new ResourceNotFoundException("No resource type is served at /" + parts[0] + "."));
    return new BulkTarget(service, needsId ? parts[1] : null, parts[0]);
  }

  String location(URI baseUri) {
    String base = baseUri.toString().endsWith("/") ? baseUri.toString() : baseUri + "/";
    return base + endpoint + "/" + id;
  }
}
