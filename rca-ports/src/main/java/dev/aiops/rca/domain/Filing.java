package dev.aiops.rca.domain;

import java.util.Objects;

/** Where a failed run was filed: a new incident, or one more occurrence of an open one. */
public sealed interface Filing permits Filing.Opened, Filing.Recurred {

  Incident incident();

  /** The run opened a new incident. */
  record Opened(Incident incident) implements Filing {
    public Opened {
      Objects.requireNonNull(incident, "incident");
    }
  }

  /** The run recurred on an open incident with the same signature. */
  record Recurred(Incident incident) implements Filing {
    public Recurred {
      Objects.requireNonNull(incident, "incident");
    }
  }
}
