package dev.aiops.rca.port;

/** A failure that a retry will not cure: bad credentials, a refused request, a wrong setting. */
public class PermanentPortException extends PortException {
  private static final long serialVersionUID = 1L;

  public PermanentPortException(String message) {
    super(message, null);
  }

  public PermanentPortException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
