package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One resource as a response carries it: its id, its version for the {@code ETag} header, and its
 * rendered, projected body; the body is null when {@code If-None-Match} matched (a 304).
 */
public record ResourceAnswer(String id, String etag, ObjectNode body) {

  public boolean notModified() {
    return body == null;
  }
}
