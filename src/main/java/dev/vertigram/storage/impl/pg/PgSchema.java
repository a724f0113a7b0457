package dev.vertigram.storage.impl.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code /schema/postgres.sql} (the repository's {@code schema/postgres.sql}): its preamble every time, then
 * each {@code -- version: N} section newer than the schema's recorded version, in one transaction held under an
 * advisory lock so that processes starting together do not race. A schema newer than this code is refused.
 */
final class PgSchema {

  private static final Pattern VERSION = Pattern.compile("^-- version: (\\d+)\\s*$", Pattern.MULTILINE);

  record Migration(int version, String sql) {
  }

  private final String preamble;
  private final List<Migration> migrations = new ArrayList<>();

  PgSchema(String script) {
    Matcher m = VERSION.matcher(script);
    int start = -1;
    int version = 0;
    String pre = script;
    while (m.find()) {
      if (start < 0) {
        pre = script.substring(0, m.start());
      } else {
        migrations.add(new Migration(version, script.substring(start, m.start())));
      }
      version = Integer.parseInt(m.group(1));
      start = m.end();
    }
    if (start >= 0) {
      migrations.add(new Migration(version, script.substring(start)));
    }
    this.preamble = pre;
  }

  static PgSchema load() {
    try (InputStream in = PgSchema.class.getResourceAsStream("/schema/postgres.sql")) {
      if (in == null) {
        throw new IllegalStateException("/schema/postgres.sql is missing from the classpath");
      }
      return new PgSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Migration> migrations() {
    return migrations;
  }

  int latest() {
    return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
  }

  /** Creates {@code schema} if needed and brings it to {@link #latest()}; completes with the version found. */
  Future<Integer> apply(Pool pool, String schema) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
      .execute(Tuple.of("vertigram.schema." + schema))
      .compose(r -> conn.query("CREATE SCHEMA IF NOT EXISTS " + schema).execute())
      .compose(r -> conn.query(preamble).execute())
      .compose(r -> conn.query("SELECT coalesce(max(version), 0) FROM vg_schema_version").execute())
      .compose(rows -> {
        int found = rows.iterator().next().getInteger(0);
        if (found > latest()) {
          return Future.failedFuture(new IllegalStateException("Postgres schema " + schema + " is at version "
            + found + ", newer than this Vertigram (" + latest() + ")"));
        }
        return upgrade(conn, found).map(found);
      }));
  }

  private Future<Void> upgrade(SqlConnection conn, int from) {
    Future<Void> chain = Future.succeededFuture();
    for (Migration m : migrations) {
      if (m.version() > from) {
        chain = chain.compose(v -> conn.query(m.sql()).execute())
          .compose(r -> conn.preparedQuery("INSERT INTO vg_schema_version (version) VALUES ($1)")
            .execute(Tuple.of(m.version())))
          .mapEmpty();
      }
    }
    return chain;
  }
}
