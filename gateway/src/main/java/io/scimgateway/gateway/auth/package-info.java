/**
 * Bearer-token authentication: static tokens (kept hashed, in the configuration or the token store)
 * and JWTs validated with Nimbus JOSE JWT, the principal and scopes a request runs with, and the
 * reasons a token is refused.
 */
package io.scimgateway.gateway.auth;
