package io.scimgateway.kit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A platform's answer: status, headers (names in lower case) and body text. */
public record PlatformResponse(int status, Map<String, List<String>> headers, String body) {

  public PlatformResponse {
    headers = Map.copyOf(headers);
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }
}
