package dev.aiops.violating.rca.cyclea;

import dev.aiops.violating.rca.cycleb.B;

/** Breaks: a package cycle with cycleb. */
public class A {
  public B b;
}
