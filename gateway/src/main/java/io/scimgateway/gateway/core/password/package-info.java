/**
 * Passwords: the gateway's password extension on User (hash import, must-change, reset), how a write
 * carries it to the backend ({@link io.scimgateway.gateway.core.password.PasswordRequest}), the
 * actions a request asks for ({@link io.scimgateway.gateway.core.password.PasswordActions}), and the
 * port reset tokens leave by ({@link io.scimgateway.gateway.core.password.ResetSink}; its
 * implementations live in {@code io.scimgateway.gateway.delivery}). Uses the core and the SPI only.
 */
package io.scimgateway.gateway.core.password;
