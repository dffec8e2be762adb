package io.scimgateway.conformance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection to the gateway as bytes on a socket, for tests of what happens to the
 * connection itself: requests are written as given, answers read by {@code Content-Length} or chunks.
 * Not thread-safe.
 */
final class RawHttpConnection implements AutoCloseable {

  /** One answer: its status, its headers (names in lower case) and its body. */
  record Answer(int status, Map<String, String> headers, String body) {

    boolean asksToClose() {
      return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
    }
  }

  private final Socket socket;
  private final InputStream in;

  RawHttpConnection(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(10_000);
    in = new BufferedInputStream(socket.getInputStream());
  }

  /** Writes {@code request} (head and body, as sent on the wire) and reads one answer. */
  Answer exchange(String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    String[] statusLine = line().split(" ", 3);
    Map<String, String> headers = new TreeMap<>();
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).strip());
    }
    String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunks()
        : new String(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))),
            StandardCharsets.UTF_8);
    return new Answer(Integer.parseInt(statusLine[1]), headers, body);
  }

  private String chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
        size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
      body.write(in.readNBytes(size));
      line();
    }
    line();
    return body.toString(StandardCharsets.UTF_8);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new EOFException("the connection ended in the middle of an answer: " + line);
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
