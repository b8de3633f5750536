package dev.aiops.violating.rca.adapter.slack;

/** A plain adapter class that others wrongly depend on. */
public class SlackNotifier {}
