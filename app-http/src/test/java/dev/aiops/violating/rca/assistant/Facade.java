package dev.aiops.violating.rca.assistant;

/** Stands for the embedding facade, which adapters must not know. */
public class Facade {}
