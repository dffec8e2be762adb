/**
 * Reading: a list request from its parameters to its page. {@link
 * io.scimgateway.gateway.core.query.ListQueryParser} parses and type-checks the filter, sort and
 * paging; {@link io.scimgateway.gateway.core.query.QueryPlanner} splits the filter into what the
 * backend can answer and a residual; {@link io.scimgateway.gateway.core.query.ResourceSearch} reads
 * store pages, filters, sorts, counts and issues cursors; {@link
 * io.scimgateway.gateway.core.query.Projection} keeps what the client asked for. Uses the core's
 * settings and the SPI only.
 */
package io.scimgateway.gateway.core.query;
