/**
 * The YAML configuration and its environment overrides: loading, the settings records, and
 * {@code config check}, which reports each problem with its line and column without starting.
 */
package io.scimgateway.gateway.config;
