package dev.aiops.rca.spring;

import dev.aiops.rca.assistant.RcaAssistant;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the assistant when the context has refreshed. Stopping is left to the bean's close, which waits for the
 * deliveries in progress: the assistant's parts cannot be started again once stopped.
 */
final class RcaLifecycle implements SmartLifecycle {

  private final RcaAssistant assistant;
  private volatile boolean running;

  RcaLifecycle(RcaAssistant assistant) {
    this.assistant = assistant;
  }

  @Override
  public synchronized void start() {
    if (!running) {
      assistant.start();
      running = true;
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
