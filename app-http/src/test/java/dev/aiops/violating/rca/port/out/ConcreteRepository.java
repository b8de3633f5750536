package dev.aiops.violating.rca.port.out;

/** Breaks: port.out holds only interfaces. */
public class ConcreteRepository {}
