/**
 * Health: {@code /health/live} and {@code /health/ready}, outside the SCIM base path and without a
 * token, and the readiness probe that {@code backend check} shares.
 */
package io.scimgateway.gateway.health;
