package dev.aiops.rca.app.http;

/** The body of every error answer: a machine-readable code and a reason for people. */
public record ErrorBody(String error, String reason) {}
