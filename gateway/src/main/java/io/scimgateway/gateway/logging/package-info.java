/**
 * Logging: Logback configured from the {@code logging:} section (JSON lines or plain text, levels),
 * with java.util.logging (Jersey, Grizzly) routed through SLF4J.
 */
package io.scimgateway.gateway.logging;
