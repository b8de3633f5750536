package dev.aiops.rca.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a test scripted for a stub, in order, by key (a path, a method, or both), before the stub's normal ones.
 *
 * @param <A> the stub's answer type
 */
public final class ScriptedReplies<A> {

  private final Map<String, Deque<A>> byKey = new HashMap<>();

  /** Queues {@code answers} for {@code key}, after any already queued. */
  public synchronized void add(String key, List<A> answers) {
    byKey.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(answers);
  }

  /** The next scripted answer for {@code key}, or null when none is left. */
  public synchronized A next(String key) {
    Deque<A> queue = byKey.get(key);
    return queue == null ? null : queue.poll();
  }
}
