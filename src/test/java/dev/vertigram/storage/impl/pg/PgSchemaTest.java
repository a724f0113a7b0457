package dev.vertigram.storage.impl.pg;

import dev.vertigram.storage.StoreTestSupport;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vertigram.storage.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The versioned migrations of schema/postgres.sql, against the real server. */
class PgSchemaTest {

  @Test
  void parsesSections() {
    PgSchema s = new PgSchema("pre;\n-- version: 1\na;\n-- version: 2\nb;\n");
    assertEquals(2, s.latest());
    assertEquals(List.of(1, 2), s.migrations().stream().map(PgSchema.Migration::version).toList());
    assertTrue(s.migrations().get(1).sql().contains("b;"));
    assertEquals(1, PgSchema.load().migrations().get(0).version());
  }

  @Test
  void appliesOnceUpgradesAndRefusesANewerSchema() {
    Vertx vertx = Vertx.vertx();
    String schema = StoreTestSupport.unique("schema");
    Pool pool = PgBuilderForTest.pool(vertx, schema);
    try {
      PgSchema v1 = new PgSchema("CREATE TABLE IF NOT EXISTS vg_schema_version (version int PRIMARY KEY);\n"
        + "-- version: 1\nCREATE TABLE t1 (a int);\n");
      assertEquals(0, await(v1.apply(pool, schema)));
      assertEquals(1, await(v1.apply(pool, schema)), "applied once");
      PgSchema v2 = new PgSchema("CREATE TABLE IF NOT EXISTS vg_schema_version (version int PRIMARY KEY);\n"
        + "-- version: 1\nCREATE TABLE t1 (a int);\n-- version: 2\nCREATE TABLE t2 (b int);\n");
      assertEquals(1, await(v2.apply(pool, schema)));
      await(pool.query("SELECT * FROM t2").execute());
      Throwable e = StoreTestSupport.awaitFailure(v1.apply(pool, schema));
      assertTrue(e.getMessage().contains("is at version 2, newer than this Vertigram (1)"), e.getMessage());
    } finally {
      await(pool.close());
      StoreTestSupport.cleanUp(vertx, List.of(schema));
      await(vertx.close());
    }
  }
}
