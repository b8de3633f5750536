package dev.aiops.rca.port;

/** A driven port failed; vendor exceptions are mapped to a subclass at the adapter's edge. */
public abstract class PortException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PortException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether retrying the same call later may succeed. */
  public abstract boolean isTransient();
}
