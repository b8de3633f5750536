package dev.aiops.rca.adapter.jdbc;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/** Binds instants as UTC offset date-times, so that neither driver applies the JVM's time zone. */
final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {

  InstantArgumentFactory() {
    super(Types.TIMESTAMP_WITH_TIMEZONE);
  }

  @Override
  protected Argument build(Instant value, ConfigRegistry config) {
    return (position, statement, context) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
  }
}
