package dev.vertigram.localdc;

import dev.vertigram.transport.TransportKind;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One Local DC (DCs 1 and 2 on ephemeral ports, in-memory key) per test class, with the faults cleared after each test. */
abstract class LocalDcTestBase {

  static Vertx vertx;
  static LocalDc dc;
  private final List<TestConnection> connections = new ArrayList<>();

  @BeforeAll
  static void startLocalDc() throws Exception {
    vertx = Vertx.vertx();
    dc = LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1, 2).tempKeyMaxTtlSeconds(3600))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopLocalDc() throws Exception {
    dc.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void clearFaults() {
    dc.faults().clear();
    connections.forEach(TestConnection::close);
    connections.clear();
  }

  static DcEndpoint endpoint(int id) {
    return dc.endpoints().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  TestConnection connect() throws Exception {
    return connect(1, TransportKind.INTERMEDIATE, false);
  }

  TestConnection connect(int dcId, TransportKind kind, boolean obfuscated) throws Exception {
    TestConnection c = TestConnection.open(vertx, endpoint(dcId), kind, obfuscated);
    connections.add(c);
    return c;
  }

  /** A new connection, a new permanent key and a session on DC 1. */
  TestSession session() throws Exception {
    return TestSession.create(connect(), dc, 1);
  }

  static JsonObject q(String method) {
    return new JsonObject().put("_", method);
  }
}
