package dev.vertigram.client;

import dev.vertigram.transport.TransportKind;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Key exchange and a call over every transport, plain and obfuscated (full has no obfuscated form). */
class TransportsTest {

  LocalDcFixture fx;

  @BeforeEach
  void start() {
    fx = LocalDcFixture.reset();
  }

  static Stream<Arguments> transports() {
    return Stream.of(TransportKind.values()).flatMap(kind -> kind == TransportKind.FULL
        ? Stream.of(Arguments.of(kind, false))
        : Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
  }

  @ParameterizedTest(name = "{0}, obfuscated {1}")
  @MethodSource("transports")
  void keyExchangeAndACall(TransportKind kind, boolean obfuscated) {
    MtprotoClient client = MtprotoClient.create(fx.vertx,
        fx.options(new TransportOptions().kind(kind).obfuscated(obfuscated)));
    try {
      JsonObject result = await(client.call(nearestDc()));
      assertEquals(1, result.getInteger("this_dc"));
    } finally {
      await(client.close());
    }
  }
}
