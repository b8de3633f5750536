package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.RootCauseAnalysis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 12.1: copies the root-cause line and summary of every incident filed before migration 12 out of its
 * analysis JSON into the search columns. It is Java because neither database can read that JSON in the same SQL.
 */
final class IncidentSearchBackfill implements JavaMigration {

  /** Rows updated per batch: bounded memory on a store of any size. */
  private static final int BATCH = 500;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("12.1");
  }

  @Override
  public String getDescription() {
    return "incident search backfill";
  }

  @Override
  public Integer getChecksum() {
    return 1201;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (PreparedStatement select = connection.prepareStatement("SELECT id, analysis FROM incidents");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE incidents SET root_cause_line = ?, summary = ? WHERE id = ?")) {
      select.setFetchSize(BATCH);
      int pending = 0;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          RootCauseAnalysis analysis = AnalysisJson.readAnalysis(rows.getString("analysis"));
          update.setString(1, analysis.rootCauseLine());
          update.setString(2, analysis.summary());
          update.setLong(3, rows.getLong("id"));
          update.addBatch();
          if (++pending == BATCH) {
            update.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }
}
