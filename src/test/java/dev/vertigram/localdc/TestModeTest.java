package dev.vertigram.localdc;

import dev.vertigram.transport.TransportErrorException;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** With testMode set, only DC ids of that kind (test: id + 10000) are accepted in p_q_inner_data_dc. */
class TestModeTest {

  @Test
  void testModeRequiresTestDcIds() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      LocalDc test = LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(2).testMode(true))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      DcEndpoint ep = test.endpoints().get(0);
      try (TestConnection c = TestConnection.open(vertx, ep)) {
        new TestHandshake(c, test.publicKey(), 10002).run();
        TestHandshake prod = new TestHandshake(c, test.publicKey(), 2);
        prod.reqPq();
        assertEquals(-444, assertThrows(TransportErrorException.class, prod::reqDhParams).code());
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
