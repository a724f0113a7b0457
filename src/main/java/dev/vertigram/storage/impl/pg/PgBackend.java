package dev.vertigram.storage.impl.pg;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.PgStoreOptions;
import dev.vertigram.storage.impl.remote.Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Postgres backend: table {@code vg_kv} of {@code schema/postgres.sql}, in the configured schema (set as the
 * connections' search_path). A round trip of writes is one multi-row upsert (arrays unnested) and one delete.
 * Connections are named {@code vertigram/<session>} (application_name) so that operators can find them.
 */
public final class PgBackend implements Backend {

  private static final String UPSERT = "INSERT INTO vg_kv (session, db, k, v) SELECT $1, * FROM "
    + "unnest($2::int2[], $3::text[], $4::bytea[]) ON CONFLICT (session, db, k) DO UPDATE SET v = excluded.v";
  private static final String DELETE = "DELETE FROM vg_kv WHERE session = $1 AND (db, k) IN "
    + "(SELECT * FROM unnest($2::int2[], $3::text[]))";
  private static final String FIRST_PAGE = "SELECT k, v FROM vg_kv WHERE session = $1 AND db = $2 ORDER BY k LIMIT $3";
  private static final String NEXT_PAGE =
    "SELECT k, v FROM vg_kv WHERE session = $1 AND db = $2 AND k > $4 ORDER BY k LIMIT $3";

  private final Pool pool;
  private final String session;
  private final int connections;

  private PgBackend(Pool pool, String session, int connections) {
    this.pool = pool;
    this.session = session;
    this.connections = connections;
  }

  /** Connects and applies the schema migrations. Call on the store's context. */
  public static Future<PgBackend> open(Vertx vertx, PgStoreOptions o, String session) {
    PgConnectOptions connect = new PgConnectOptions().setHost(o.getHost()).setPort(o.getPort())
      .setDatabase(o.getDatabase()).setUser(o.getUser()).setPassword(o.getPassword())
      .addProperty("application_name", "vertigram/" + session).addProperty("search_path", o.getSchema())
      .addProperty("client_min_messages", "warning");
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(o.getPoolSize())).connectingTo(connect)
      .using(vertx).build();
    return vertx.executeBlocking(PgSchema::load, false)
      .compose(schema -> schema.apply(pool, o.getSchema()))
      .map(v -> new PgBackend(pool, session, o.getPoolSize()))
      .recover(e -> pool.close().transform(ar -> Future.failedFuture(new IllegalStateException(
        "cannot open Postgres store at " + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase() + ": "
          + e.getMessage(), e))));
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public int connections() {
    return connections;
  }

  @Override
  public Future<Map<String, byte[]>> getAll(Db db, List<String> keys) {
    return pool.preparedQuery("SELECT k, v FROM vg_kv WHERE session = $1 AND db = $2 AND k = ANY($3)")
      .execute(Tuple.of(session, (short) db.id(), keys.toArray(String[]::new)))
      .map(rows -> {
        Map<String, byte[]> found = new HashMap<>(rows.size() * 2);
        rows.forEach(r -> found.put(r.getString(0), r.getBuffer(1).getBytes()));
        return found;
      });
  }

  @Override
  public Future<Void> write(List<Write> writes) {
    List<Write> puts = new ArrayList<>();
    List<Write> deletes = new ArrayList<>();
    for (Write w : writes) {
      (w.value() != null ? puts : deletes).add(w);
    }
    Future<?> put = puts.isEmpty() ? Future.succeededFuture()
      : pool.preparedQuery(UPSERT).execute(Tuple.of(session, dbIds(puts), keys(puts), values(puts)));
    return put.compose(v -> deletes.isEmpty() ? Future.succeededFuture()
      : pool.preparedQuery(DELETE).execute(Tuple.of(session, dbIds(deletes), keys(deletes)))).mapEmpty();
  }

  private static Short[] dbIds(List<Write> ws) {
    return ws.stream().map(w -> (short) w.db().id()).toArray(Short[]::new);
  }

  private static String[] keys(List<Write> ws) {
    return ws.stream().map(Write::key).toArray(String[]::new);
  }

  private static Buffer[] values(List<Write> ws) {
    return ws.stream().map(w -> Buffer.buffer(w.value())).toArray(Buffer[]::new);
  }

  @Override
  public Future<Page> page(Db db, String cursor, int limit) {
    Future<RowSet<Row>> rows = cursor == null
      ? pool.preparedQuery(FIRST_PAGE).execute(Tuple.of(session, (short) db.id(), limit))
      : pool.preparedQuery(NEXT_PAGE).execute(Tuple.of(session, (short) db.id(), limit, cursor));
    return rows.map(rs -> {
      List<Map.Entry<String, byte[]>> entries = new ArrayList<>(rs.size());
      for (Row r : rs) {
        entries.add(new AbstractMap.SimpleImmutableEntry<>(r.getString(0), r.getBuffer(1).getBytes()));
      }
      return new Page(entries, entries.size() < limit ? null : entries.get(entries.size() - 1).getKey());
    });
  }

  @Override
  public Future<Void> clear(Set<Db> dbs) {
    Short[] ids = dbs.stream().map(db -> (short) db.id()).toArray(Short[]::new);
    return pool.preparedQuery("DELETE FROM vg_kv WHERE session = $1 AND db = ANY($2)")
      .execute(Tuple.tuple().addValue(session).addValue(ids)).mapEmpty();
  }

  @Override
  public Future<Void> mark(String migratedTo) {
    return pool.preparedQuery("INSERT INTO vg_session (session, migrated_to, migrated_at) VALUES ($1, $2, "
        + "CASE WHEN $2::text IS NULL THEN NULL ELSE now() END) ON CONFLICT (session) DO UPDATE SET "
        + "migrated_to = excluded.migrated_to, migrated_at = excluded.migrated_at")
      .execute(Tuple.tuple().addValue(session).addValue(migratedTo)).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }
}
