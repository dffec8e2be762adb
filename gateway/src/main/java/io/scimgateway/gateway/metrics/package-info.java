/**
 * Metrics: the gateway's Prometheus registry (requests, backend calls, connection pools, JVM) and
 * the {@code /metrics} handler that serves it outside the SCIM base path.
 */
package io.scimgateway.gateway.metrics;
