/**
 * The runnable gateway: {@link io.scimgateway.gateway.Main} and its launcher, the backend chosen from
 * the configuration, and the HTTP server with its routing of health and metrics in front of SCIM
 * and, for a backend that asks, reads taking turns.
 * Each concern lives in a package below.
 */
package io.scimgateway.gateway;
