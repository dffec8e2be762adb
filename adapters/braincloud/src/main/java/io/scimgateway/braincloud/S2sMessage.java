package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One message of an S2S packet: a service, an operation and its data. */
record S2sMessage(String service, String operation, ObjectNode data) {

  ObjectNode toJson() {
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("service", service).put("operation", operation);
    message.set("data", data);
    return message;
  }

  @Override
  public String toString() {
    return service + "/" + operation; // never the data, which may hold a password
  }
}
