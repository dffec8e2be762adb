package io.scimgateway.gateway;

import java.util.List;

/**
 * Prints, for the start script {@code scim-gateway} beside the jar, the JVM options that
 * {@link TunedJvmLauncher} would give a child JVM for these arguments, on one line, or an empty line
 * when the command runs with the JVM as the user starts it. The script then starts one JVM with them
 * where {@code java -jar} needs two (the first only waits, about 45 MB).
 *
 * <p>The user's choices count as on a {@code java -jar} command line. The script hands them over in
 * {@value #CHOSEN}: what {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} and {@code JAVA_OPTS}
 * hold. This JVM starts without them, so that an agent among them is not loaded here too (a
 * debugger would take a port, and what an agent prints would mix with the options).
 */
final class LaunchOptions {

  static final String CHOSEN = "SCIM_GATEWAY_CHOSEN_OPTIONS";

  private LaunchOptions() {
  }

  public static void main(String[] args) {
    System.out.println(String.join(" ", forCommand(args, System.getenv(CHOSEN))));
  }

  static List<String> forCommand(String[] args, String chosenOptions) {
    List<String> chosen = chosenOptions == null || chosenOptions.isBlank() ? List.of()
        : List.of(chosenOptions.trim().split("\\s+"));
    return TunedJvmLauncher.optionsFor(args, chosen).orElse(List.of());
  }
}
