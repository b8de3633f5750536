/** The evaluation harness: reads eval case files, analyses them offline and scores the predictions. */
package dev.aiops.rca.app.cli.eval;
