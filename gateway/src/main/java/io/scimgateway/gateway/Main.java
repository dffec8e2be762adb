package io.scimgateway.gateway;

import io.scimgateway.gateway.cli.GatewayCommand;

/** The runnable jar's entry point: the command line does the rest. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    System.exit(GatewayCommand.commandLine().execute(args));
  }
}
