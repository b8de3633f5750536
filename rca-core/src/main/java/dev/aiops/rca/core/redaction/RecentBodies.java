package dev.aiops.rca.core.redaction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The last few large bodies redacted, with their redactions: a webhook body that lists many runs reaches the
 * redactor once per run, and redacting a megabyte a hundred times made such a body cost a hundred times its size.
 * Thread-safe; holds at most {@link #SIZE} bodies, looked up by content.
 */
final class RecentBodies {

  /** Two workers interleaving the runs of two bodies still hit. */
  static final int SIZE = 4;
  /** Smaller bodies are redacted again: cheaper than keeping them. */
  static final int LARGE = 16 * 1024;

  private final Map<String, String> redacted = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > SIZE;
    }
  };

  /** The redaction of {@code body}, from memory if it was redacted lately. */
  String redact(String body, UnaryOperator<String> redaction) {
    if (body.length() < LARGE) {
      return redaction.apply(body);
    }
    Optional<String> known = find(body);
    if (known.isPresent()) {
      return known.get();
    }
    // Redacted outside the lock: two workers may both redact a body seen for the first time, never wait on it.
    String result = redaction.apply(body);
    synchronized (redacted) {
      redacted.put(body, result);
    }
    return result;
  }

  private Optional<String> find(String body) {
    synchronized (redacted) {
      return Optional.ofNullable(redacted.get(body));
    }
  }
}
