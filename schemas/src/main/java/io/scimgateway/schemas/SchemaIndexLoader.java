package io.scimgateway.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every {@value #INDEX} a class loader can see and reads the JSON files each one lists.
 *
 * <p>An index is plain UTF-8 text: one path per line, relative to {@value #DIRECTORY}; blank lines and
 * lines starting with {@code #} are ignored. A path is resolved against the index's own URL, so each
 * jar's index names files in that same jar, and two jars may both ship a {@code schemas/user.json}
 * without shadowing each other.
 *
 * <p>Every failure is an {@link IllegalStateException} naming the index or file at fault.
 */
final class SchemaIndexLoader {

  /** The folder, on the class path, that holds the index and the files it lists. */
  static final String DIRECTORY = "META-INF/scim-gateway/";

  /** The index resource name, as passed to {@link ClassLoader#getResources(String)}. */
  static final String INDEX = DIRECTORY + "schemas.index";

  /**
   * One JSON file listed by an index.
   *
   * @param url where the file was read from; messages use it to name the file
   * @param json its content, as read by the SCIM SDK's object reader
   */
  record Document(URL url, ObjectNode json) {
  }

  private SchemaIndexLoader() {
  }

  /** Reads the files of every index {@code loader} sees: index by index, each in its line order. */
  static List<Document> load(ClassLoader loader) {
    List<URL> indexes = findIndexes(loader);
    if (indexes.isEmpty()) {
      throw new IllegalStateException("No " + INDEX + " found by class loader " + loader);
    }
    List<Document> documents = new ArrayList<>();
    for (URL index : indexes) {
      documents.addAll(loadIndex(index));
    }
    return documents;
  }

  /**
   * The indexes {@code loader} sees, in class-path order. A jar listed twice on the class path yields
   * its index twice; it is read once.
   */
  static List<URL> findIndexes(ClassLoader loader) {
    Map<String, URL> byLocation = new LinkedHashMap<>();
    try {
      for (URL url : Collections.list(loader.getResources(INDEX))) {
        byLocation.putIfAbsent(url.toExternalForm(), url);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list " + INDEX + " resources: " + e.getMessage(), e);
    }
    return List.copyOf(byLocation.values());
  }

  /** Reads every file one index lists, in its line order. */
  static List<Document> loadIndex(URL index) {
    List<Document> documents = new ArrayList<>();
    for (String path : readPaths(index)) {
      documents.add(readDocument(index, path));
    }
    return documents;
  }

  private static List<String> readPaths(URL index) {
    List<String> paths = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(open(index), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String path = line.strip();
        if (!path.isEmpty() && !path.startsWith("#")) {
          paths.add(checkRelative(index, path));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read index " + index + ": " + e.getMessage(), e);
    }
    return paths;
  }

  private static String checkRelative(URL index, String path) {
    if (path.startsWith("/") || path.contains("..") || path.contains(":")) {
      throw new IllegalStateException("Index " + index + " lists \"" + path
          + "\"; paths must be relative to " + DIRECTORY + " and stay inside it");
    }
    return path;
  }

  private static Document readDocument(URL index, String path) {
    URL url = resolve(index, path);
    JsonNode json;
    try (InputStream in = open(url)) {
      json = JsonUtils.getObjectReader().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read " + url + " (listed in " + index + "): " + e.getMessage(), e);
    }
    if (json == null || !json.isObject()) {
      throw new IllegalStateException(url + " (listed in " + index + ") is not a JSON object");
    }
    return new Document(url, (ObjectNode) json);
  }

  private static URL resolve(URL index, String path) {
    try {
      return new URL(index, path);
    } catch (MalformedURLException e) {
      throw new IllegalStateException("Index " + index + " lists an unusable path \"" + path + "\"", e);
    }
  }

  /**
   * Opens a resource without the JDK's jar cache, so that closing the stream also closes the jar file
   * and no jar stays locked after start-up.
   */
  private static InputStream open(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    return connection.getInputStream();
  }
}
