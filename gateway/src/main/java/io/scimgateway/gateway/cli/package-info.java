/**
 * The command line: {@code serve} (the default), {@code token}, {@code config check}, {@code backend
 * check} and {@code audit}, each a picocli command registered in {@link
 * io.scimgateway.gateway.cli.GatewayCommand}. Commands print for people and return {@link
 * io.scimgateway.gateway.cli.ExitCodes}.
 */
package io.scimgateway.gateway.cli;
