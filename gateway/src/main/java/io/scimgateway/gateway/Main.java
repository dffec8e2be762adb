package io.scimgateway.gateway;

import io.scimgateway.gateway.cli.GatewayCommand;
import java.util.OptionalInt;

/** The runnable jar's entry point: the command line does the rest. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    OptionalInt relaunched = TunedJvmLauncher.relaunch(args);
    if (relaunched.isPresent()) {
      System.exit(relaunched.getAsInt());
    }
    System.exit(GatewayCommand.commandLine().execute(args));
  }
}
