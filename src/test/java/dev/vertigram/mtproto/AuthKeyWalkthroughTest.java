package dev.vertigram.mtproto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vertigram.crypto.RsaKey;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * Replays the official walkthrough (core.telegram.org/mtproto/samples-auth_key, VECTORS.md §5) through
 * {@link AuthKeyExchange}: the page's server answers come from a scripted channel and the page's random values from a
 * scripted generator, in the order the exchange draws them:
 * <ol>
 *   <li>nonce (16 bytes)</li>
 *   <li>new_nonce (32 bytes)</li>
 *   <li>RSA_PAD: the 92 padding bytes that fill p_q_inner_data_dc up to 192 bytes</li>
 *   <li>RSA_PAD: temp_key (32 bytes; not published by the page, so {@link #TEMP_KEY} is ours)</li>
 *   <li>b (256 bytes)</li>
 *   <li>the 12 padding bytes of client_DH_inner_data's data_with_hash</li>
 * </ol>
 * Every client message is byte-identical to the page's, except the RSA block of req_DH_params (its temp_key is
 * unknown): that one must equal RSA_PAD of the page's p_q_inner_data_dc with the same random draws, which pins the
 * inner data byte for byte.
 */
class AuthKeyWalkthroughTest {

  /** Our temp_key for RSA_PAD (the page's is not published). */
  private static final byte[] TEMP_KEY = new byte[32];
  private static final String NONCE = "406709f612fadfbec3f0289d0aa67eef";

  // Whole unencrypted messages as printed on the page (auth_key_id ‖ msg_id ‖ length ‖ body), and the randomness.
  private static final String REQ_PQ_MULTI =
      "0000000000000000d4720600503dc56514000000f18e7ebe406709f612fadfbe"
      + "c3f0289d0aa67eef";
  private static final String RES_PQ =
      "000000000000000001d83175503dc565a800000063241605406709f612fadfbe"
      + "c3f0289d0aa67eefe11dbc3bc97d91a26154f932af01994308256595edb77667"
      + "9700000015c4b51c03000000a5b7f709355fc30b216be86c022bb4c385fd64de"
      + "851d9dd0";
  private static final String NEW_NONCE =
      "a8bbc849512dac6c67b6efd9157d6ca7377a1776307d84265c6be9bdcf802ac1";
  private static final String P_Q_INNER_DATA =
      "955ff5a908256595edb7766797000000045a300d4b000000046a26db65000000"
      + "406709f612fadfbec3f0289d0aa67eefe11dbc3bc97d91a26154f932af019943"
      + "a8bbc849512dac6c67b6efd9157d6ca7377a1776307d84265c6be9bdcf802ac1"
      + "02000000";
  private static final String RSA_PAD_PADDING =
      "d944bb8347c876177fe03c2562bf4e87258ef147a7815d8853aa4b1065a5a385"
      + "d0da7e0b6100faf55728d04dfc84e7e0d20006e07e1cb036730f5b3209cf85b2"
      + "365b39de2cbc56f40b725ad347835e5d1973567ece8a02cf343d54f7";
  private static final String REQ_DH_PARAMS_HEAD =
      "0000000000000000d8720600503dc56540010000bee412d7406709f612fadfbe"
      + "c3f0289d0aa67eefe11dbc3bc97d91a26154f932af019943045a300d4b000000"
      + "046a26db6500000085fd64de851d9dd0fe000100";
  private static final String SERVER_DH_PARAMS_OK =
      "0000000000000000014c6e1e513dc565c40200005c07e8d0406709f612fadfbe"
      + "c3f0289d0aa67eefe11dbc3bc97d91a26154f932af019943fe5002006ad7dd5d"
      + "8b2526c761abe50e93c82a6f331b1eae0ad011893da976e3771d4aa45209d234"
      + "fea65642985386b817bf8980f517f6d32dbeb47e34534556f950ddf960db721a"
      + "48480231619161112682c6046d5629c71cd1ec8061dfcdd704703ec7a8aebdcb"
      + "d159579fc8886d9fa51e009af49b5ab90c7628eb81c9788a2eb6ac0e757a7deb"
      + "e3d949f80a990bedb4d2dbae43f00328b82f4d8fc83a9b9cfeef467e1593bb45"
      + "79ee32412f167a780cfa517650bd0eb51cbfb50e3afe978839466131fcd95671"
      + "1e63614f006a55ed35ed2b1f833c29f4fd7a84f0c8f1c10dfc1a1aaf9a8a5710"
      + "8decf206e3968406f0fb25e922df154f497b51527e4834202fab477a137d0a99"
      + "d1c347196fba10699f52ea56f01ef93829b310a5c97db95fd57e64417e526eb9"
      + "20d261157c6e38791bdd5389eeb744e075d952db33a8151207d0ab3c629e30a7"
      + "23a5205f8fa18398937ed2714a4e76a5f4512508a4be1b4d6ae46fd156c6f063"
      + "47af5e07ce49279195133b07cce4bc6775d88f3611180d23c4c70946619ad759"
      + "ab9f183a385ccf9bf19315fadbe8a4fdc748af52df930345909c870de4b48901"
      + "e9f90e56d74ca534d8e1fe3a35a92a18d676958eb8fc3d82f9cee308df2a9e4c"
      + "cd23ff89ea255b9eedbc3378148879666ffc2e19a431cbb57ae1a010ffe5cb39"
      + "abf131add9e90bf969a112c435509b78960e0b20031c822190841561e8390446"
      + "227660bbaccf3d53574bfba33bf476e3bdc9eb680aa2a17fd6756f652725ed03"
      + "13e5eb0fd6a9c8c949eefbe809a89311bf20f40055ca25fd169dc13ee14b3150"
      + "92fde4184638d849682fd862";
  private static final String B =
      "1376a5a6bf7a9f874b47028f3d5cff0689fd52f58949bb0ee9bacdbe81dd1ced"
      + "07101844eb6f2ae19e61120b84799431f445785e33a18141399821479ae96786"
      + "e0f4e9c5c6c9e46bf562c21c96b0f8f7438c8caba3dfcb3dd3b886c2a37b95ed"
      + "804315335c0ddffeb3a278243d89f964278bc734d1087d6d4b554c1f78397a41"
      + "4f440e38ba9a4f1211b20ae835437762f81a45fdb035bb2220d939693084b39a"
      + "3c7be2481309ab9ae378eab8bb3a15a69eba80bef683582e2218fa604e823eab"
      + "d111553d31dbb46b9383a0d8eef615fff9cf266c970800aa28ac5e962d203513"
      + "11a815ffa7562989ca6d6323bf2b5af40ef3f45021b7445664852d07b80172ce";
  private static final String CLIENT_DH_PADDING =
      "74876952857ba6aaa495a20d";
  private static final String SET_CLIENT_DH_PARAMS =
      "0000000000000000185c0700513dc565780100001f5f04f5406709f612fadfbe"
      + "c3f0289d0aa67eefe11dbc3bc97d91a26154f932af019943fe50010014d185e5"
      + "75255986c29be3a0437d525ba22430cba0cd755225945ad3a1acefb536518514"
      + "f5086892e6e3fa84d1cbb644bc8f7bebcde74e31ba8a073f47623ebb6e7d94b3"
      + "a676a4c1afd4689c52d05f73d21c33f64fe6aeabd04273d9117cd064e467e1f8"
      + "e6c887bcae4679e0399ad35db1302a80629618f8c8485248d89a4e3568b464ff"
      + "7b608cbe24b51eeb81b65d76224b62a1669eaa48a99c122e5e8a778e13dd441d"
      + "c52175160088a498f186a2b99c736fe8c5c3e274d804c629564a0f15ddabc5b4"
      + "49356a7990900652a7432afb1499c7ce09246f6b29006425df2926465b04f17c"
      + "0077b6a336a50e46b675ad5607f05818f84eadec1f4847bf311027e742f8b1e1"
      + "83c01810c4ce964f2a0f36e257849c144c9b0b93b4a7a9e57391db0ccb0d757a"
      + "2b7a77257c8ff55553d66b6e1d45e9d8ca88e5a47b16322ff2ed5f5abe099e70"
      + "06b2d29c829d746b704130b1";
  private static final String AUTH_KEY =
      "aca2547baa3b4b3e6ad9129adee796042fc4acaaaba40dce7a1196640595829e"
      + "2ba85c5e68e5d2b7b713b28720ccd0e65da3b80cd8a9282bde895755b924f4cb"
      + "bced119dee057d3066d7095c25771a53d9ad6ec3464ee0e7fe1a4d9851f17b6c"
      + "c7d6e636e0bdea7d66153cf37005835a528e65673c1f5adaa27465964ba89aa6"
      + "fd045108b25b1dc9ab2d979864858c9eacbfa4a399cdbf2154d2cc6743c5caa4"
      + "0683343d80a36c7f1289dc5ac5ee585dea1e1cd296444ea6cd8f6c3564b2d355"
      + "b310a3c02608eea5ec36d38e941bf811489ab7a24c069e44ff54714cb4a45eee"
      + "2f310fddc0a1b08bd3dff8801e27c8508efd7ad51ef3c13ef1d9a02ee4601741";
  private static final String DH_GEN_OK =
      "00000000000000000100be91513dc5657400000034f7cb3b406709f612fadfbe"
      + "c3f0289d0aa67eefe11dbc3bc97d91a26154f932af0199431142871352165e59"
      + "e1124036b48b97d3";

  @Test
  void reproducesTheOfficialSample() {
    AuthKeyTestRandom random = new AuthKeyTestRandom()
        .thenHex(NONCE)
        .thenHex(NEW_NONCE)
        .thenHex(RSA_PAD_PADDING)
        .then(TEMP_KEY)
        .thenHex(B)
        .thenHex(CLIENT_DH_PADDING);
    Deque<Buffer> answers = new ArrayDeque<>(List.of(body(RES_PQ), body(SERVER_DH_PARAMS_OK), body(DH_GEN_OK)));
    List<Buffer> sent = new ArrayList<>();
    PlainChannel channel = request -> {
      sent.add(request);
      return Future.succeededFuture(answers.poll());
    };

    Future<AuthKeyResult> future = new AuthKeyExchange(List.of(RsaKey.telegramProduction()), random)
        .create(channel, 2, 0);

    assertTrue(future.succeeded(), () -> "exchange failed: " + future.cause());
    assertEquals(3, sent.size());
    assertTrue(random.exhausted(), "every scripted random chunk is drawn");
    // 1) req_pq_multi, re-wrapped with the page's msg_id: the whole message matches.
    assertEquals(REQ_PQ_MULTI, rewrap(REQ_PQ_MULTI, sent.get(0)));
    // 5) req_DH_params: everything up to the 256-byte RSA block matches ...
    String reqDh = rewrap(REQ_DH_PARAMS_HEAD, sent.get(1));
    assertEquals(20 + 320, reqDh.length() / 2);
    assertEquals(REQ_DH_PARAMS_HEAD, reqDh.substring(0, REQ_DH_PARAMS_HEAD.length()));
    // ... and the RSA block is RSA_PAD(page's p_q_inner_data_dc) under the same draws.
    byte[] expectedRsa = RsaKey.telegramProduction().encryptRsaPad(hex(P_Q_INNER_DATA),
        new AuthKeyTestRandom().thenHex(RSA_PAD_PADDING).then(TEMP_KEY));
    assertEquals(HexFormat.of().formatHex(expectedRsa), reqDh.substring(REQ_DH_PARAMS_HEAD.length()));
    // 7) set_client_DH_params: the whole message matches (g_b, client_DH_inner_data, IGE with tmp_aes_key/iv).
    assertEquals(SET_CLIENT_DH_PARAMS, rewrap(SET_CLIENT_DH_PARAMS, sent.get(2)));

    AuthKeyResult result = future.result();
    assertArrayEquals(hex(AUTH_KEY), result.key().bytes());
    assertArrayEquals(hex("20b5c361a4f5a3d0"), result.key().auxHash());
    assertEquals(Buffer.buffer(hex("65588b3350ef784e")).getLongLE(0), result.key().id());
    assertEquals(-3585621112631548343L, result.serverSalt());
    assertEquals(Buffer.buffer(hex("49a6747298503dce")).getLongLE(0), result.serverSalt());
    assertEquals(1707425105L, result.serverTimeSeconds());
    assertEquals(0, result.expiresAt());
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** The body of a whole unencrypted message printed on the page (its length fields are wrong for server messages). */
  private static Buffer body(String message) {
    return Buffer.buffer(hex(message.substring(40)));
  }

  /** Our body wrapped in an unencrypted message with the msg_id of the page's message, as hex. */
  private static String rewrap(String pageMessage, Buffer body) {
    long msgId = Buffer.buffer(hex(pageMessage.substring(16, 32))).getLongLE(0);
    return HexFormat.of().formatHex(PlainMessage.encode(msgId, body).getBytes());
  }
}
