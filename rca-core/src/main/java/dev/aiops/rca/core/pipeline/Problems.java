package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What went wrong on the way out, and the longest wait the systems concerned asked for. */
final class Problems {

  private final List<String> lines = new ArrayList<>();
  private Optional<Duration> retryAfter = Optional.empty();

  void add(String line) {
    lines.add(line);
  }

  void add(String line, PortException cause) {
    lines.add(line);
    if (cause instanceof TransientPortException transientCause && transientCause.retryAfter().isPresent()) {
      Duration asked = transientCause.retryAfter().get();
      retryAfter = Optional.of(retryAfter.filter(known -> known.compareTo(asked) >= 0).orElse(asked));
    }
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
