package io.scimgateway.benchmark;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal blocking HTTP/1.1 client over one keep-alive socket, for load generation only: GET
 * requests, {@code Content-Length} or chunked bodies, reconnecting when the server closes the
 * connection ({@code Connection: close}, or a reused connection found closed before any byte of the
 * answer arrived). Not thread-safe: one per client thread.
 */
final class SocketHttpClient implements BenchmarkHttpClient {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 30_000;

  private final String host;
  private final int port;
  private final byte[] headers;

  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private long receivedForThisReply;
  private byte[] body = new byte[4 * 1024];
  private byte[] request = new byte[1024];
  private final StringBuilder line = new StringBuilder(128);

  SocketHttpClient(String host, int port, String token) {
    this.host = host;
    this.port = port;
    this.headers = ("Host: " + host + ":" + port + "\r\n"
        + "Accept: application/scim+json\r\n"
        + "Authorization: Bearer " + token + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public Reply get(String pathAndQuery) throws IOException {
    return send("GET", pathAndQuery, null);
  }

  /** Sends {@code method} with a SCIM JSON body (or none, when null), on the kept connection. */
  @Override
  public Reply send(String method, String pathAndQuery, byte[] json) throws IOException {
    int requestLength = buildRequest(method, pathAndQuery, json);
    for (int attempt = 0; ; attempt++) {
      boolean reused = socket != null;
      if (!reused) {
        open();
      }
      receivedForThisReply = 0;
      try {
        out.write(request, 0, requestLength);
        out.flush();
        return readReply();
      } catch (IOException e) {
        boolean staleConnection = reused && receivedForThisReply == 0 && attempt == 0;
        closeSocket();
        if (!staleConnection) {
          throw e;
        }
      }
    }
  }

  @Override
  public void close() {
    closeSocket();
  }

  private int buildRequest(String method, String pathAndQuery, byte[] json) {
    byte[] start = (method + " " + pathAndQuery + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] end = (json == null ? "\r\n" : "Content-Type: application/scim+json\r\nContent-Length: "
        + json.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    int bodyLength = json == null ? 0 : json.length;
    int length = start.length + headers.length + end.length + bodyLength;
    if (request.length < length) {
      request = new byte[length * 2];
    }
    System.arraycopy(start, 0, request, 0, start.length);
    System.arraycopy(headers, 0, request, start.length, headers.length);
    System.arraycopy(end, 0, request, start.length + headers.length, end.length);
    if (json != null) {
      System.arraycopy(json, 0, request, start.length + headers.length + end.length, bodyLength);
    }
    return length;
  }

  private void open() throws IOException {
    Socket opened = new Socket();
    opened.setTcpNoDelay(true);
    opened.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
    opened.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket = opened;
    in = opened.getInputStream();
    out = opened.getOutputStream();
    position = 0;
    limit = 0;
  }

  private void closeSocket() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing after a failure; nothing more to do
      }
    }
    socket = null;
    in = null;
    out = null;
    position = 0;
    limit = 0;
  }

  private Reply readReply() throws IOException {
    String statusLine = readLine();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("Not an HTTP/1.x status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean closeAfter = statusLine.startsWith("HTTP/1.0");
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        closeAfter = value.equalsIgnoreCase("close");
      }
    }
    int length;
    if (chunked) {
      length = readChunked();
    } else if (contentLength >= 0) {
      length = readFully(0, (int) contentLength);
    } else {
      length = readToEnd();
      closeAfter = true;
    }
    if (closeAfter) {
      closeSocket();
    }
    return new Reply(status, body, length);
  }

  private int readChunked() throws IOException {
    int length = 0;
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailers: none expected, skipped
        }
        return length;
      }
      length = readFully(length, size);
      readLine();
    }
  }

  /** Appends {@code count} body bytes after {@code length}; returns the new length. */
  private int readFully(int length, int count) throws IOException {
    ensureBody(length + count);
    int remaining = count;
    while (remaining > 0) {
      if (position == limit) {
        fill();
      }
      int take = Math.min(remaining, limit - position);
      System.arraycopy(buffer, position, body, length, take);
      position += take;
      length += take;
      remaining -= take;
    }
    return length;
  }

  private int readToEnd() throws IOException {
    int length = 0;
    while (true) {
      if (position == limit) {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
          return length;
        }
        position = 0;
        limit = read;
        receivedForThisReply += read;
      }
      int take = limit - position;
      ensureBody(length + take);
      System.arraycopy(buffer, position, body, length, take);
      position += take;
      length += take;
    }
  }

  private void ensureBody(int capacity) {
    if (body.length < capacity) {
      body = Arrays.copyOf(body, Math.max(capacity, body.length * 2));
    }
  }

  /** One CRLF-terminated line, without the terminator. */
  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      if (position == limit) {
        fill();
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) (b & 0xFF));
    }
  }

  private void fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      throw new EOFException("The server closed the connection");
    }
    position = 0;
    limit = read;
    receivedForThisReply += read;
  }
}
