/**
 * Where reset tokens leave the gateway: implementations of the core's
 * {@link io.scimgateway.gateway.core.password.ResetSink} that write a log line, append to a file or
 * call a webhook. Outbound calls live outside the core, which only names the port.
 */
package io.scimgateway.gateway.delivery;
