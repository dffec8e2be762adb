package io.scimgateway.gateway.core;

/**
 * The bounds the gateway enforces and advertises.
 *
 * @param maxResults the most resources one list or search page returns ({@code filter.maxResults})
 * @param scanLimit the most resources the gateway reads to evaluate a filter the backend cannot; past
 *     it a search fails with {@code 400 tooMany} instead of scanning without end
 * @param maxPayloadBytes the largest request body accepted; larger ones get {@code 413}
 * @param maxFilterLength the longest {@code filter} parameter accepted, in characters
 * @param cursorTimeoutSeconds how long a cursor stays valid (RFC 9865 {@code cursorTimeout})
 * @param bulkMaxOperations the most operations in one bulk request ({@code bulk.maxOperations})
 * @param bulkMaxPayloadBytes the largest bulk request body ({@code bulk.maxPayloadSize})
 * @param values what one attribute may hold
 */
public record GatewayLimits(int maxResults, int scanLimit, long maxPayloadBytes, int maxFilterLength,
    int cursorTimeoutSeconds, int bulkMaxOperations, long bulkMaxPayloadBytes, ValueLimits values) {

  public static GatewayLimits defaults() {
    return new GatewayLimits(1_000, 100_000, 1_048_576, 4_096, 3_600, 1_000, 16_777_216,
        ValueLimits.defaults());
  }

  public GatewayLimits {
    positive("maxResults", maxResults);
    positive("scanLimit", scanLimit);
    positive("maxPayloadBytes", maxPayloadBytes);
    positive("maxFilterLength", maxFilterLength);
    positive("cursorTimeoutSeconds", cursorTimeoutSeconds);
    positive("bulkMaxOperations", bulkMaxOperations);
    positive("bulkMaxPayloadBytes", bulkMaxPayloadBytes);
    values = values == null ? ValueLimits.defaults() : values;
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("limits." + name + " must be at least 1, not " + value);
    }
  }
}
