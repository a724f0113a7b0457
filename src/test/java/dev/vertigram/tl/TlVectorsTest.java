package dev.vertigram.tl;

import static dev.vertigram.tl.JsonAssert.hex;
import static dev.vertigram.tl.JsonAssert.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Byte vectors from ../shared/protocol/VECTORS.md: string/bytes padding (§12), msg_id and the container layout (§13),
 * the server message of §2b and the TL bodies of the auth-key walkthrough (§5). CRC32 ids (§11) are in TlSchemaTest.
 */
class TlVectorsTest {

  private final TlCodec codec = TlCodec.api();

  @Test
  void bytesPaddingExamples() {
    assertEquals("08256595edb7766797000000", hex(new TlWriter().writeBytes(unhex("256595EDB7766797")).toByteArray()));
    assertEquals("045a300d4b000000", hex(new TlWriter().writeBytes(unhex("5A300D4B")).toByteArray()));
    assertEquals("fe000100", prefix(256, 4));
    assertEquals("fe500200", prefix(592, 4));
    assertEquals("fe500100", prefix(336, 4));
    assertEquals("00000000", hex(new TlWriter().writeBytes(new byte[0]).toByteArray()));
    byte[] b253 = filled(253);
    assertEquals("fd" + hex(b253) + "0000", hex(new TlWriter().writeBytes(b253).toByteArray()));
    byte[] b254 = filled(254);
    assertEquals("fefe0000" + hex(b254) + "0000", hex(new TlWriter().writeBytes(b254).toByteArray()));
  }

  /** gotd bin/string_test.go and bytes_test.go lengths, plus UTF-8 "кек": aligned and round-tripping. */
  @Test
  void gotdLengthsRoundTrip() {
    for (int len : new int[] {400, 306, 206, 104, 105, 3, 1, 2, 19, 253}) {
      byte[] data = filled(len);
      byte[] enc = new TlWriter().writeBytes(data).toByteArray();
      assertEquals(0, enc.length % 4, "aligned " + len);
      TlReader in = new TlReader(enc);
      assertEquals(hex(data), hex(in.readBytes()));
      assertEquals(0, in.remaining());
    }
    byte[] kek = new TlWriter().writeString("кек").toByteArray();
    assertEquals("06d0bad0b5d0ba00", hex(kek));
    assertEquals("кек", new TlReader(kek).readString());
  }

  @Test
  void badLengthPrefixes() {
    TlException eof = assertThrows(TlException.class, () -> new TlReader(unhex("FE0000FF00")).readString());
    assertTrue(eof.getMessage().contains("past the end"), eof.getMessage());
    byte[] ff = new byte[256];
    Arrays.fill(ff, (byte) 0xff);
    TlException invalid = assertThrows(TlException.class, () -> new TlReader(ff).readBytes());
    assertTrue(invalid.getMessage().contains("invalid length"), invalid.getMessage());
  }

  @Test
  void msgIdIsALittleEndianLong() {
    byte[] b = new TlWriter().writeLong(0x5bbe8e4e00003520L).toByteArray();
    assertEquals("203500004e8ebe5b", hex(b));
    assertEquals(0x5bbe8e4e00003520L, new TlReader(b).readLong());
  }

  /** Telethon test_correct_multi_serialization: two 4-byte bodies with seqno 1 and 3 in one msg_container. */
  @Test
  void telethonContainerLayout() {
    JsonObject container = new JsonObject().put("_", "msg_container").put("messages", new JsonArray()
        .add(message(0x5e0b700000000004L, 1, Buffer.buffer("Hey!")))
        .add(message(0x5e0b700000000008L, 3, Buffer.buffer("Bye!"))));
    Buffer body = codec.encode(container);
    assertEquals(0x30, body.length());
    assertEquals("dcf8f173" + "02000000"
        + "0400000000700b5e" + "01000000" + "04000000" + hex("Hey!".getBytes())
        + "0800000000700b5e" + "03000000" + "04000000" + hex("Bye!".getBytes()), hex(body));
    // "Hey!" is not a constructor id: decoding names the place.
    TlException e = assertThrows(TlException.class, () -> codec.decode(body));
    assertEquals("msg_container.messages[0].body", e.path());
    assertEquals(24, e.offset());
  }

  /** §2b: the decrypted server message, a msg_container with new_session_created and pong. */
  @Test
  void serverContainerOf2b() {
    byte[] plain = unhex("""
        fc826a02248b28fd60f2c4822443ad6801f0c1c2918b305e0200000058000000
        dcf8f1730200000001a8c1c2918b305e010000001c0000000809c29ec4fd33ad
        918b305e18a88ea607ee5816fc826a02248b28fd01ccc1c2918b305e02000000
        14000000c5737734c4fd33ad918b305e6408300000000000fce66704a3cd8ee9
        d0ae6fab672c60c04a3f1fd4490e51f6""");
    TlReader in = new TlReader(plain, 32, 88);
    JsonObject c = codec.decode(in);
    assertEquals(0, in.remaining());
    JsonObject newSession = new JsonObject().put("_", "new_session_created")
        .put("first_msg_id", 0x5e308b91ad33fdc4L).put("unique_id", 0x1658ee07a68ea818L)
        .put("server_salt", 0xfd288b24026a82fcL);
    JsonObject pong = new JsonObject().put("_", "pong")
        .put("msg_id", 0x5e308b91ad33fdc4L).put("ping_id", 0x0000000000300864L);
    JsonObject expected = new JsonObject().put("_", "msg_container").put("messages", new JsonArray()
        .add(new JsonObject().put("msg_id", 0x5e308b91c2c1a801L).put("seqno", 1).put("bytes", 28)
            .put("body", newSession))
        .add(new JsonObject().put("msg_id", 0x5e308b91c2c1cc01L).put("seqno", 2).put("bytes", 20).put("body", pong)));
    JsonAssert.assertSameJson(expected, c);
    assertEquals(hex(Arrays.copyOfRange(plain, 32, 120)), hex(codec.encode(c)));
  }

  /** §5: every TL body of the official auth-key walkthrough decodes and re-encodes to the same bytes. */
  @Test
  void authKeyWalkthroughBodies() {
    JsonObject req = roundTrip(unencryptedBody("""
        0000000000000000d4720600503dc56514000000f18e7ebe406709f612fadfbe
        c3f0289d0aa67eef"""));
    assertEquals("req_pq_multi", req.getString("_"));
    assertEquals("406709f612fadfbec3f0289d0aa67eef", hex(req.getBuffer("nonce")));

    JsonObject resPq = roundTrip(unencryptedBody("""
        000000000000000001d83175503dc565a800000063241605406709f612fadfbe
        c3f0289d0aa67eefe11dbc3bc97d91a26154f932af01994308256595edb77667
        9700000015c4b51c03000000a5b7f709355fc30b216be86c022bb4c385fd64de
        851d9dd0"""));
    assertEquals("resPQ", resPq.getString("_"));
    assertEquals("256595edb7766797", hex(resPq.getBuffer("pq")));
    assertEquals(-3414540481677951611L, resPq.getJsonArray("server_public_key_fingerprints").getLong(2));

    JsonObject inner = roundTrip(unhex("""
        955ff5a908256595edb7766797000000045a300d4b000000046a26db65000000
        406709f612fadfbec3f0289d0aa67eefe11dbc3bc97d91a26154f932af019943
        a8bbc849512dac6c67b6efd9157d6ca7377a1776307d84265c6be9bdcf802ac1
        02000000"""));
    assertEquals("p_q_inner_data_dc", inner.getString("_"));
    assertEquals("5a300d4b", hex(inner.getBuffer("p")));
    assertEquals(2, inner.getInteger("dc"));

    JsonObject dhGenOk = roundTrip(unencryptedBody("""
        00000000000000000100be91513dc5657400000034f7cb3b406709f612fadfbe
        c3f0289d0aa67eefe11dbc3bc97d91a26154f932af0199431142871352165e59
        e1124036b48b97d3"""));
    assertEquals("1142871352165e59e1124036b48b97d3", hex(dhGenOk.getBuffer("new_nonce_hash1")));
  }

  /** §5 step 5: the req_DH_params header followed by the RSA_PAD encrypted_data of step 4. */
  @Test
  void reqDhParams() {
    byte[] header = unencryptedBody("""
        0000000000000000d8720600503dc56540010000bee412d7406709f612fadfbe
        c3f0289d0aa67eefe11dbc3bc97d91a26154f932af019943045a300d4b000000
        046a26db6500000085fd64de851d9dd0fe000100""");
    byte[] encrypted = unhex("""
        b80632b3f0d1ab28efae2cf974c4a2d51a77fcb6defd415e1ec284cab2b5f88d
        5c4c5b19aff5e940ce14ccb6a7f340ec88df7c1f091fb6f7323b047c02dc6321
        2d0debe4b3b7a0310e26db1289cba24112df37506c90deab797623e4aff4643d
        2a921891346bc176c4e1cce14f64fa59526dd021effa428e8f8aceeb96dbd472
        9e99bbb26dddc744d584b732415dffe20418953f4eafc81dade5c6606a1e7faa
        3edb90f36ecf405422c97c360cc31a444b1eeb6c33d62c5802165c72bbc85d1a
        dbccd17988de7f43da0f340502744b52b196a78ef1ed1372c6ea1232603fdb9c
        28f7f8783f29098ffd0fe9b066c460ecba0a2962b82398c1b32d3dcb3bc3a59e""");
    byte[] body = Arrays.copyOf(header, header.length + encrypted.length);
    System.arraycopy(encrypted, 0, body, header.length, encrypted.length);
    assertEquals(0x140, body.length);
    JsonObject req = roundTrip(body);
    assertEquals("req_DH_params", req.getString("_"));
    assertEquals(-3414540481677951611L, req.getLong("public_key_fingerprint"));
    assertEquals("6a26db65", hex(req.getBuffer("q")));
    assertEquals(hex(encrypted), hex(req.getBuffer("encrypted_data")));
  }

  /** §5 step 7: client_DH_inner_data with retry_id 0 and the 256-byte g_b. */
  @Test
  void clientDhInnerData() {
    JsonObject inner = roundTrip(unhex("""
        54b64366406709f612fadfbec3f0289d0aa67eefe11dbc3bc97d91a26154f932
        af0199430000000000000000fe000100a215d057bc6648453d68c2f418a38d9d
        4f4fa47e5d520ac7ebc2adc3b00075090c10a1e9d96a5dda127317f2ddc165c5
        f6c8c2854648c106d0d9df684dae70b0e6021658806245b494b762b1979e8bd5
        97b5cc8e43a80f96ca47fb0765c98d40529f3d94c82113ae32c603aa24411ef8
        b330565a1d66ea6b89c9d4f8affeea397c4b247564215d147b6ad0df7f3fb449
        9e89e34304531d87448b91967b5bd53093f09386c0f78940c1dd6aa7c8667e15
        857453e6aad275f94cd386468cf49108fb7c54282596a4d0314dce9efed4066a
        6e072471439aeaaa74157db7dd53f01982982534dee8740610ba433bf459b3df
        e38674561f31991ce007ba112dda6718"""));
    assertEquals("client_DH_inner_data", inner.getString("_"));
    assertEquals(0L, inner.getLong("retry_id"));
    assertEquals("a215d057", hex(inner.getBuffer("g_b").getBytes(0, 4)));
  }

  /** §5 step 6: server_DH_inner_data inside answer_with_hash (after the 20-byte SHA1, 564 bytes, then padding). */
  @Test
  void serverDhInnerData() {
    byte[] answerWithHash = unhex("""
        60026275cc91ddec5371c67b10331c4c1d362585ba0d89b5406709f612fadfbe
        c3f0289d0aa67eefe11dbc3bc97d91a26154f932af01994303000000fe000100
        c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f
        48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c37
        20fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f64
        2477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4
        a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754
        fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4
        e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f
        0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b
        fe0001000a77200bdff6e6c4c126a2c41df310ab3a3bdbd698cd480749e1f3c6
        4fb1cfc9dfc70ac6f1aa671019620a640055b2cf7d7d99cc86533645c0fa0009
        54de2987bad68d7450cf134c9f0305f34c1bb285da8233f65970a01c4bd3afd5
        ea3cd5864b8f1dcb35d5e9737df15063c54cf53048ef519a280498dddaf23764
        f29ffb0c5813caad90c319be8592b78c4be815e65ada7c62ea23754b5a2c5a86
        c4721872d0cc48e0f895c3ebe186e81e5f0e88a6b3f09101c409af3410b64238
        fbf2a2095e3f3b7ffc7eb3a02a319b99a155647bc59958bcdfed8a1cc6eb7f13
        f8600e521d9d0247b0f639f2fa3b09f72987781f71c0e8aa950167de5092380b
        4853e7f1513dc565c26f8049523e89d2""");
    JsonObject inner = roundTrip(Arrays.copyOfRange(answerWithHash, 20, 20 + 564));
    assertEquals("server_DH_inner_data", inner.getString("_"));
    assertEquals(3, inner.getInteger("g"));
    assertEquals(1707425105, inner.getInteger("server_time"));
    assertEquals("c71caeb9c6b1c904", hex(inner.getBuffer("dh_prime").getBytes(0, 8)));
    assertEquals(256, inner.getBuffer("g_a").length());
  }

  private JsonObject roundTrip(byte[] body) {
    JsonObject v = codec.decode(Buffer.buffer(body));
    assertEquals(hex(body), hex(codec.encode(v)));
    return v;
  }

  /** The body of an unencrypted message: auth_key_id(8) ‖ msg_id(8) ‖ length(4) ‖ body. */
  private static byte[] unencryptedBody(String hex) {
    byte[] msg = unhex(hex);
    return Arrays.copyOfRange(msg, 20, msg.length);
  }

  private static JsonObject message(long msgId, int seqno, Buffer body) {
    return new JsonObject().put("msg_id", msgId).put("seqno", seqno).put("body", body);
  }

  private static String prefix(int len, int n) {
    return hex(Arrays.copyOf(new TlWriter().writeBytes(new byte[len]).toByteArray(), n));
  }

  private static byte[] filled(int len) {
    byte[] b = new byte[len];
    for (int i = 0; i < len; i++) {
      b[i] = (byte) (i * 7 + 1);
    }
    return b;
  }
}
