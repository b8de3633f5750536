package dev.aiops.violating.rca.cycleb;

import dev.aiops.violating.rca.cyclea.A;

/** Breaks: a package cycle with cyclea. */
public class B {
  public A a;
}
