package dev.vertigram.tl;

import static dev.vertigram.tl.JsonAssert.assertSameJson;
import static dev.vertigram.tl.JsonAssert.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codec API beyond plain round trips: results, generic wrappers, bare values, accepted input forms, errors. */
class TlCodecTest {

  private final TlCodec codec = TlCodec.api();

  @Test
  void resultMethodLooksThroughGenericWrappers() {
    JsonObject getConfig = new JsonObject().put("_", "help.getConfig");
    JsonObject call = new JsonObject().put("_", "invokeWithLayer").put("layer", 228).put("query",
        new JsonObject().put("_", "initConnection").put("api_id", 1).put("device_model", "d")
            .put("system_version", "s").put("app_version", "a").put("system_lang_code", "en")
            .put("lang_pack", "").put("lang_code", "en").put("query", getConfig));
    assertEquals("help.getConfig", codec.resultMethod(call));
    assertEquals("help.getConfig", codec.resultMethod(new JsonObject().put("_", "invokeAfterMsg").put("msg_id", 1L)
        .put("query", codec.encode(getConfig))));
    assertEquals("help.getConfig", codec.resultMethod(getConfig));
    TlRoundTripTest.roundTrip(codec, call);
    assertThrows(TlException.class, () -> codec.resultMethod(new JsonObject().put("_", "pong")));
    assertThrows(TlException.class, () -> codec.decodeResult("invokeWithLayer", new TlReader(new byte[4])));
  }

  @Test
  void resultsBoolVectorAndRpcError() {
    assertSameJson(new JsonObject().put("_", "boolTrue"),
        codec.decodeResult("messages.setTyping", new TlReader(new TlWriter().writeInt(0x997275b5).toByteArray())));
    JsonObject error = new JsonObject().put("_", "rpc_error").put("error_code", 420)
        .put("error_message", "FLOOD_WAIT_3");
    assertSameJson(error, codec.decodeResult("messages.setTyping", new TlReader(codec.encode(error))));
    JsonObject vector = new JsonObject().put("_", "vector").put("value", new JsonArray().add(1L));
    TlWriter w = new TlWriter();
    codec.encodeResult("photos.deletePhotos", vector, w);
    assertEquals("15c4b51c010000000100000000000000", hex(w.toByteArray()));
  }

  /** With a resolver, rpc_result inside a container decodes with its method's result type, vectors included. */
  @Test
  void decodeWithResultResolver() {
    JsonObject vector = new JsonObject().put("_", "vector").put("value", new JsonArray().add(5L).add(6L));
    JsonObject rpc = new JsonObject().put("_", "rpc_result").put("req_msg_id", 77L).put("result", vector);
    JsonObject container = new JsonObject().put("_", "msg_container").put("messages", new JsonArray()
        .add(new JsonObject().put("msg_id", 1L).put("seqno", 1).put("body", rpc)));
    Buffer bytes = codec.encode(container);
    JsonObject decoded = codec.decode(new TlReader(bytes), id -> id == 77L ? "photos.deletePhotos" : null);
    JsonObject message = decoded.getJsonArray("messages").getJsonObject(0);
    assertSameJson(rpc, message.getJsonObject("body"));
    assertEquals(bytes.length() - 24, message.getInteger("bytes"));
    // Without it the vector's element type is unknown.
    TlException e = assertThrows(TlException.class, () -> codec.decode(bytes));
    assertEquals("msg_container.messages[0].body.result", e.path());
    assertTrue(e.getMessage().contains("a vector (element type unknown"), e.getMessage());
  }

  @Test
  void bareValues() {
    JsonObject salt = new JsonObject().put("valid_since", 1).put("valid_until", 2).put("salt", 3L);
    TlWriter w = new TlWriter();
    codec.encodeBare("future_salt", salt, w);
    assertEquals(16, w.size());
    assertSameJson(salt, codec.decodeBare("future_salt", new TlReader(w.toByteArray())));
    assertThrows(TlException.class, () -> codec.decodeBare("nope", new TlReader(new byte[0])));
  }

  @Test
  void acceptedInputForms() {
    byte[] nonce = new byte[16];
    nonce[0] = 7;
    JsonObject canonical = new JsonObject().put("_", "req_pq_multi").put("nonce", Buffer.buffer(nonce));
    Buffer expected = codec.encode(canonical);
    assertEquals(hex(expected), hex(codec.encode(new JsonObject().put("_", "req_pq_multi").put("nonce", nonce))));
    assertEquals(hex(expected), hex(codec.encode(new JsonObject().put("_", "req_pq_multi")
        .put("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce)))));
    JsonObject ping = new JsonObject().put("_", "ping").put("ping_id", 5L);
    Buffer pingBytes = codec.encode(ping);
    for (Object five : new Object[] {5, (short) 5, BigInteger.valueOf(5), 5.0}) {
      assertEquals(hex(pingBytes), hex(codec.encode(new JsonObject().put("_", "ping").put("ping_id", five))));
    }
    // Nested plain Maps, a true flag given as false, explicit nulls and stray flags are all fine.
    JsonObject viaMap = new JsonObject().put("_", "messages.sendMessage")
        .put("peer", Map.of("_", "inputPeerSelf")).put("message", "hi").put("random_id", 1L)
        .put("silent", false).put("reply_to", null).put("flags", 12345);
    JsonObject plain = new JsonObject().put("_", "messages.sendMessage")
        .put("peer", new JsonObject().put("_", "inputPeerSelf")).put("message", "hi").put("random_id", 1L);
    assertEquals(hex(codec.encode(plain)), hex(codec.encode(viaMap)));
    // An already serialized query in a !X position.
    JsonObject wrapped = new JsonObject().put("_", "invokeWithoutUpdates").put("query", pingBytes);
    assertEquals("b75994bf" + hex(pingBytes), hex(codec.encode(wrapped)));
  }

  @Test
  void encodeErrorsNameTheField() {
    JsonObject send = new JsonObject().put("_", "messages.sendMessage").put("message", "hi").put("random_id", 1L);
    assertEquals("messages.sendMessage.peer: missing required field of type InputPeer", encodeError(send.copy()));
    send.put("peer", new JsonObject().put("_", "inputPeerSelf"));
    assertEquals("messages.sendMessage.random_id: expected long, got String x",
        encodeError(send.copy().put("random_id", "x")));
    assertEquals("messages.sendMessage.peer: unknown constructor 'inputPeerFoo' for type InputPeer",
        encodeError(send.copy().put("peer", new JsonObject().put("_", "inputPeerFoo"))));
    assertEquals("messages.sendMessage.peer: constructor inputUserSelf has type InputUser, not InputPeer",
        encodeError(send.copy().put("peer", new JsonObject().put("_", "inputUserSelf"))));
    assertEquals("messages.sendMessage.schedule_date: value 1099511627776 out of int range",
        encodeError(send.copy().put("schedule_date", 1L << 40)));
    assertEquals("messages.sendMessage.silent: expected Bool (true/false), got String yes",
        encodeError(send.copy().put("silent", "yes")));
    assertEquals("messages.sendMessage.entities[1].offset: missing required field of type int",
        encodeError(send.copy().put("entities", new JsonArray()
            .add(new JsonObject().put("_", "messageEntityBold").put("offset", 0).put("length", 1))
            .add(new JsonObject().put("_", "messageEntityBold").put("length", 1)))));
    assertEquals("messages.sendMessage.peer: missing \"_\" (the constructor name) in a value of type InputPeer",
        encodeError(send.copy().put("peer", new JsonObject())));
    assertEquals("unknown constructor 'nope' for type Object", encodeError(new JsonObject().put("_", "nope")));
    assertEquals("req_pq_multi.nonce: expected 16 bytes for int128, got 3",
        encodeError(new JsonObject().put("_", "req_pq_multi").put("nonce", new byte[3])));
    // message: views and forwards share flags.10, so one without the other is incomplete.
    JsonObject message = new JsonObject().put("_", "message").put("id", 1)
        .put("peer_id", new JsonObject().put("_", "peerUser").put("user_id", 1L)).put("date", 0).put("message", "")
        .put("views", 3);
    assertEquals("message.forwards: missing field of type int: flags.10 is set by another field sharing the bit",
        encodeError(message));
  }

  private String encodeError(JsonObject value) {
    return assertThrows(TlException.class, () -> codec.encode(value)).getMessage();
  }
}
