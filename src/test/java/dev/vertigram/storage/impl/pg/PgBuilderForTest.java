package dev.vertigram.storage.impl.pg;

import dev.vertigram.storage.StoreTestSupport;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;

/** A pool on the test database whose search_path is {@code schema}, as the Postgres store sets it. */
final class PgBuilderForTest {

  private PgBuilderForTest() {
  }

  static Pool pool(Vertx vertx, String schema) {
    return PgBuilder.pool().connectingTo(new PgConnectOptions().setHost(StoreTestSupport.PG_HOST)
      .setPort(StoreTestSupport.PG_PORT).setDatabase(StoreTestSupport.PG_DATABASE).setUser("postgres")
      .addProperty("search_path", schema).addProperty("client_min_messages", "warning")).using(vertx).build();
  }
}
