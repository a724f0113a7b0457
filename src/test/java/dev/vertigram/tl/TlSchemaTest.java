package dev.vertigram.tl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The parser and registry: lookups, parameters, special declarations and the CRC32 id rule (VECTORS §11). */
class TlSchemaTest {

  /** Ids in the schemas that the CRC32 rule does not reproduce (legacy or renamed entries): known, not errors. */
  private static final Set<String> API_RULE_EXCEPTIONS = Set.of("ipPortSecret", "accessPointRule", "help.configSimple");
  private static final Set<String> SECRET_RULE_EXCEPTIONS = Set.of(
      "decryptedMessage8", "decryptedMessageService8", "decryptedMessageMediaPhoto8", "decryptedMessageMediaVideo8",
      "decryptedMessageMediaDocument8", "decryptedMessageMediaAudio8", "decryptedMessage23",
      "decryptedMessageMediaVideo23", "documentAttributeSticker23", "documentAttributeVideo23",
      "documentAttributeAudio23", "documentAttributeAudio45", "decryptedMessage46", "decryptedMessageMediaDocument46",
      "decryptedMessageMediaDocument");

  @Test
  void bundledSchemas() {
    TlSchema api = TlSchema.api();
    assertEquals(228, api.layer());
    assertEquals(144, TlSchema.secret().layer());
    assertSame(api, TlSchema.api());
    assertTrue(api.constructors().size() > 1600, "api.tl + mtproto.tl constructors");
    assertTrue(api.methods().size() > 800);
  }

  @Test
  void idsFollowTheCrc32RuleExceptAKnownSet() {
    assertEquals(API_RULE_EXCEPTIONS, ruleExceptions(TlSchema.api()));
    assertEquals(SECRET_RULE_EXCEPTIONS, ruleExceptions(TlSchema.secret()));
  }

  @Test
  void vectors11Crc32() {
    assertEquals(0x1cb5c415, TlParser.ruleId("vector t:Type # [ t ] = Vector t"));
    assertEquals(0xa8509bda, TlParser.ruleId("int ? = Int"));
    assertEquals(0x22076cba, TlParser.ruleId("long ? = Long"));
    assertEquals(0x2210c154, TlParser.ruleId("double ? = Double"));
    assertEquals(0xb5286e24, TlParser.ruleId("string ? = String"));
    assertEquals(0xbc799737, TlParser.ruleId("boolFalse = Bool"));
    assertEquals(0x997275b5, TlParser.ruleId("boolTrue = Bool"));
    assertEquals(0x3fedd339, TlParser.ruleId("true = True"));
    assertEquals(0xbe7e8ef1, TlParser.ruleId("req_pq_multi nonce:int128 = ResPQ"));
    assertEquals(0x05162463, TlParser.ruleId(
        "resPQ nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ"));
    assertEquals(0x73f1f8dc, TlParser.ruleId("msg_container messages:vector<message> = MessageContainer"));
    assertEquals(0xf35c6d01, TlParser.ruleId("rpc_result req_msg_id:long result:Object = RpcResult"));
    assertEquals(0x3072cfa1, TlParser.ruleId("gzip_packed packed_data:bytes = Object"));
    assertEquals(0xe06046b2, TlParser.ruleId("msg_copy orig_message:Message = MessageCopy"));
    // The rule drops flags.N?true fields and braces.
    assertEquals(TlParser.ruleId("a flags:# x:flags.0?int = A"), TlParser.ruleId("a flags:# t:flags.1?true x:flags.0?int = A"));
    assertEquals(TlSchema.api().method("invokeWithLayer").id(),
        TlParser.ruleId("invokeWithLayer {X:Type} layer:int query:!X = X"));
    // Plain CRC32 check values (tdlib tdutils/test/crypto.cpp).
    assertEquals(0, TlParser.ruleId(""));
    assertEquals((int) 2212294583L, TlParser.ruleId("1"));
    assertEquals((int) 3013144151L, TlParser.ruleId("short test string"));
    assertEquals((int) 3693461436L, TlParser.ruleId("a".repeat(1_000_000)));
  }

  @Test
  void declarationsWithoutIdGetTheRuleId() {
    TlSchema secret = TlSchema.secret();
    assertEquals(0xbc799737, secret.constructor("boolFalse").id());
    assertEquals(0x997275b5, secret.constructor("boolTrue").id());
    assertEquals(TlParser.ruleId("test.dummyFunction = Bool"), secret.method("test.dummyFunction").id());
    TlCombinator hello = TlSchema.api().constructor("tlsClientHello");
    assertEquals(TlParser.ruleId("tlsClientHello blocks:vector<TlsBlock> = TlsClientHello"), hello.id());
  }

  @Test
  void builtInPseudoDeclarationsAreSkipped() {
    for (TlSchema s : List.of(TlSchema.api(), TlSchema.secret())) {
      for (String name : List.of("int", "long", "double", "string", "bytes", "int128", "int256", "vector")) {
        assertNull(s.constructor(name), name);
      }
      assertNull(s.constructor(0x1cb5c415));
    }
  }

  @Test
  void lookups() {
    TlSchema api = TlSchema.api();
    TlCombinator send = api.method("messages.sendMessage");
    assertSame(send, api.method(0xfef48f62));
    assertTrue(send.isMethod());
    assertEquals("Updates", send.type());
    assertNull(api.constructor("messages.sendMessage"));
    assertNull(api.constructor(0xfef48f62));
    assertNull(api.method("nope"));
    TlCombinator pong = api.constructor(0x347773c5);
    assertEquals("pong", pong.name());
    assertFalse(pong.isMethod());
    // api.tl's message wins the name; mtproto.tl's bare message is only msg_container's element.
    assertEquals(0x7600b9d3, api.constructor("message").id());
    assertEquals(List.of("msg_id", "seqno", "bytes", "body"),
        api.containerMessage.params().stream().map(TlParam::name).toList());
  }

  @Test
  void parameters() {
    TlCombinator user = TlSchema.api().constructor("user");
    TlParam botInfo = param(user, "bot_info_version");
    assertEquals("int", botInfo.type());
    assertEquals("flags", botInfo.flagField());
    assertEquals(14, botInfo.flagBit());
    TlParam usernames = param(user, "usernames");
    assertEquals("flags2", usernames.flagField());
    assertEquals(0, usernames.flagBit());
    assertEquals("Vector<Username>", usernames.type());
    assertEquals("true", param(user, "bot").type());
    TlParam id = param(user, "id");
    assertFalse(id.isConditional());
    assertEquals(-1, id.flagBit());
    assertEquals("#", param(user, "flags2").type());

    TlCombinator layer = TlSchema.api().method("invokeWithLayer");
    assertEquals("X", layer.type());
    assertEquals("!X", param(layer, "query").type());
    assertEquals("vector<message>", param(TlSchema.api().constructor("msg_container"), "messages").type());
    // The service schema's binary strings are bytes; its two text fields stay strings.
    assertEquals("bytes", param(TlSchema.api().constructor("resPQ"), "pq").type());
    assertEquals("string", param(TlSchema.api().constructor("rpc_error"), "error_message").type());
    assertEquals("string", param(TlSchema.api().constructor("message"), "message").type());
  }

  @Test
  void parseHandlesCommentsSectionsAndMultiLineDeclarations() {
    TlSchema s = TlSchema.parse("""
        // layer 7
        int ? = Int;
        vector {t:Type} # [ t ] = Vector t;
        a#00000001 flags:# x:flags.0?int y:flags.0?true // trailing comment
           z:Vector<int> = A;
        ---functions---
        f#00000002 {X:Type} a:A q:!X = X;
        ---types---
        b = B;
        """);
    assertEquals(7, s.layer());
    assertEquals(List.of("flags", "x", "y", "z"), s.constructor(1).params().stream().map(TlParam::name).toList());
    assertEquals("f", s.method(2).name());
    assertEquals(TlParser.ruleId("b = B"), s.constructor("b").id());
  }

  @Test
  void parseRejectsBrokenSchemas() {
    assertThrows(TlException.class, () -> TlSchema.parse("a#00000001 x:Nope = A;"));
    assertThrows(TlException.class, () -> TlSchema.parse("a#00000001 = A; b#00000001 = B;"));
    assertThrows(TlException.class, () -> TlSchema.parse("a#00000001 x:flags.0?int = A;"));
    assertThrows(TlException.class, () -> TlSchema.parse("a#00000001 x = A;"));
  }

  private static Set<String> ruleExceptions(TlSchema s) {
    Set<String> names = new TreeSet<>();
    for (var all : List.of(s.constructors(), s.methods())) {
      for (TlCombinator c : all) {
        if (c.id() != c.ruleId()) {
          names.add(c.name());
        }
      }
    }
    return names;
  }

  private static TlParam param(TlCombinator c, String name) {
    return c.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
