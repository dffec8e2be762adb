package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One write, in the shape of a bulk operation (RFC 7644 section 3.7): {@code POST /Users}, {@code PATCH
 * /Users/{id}}, {@code DELETE /Groups/{id}}. {@code data} may refer to a POST of the same batch as
 * {@code bulkId:x}.
 *
 * @param bulkId for a POST, the name others in the batch refer to it by
 * @param data the resource or PatchOp body; null for a DELETE
 */
record TargetWrite(String method, String path, String bulkId, ObjectNode data) {}
