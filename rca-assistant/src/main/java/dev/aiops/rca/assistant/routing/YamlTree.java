package dev.aiops.rca.assistant.routing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aiops.rca.core.routing.RoutesDocument.Mapping;
import dev.aiops.rca.core.routing.RoutesDocument.Node;
import dev.aiops.rca.core.routing.RoutesDocument.Scalar;
import dev.aiops.rca.core.routing.RoutesDocument.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML or JSON document read into {@link dev.aiops.rca.core.routing.RoutesDocument} nodes that remember their
 * line ({@link com.fasterxml.jackson.core.JsonLocation}), so that each problem found in the file can name where it
 * is; Jackson's own tree forgets the lines. JSON is YAML, but it is read with the JSON parser when it looks like
 * JSON, for JSON's error messages.
 */
final class YamlTree {

  private YamlTree() {}

  /** A document that could not be read at all, at a line. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    Unreadable(String message, int line) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  /**
   * Reads a document; a key given twice in one mapping is a problem (YAML forbids it, and the second would win
   * silently), added to {@code problems} as {@code line: reason}.
   */
  static Optional<Node> read(String text, List<String> problems) throws Unreadable {
    JsonFactory factory = text.stripLeading().startsWith("{") ? new JsonFactory() : new YAMLFactory();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      return Optional.of(node(parser, problems));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new Unreadable(e.getOriginalMessage().lines().findFirst().orElse("unreadable"), line);
    } catch (IOException e) {
      throw new Unreadable(String.valueOf(e.getMessage()), 0);
    }
  }

  private static Node node(JsonParser parser, List<String> problems) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Node> entries = new LinkedHashMap<>();
      Map<String, Integer> keyLines = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        parser.nextToken();
        Node value = node(parser, problems);
        if (entries.containsKey(key)) {
          problems.add(keyLine + ": '" + key + "' is given twice (also on line " + keyLines.get(key) + ")");
        }
        entries.put(key, value);
        keyLines.putIfAbsent(key, keyLine);
      }
      return new Mapping(entries, keyLines, line);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(parser, problems));
      }
      return new Sequence(items, line);
    }
    return new Scalar(token == JsonToken.VALUE_NULL ? "" : parser.getText(), line);
  }
}
