package dev.aiops.rca.core.routing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A routes file as read, before it is understood: mappings, sequences and scalars that remember their line, so that
 * every problem {@link RoutesReader} finds can say where it is. Whoever reads the file's syntax (YAML, JSON) builds
 * it.
 */
public final class RoutesDocument {

  private RoutesDocument() {}

  /** A value and the line it starts on. */
  public sealed interface Node permits Scalar, Mapping, Sequence {
    int line();
  }

  /** A scalar; {@code text} is empty for a null. */
  public record Scalar(String text, int line) implements Node {
    public Scalar {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A mapping whose keys keep their order and their own lines. */
  public record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {
    public Mapping {
      Objects.requireNonNull(entries, "entries");
      Objects.requireNonNull(keyLines, "keyLines");
    }
  }

  /** A sequence. */
  public record Sequence(List<Node> items, int line) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }
  }
}
