package dev.aiops.violating.rca.adapter.web;

import dev.aiops.violating.rca.port.out.ConcreteRepository;

/** Breaks: the driving web side reaches past the driving ports into a driven port. */
public class LeakyRoutes {
  public Object list() {
    return new ConcreteRepository().toString();
  }
}
