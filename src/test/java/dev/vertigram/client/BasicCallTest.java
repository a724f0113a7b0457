package dev.vertigram.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BasicCallTest {

  static LocalDcFixture fx;

  @BeforeAll
  static void start() {
    fx = new LocalDcFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
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
