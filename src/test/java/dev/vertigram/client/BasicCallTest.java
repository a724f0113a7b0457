package dev.vertigram.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BasicCallTest {

  LocalDcFixture fx;

  @BeforeEach
  void start() {
    fx = LocalDcFixture.reset();
  }

  @Test
  void keyExchangeAndACall() {
    MtprotoClient client = MtprotoClient.create(fx.vertx, fx.options());
    JsonObject result = await(client.call(nearestDc()));
    assertEquals("nearestDc", result.getString("_"));
    assertEquals(1, result.getInteger("this_dc"));
    await(client.close());
  }
}
