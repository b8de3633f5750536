package dev.aiops.violating.rca.spring;

/** Stands for a class of the Spring Boot starter. */
public class RcaStarterBean {}
