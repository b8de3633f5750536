package dev.aiops.rca.adapter.web.support;

/** The body of every error answer: a machine-readable code and a reason for people. */
public record ErrorBody(String error, String reason) {}
