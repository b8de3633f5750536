/** {@code serve --demo}: simulated platforms that replay recorded failures, and the sender that reports them. */
package dev.aiops.rca.app.demo;
