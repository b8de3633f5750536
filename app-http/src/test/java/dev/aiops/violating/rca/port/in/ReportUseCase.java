package dev.aiops.violating.rca.port.in;

import dev.aiops.violating.rca.port.out.ConcreteRepository;

/** Breaks: a driving port depends on a driven port. */
public interface ReportUseCase {
  ConcreteRepository repository();
}
