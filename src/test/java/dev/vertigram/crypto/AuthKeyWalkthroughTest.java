package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * VECTORS §5 and §3: the official auth-key walkthrough (core.telegram.org/mtproto/samples-auth_key) replayed at the
 * crypto level from the page's raw bytes. TL parsing belongs to another package, so fields are sliced at their fixed
 * offsets. The RSA_PAD step cannot be replayed: the page does not publish its temp_key.
 */
class AuthKeyWalkthroughTest {

  private static final byte[] NONCE = hex("406709F612FADFBEC3F0289D0AA67EEF");
  private static final byte[] SERVER_NONCE = hex("E11DBC3BC97D91A26154F932AF019943");
  private static final byte[] NEW_NONCE = hex("A8BBC849512DAC6C67B6EFD9157D6CA7377A1776307D84265C6BE9BDCF802AC1");
  private static final byte[] CLIENT_DH_PADDING = hex("74876952857BA6AAA495A20D");

  private static final String RES_PQ = """
      000000000000000001d83175503dc565a800000063241605406709f612fadfbe
      c3f0289d0aa67eefe11dbc3bc97d91a26154f932af01994308256595edb77667
      9700000015c4b51c03000000a5b7f709355fc30b216be86c022bb4c385fd64de
      851d9dd0
      """;  // 100 bytes
  private static final String P_Q_INNER_DATA = """
      955ff5a908256595edb7766797000000045a300d4b000000046a26db65000000
      406709f612fadfbec3f0289d0aa67eefe11dbc3bc97d91a26154f932af019943
      a8bbc849512dac6c67b6efd9157d6ca7377a1776307d84265c6be9bdcf802ac1
      02000000
      """;  // 100 bytes
  private static final String RANDOM_PADDING = """
      d944bb8347c876177fe03c2562bf4e87258ef147a7815d8853aa4b1065a5a385
      d0da7e0b6100faf55728d04dfc84e7e0d20006e07e1cb036730f5b3209cf85b2
      365b39de2cbc56f40b725ad347835e5d1973567ece8a02cf343d54f7
      """;  // 92 bytes
  private static final String ENCRYPTED_ANSWER = """
      6ad7dd5d8b2526c761abe50e93c82a6f331b1eae0ad011893da976e3771d4aa4
      5209d234fea65642985386b817bf8980f517f6d32dbeb47e34534556f950ddf9
      60db721a48480231619161112682c6046d5629c71cd1ec8061dfcdd704703ec7
      a8aebdcbd159579fc8886d9fa51e009af49b5ab90c7628eb81c9788a2eb6ac0e
      757a7debe3d949f80a990bedb4d2dbae43f00328b82f4d8fc83a9b9cfeef467e
      1593bb4579ee32412f167a780cfa517650bd0eb51cbfb50e3afe978839466131
      fcd956711e63614f006a55ed35ed2b1f833c29f4fd7a84f0c8f1c10dfc1a1aaf
      9a8a57108decf206e3968406f0fb25e922df154f497b51527e4834202fab477a
      137d0a99d1c347196fba10699f52ea56f01ef93829b310a5c97db95fd57e6441
      7e526eb920d261157c6e38791bdd5389eeb744e075d952db33a8151207d0ab3c
      629e30a723a5205f8fa18398937ed2714a4e76a5f4512508a4be1b4d6ae46fd1
      56c6f06347af5e07ce49279195133b07cce4bc6775d88f3611180d23c4c70946
      619ad759ab9f183a385ccf9bf19315fadbe8a4fdc748af52df930345909c870d
      e4b48901e9f90e56d74ca534d8e1fe3a35a92a18d676958eb8fc3d82f9cee308
      df2a9e4ccd23ff89ea255b9eedbc3378148879666ffc2e19a431cbb57ae1a010
      ffe5cb39abf131add9e90bf969a112c435509b78960e0b20031c822190841561
      e8390446227660bbaccf3d53574bfba33bf476e3bdc9eb680aa2a17fd6756f65
      2725ed0313e5eb0fd6a9c8c949eefbe809a89311bf20f40055ca25fd169dc13e
      e14b315092fde4184638d849682fd862
      """;  // 592 bytes
  private static final String ANSWER_WITH_HASH = """
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
      4853e7f1513dc565c26f8049523e89d2
      """;  // 592 bytes
  private static final String G_A = """
      0a77200bdff6e6c4c126a2c41df310ab3a3bdbd698cd480749e1f3c64fb1cfc9
      dfc70ac6f1aa671019620a640055b2cf7d7d99cc86533645c0fa000954de2987
      bad68d7450cf134c9f0305f34c1bb285da8233f65970a01c4bd3afd5ea3cd586
      4b8f1dcb35d5e9737df15063c54cf53048ef519a280498dddaf23764f29ffb0c
      5813caad90c319be8592b78c4be815e65ada7c62ea23754b5a2c5a86c4721872
      d0cc48e0f895c3ebe186e81e5f0e88a6b3f09101c409af3410b64238fbf2a209
      5e3f3b7ffc7eb3a02a319b99a155647bc59958bcdfed8a1cc6eb7f13f8600e52
      1d9d0247b0f639f2fa3b09f72987781f71c0e8aa950167de5092380b4853e7f1
      """;  // 256 bytes
  private static final String B = """
      1376a5a6bf7a9f874b47028f3d5cff0689fd52f58949bb0ee9bacdbe81dd1ced
      07101844eb6f2ae19e61120b84799431f445785e33a18141399821479ae96786
      e0f4e9c5c6c9e46bf562c21c96b0f8f7438c8caba3dfcb3dd3b886c2a37b95ed
      804315335c0ddffeb3a278243d89f964278bc734d1087d6d4b554c1f78397a41
      4f440e38ba9a4f1211b20ae835437762f81a45fdb035bb2220d939693084b39a
      3c7be2481309ab9ae378eab8bb3a15a69eba80bef683582e2218fa604e823eab
      d111553d31dbb46b9383a0d8eef615fff9cf266c970800aa28ac5e962d203513
      11a815ffa7562989ca6d6323bf2b5af40ef3f45021b7445664852d07b80172ce
      """;  // 256 bytes
  private static final String G_B = """
      a215d057bc6648453d68c2f418a38d9d4f4fa47e5d520ac7ebc2adc3b0007509
      0c10a1e9d96a5dda127317f2ddc165c5f6c8c2854648c106d0d9df684dae70b0
      e6021658806245b494b762b1979e8bd597b5cc8e43a80f96ca47fb0765c98d40
      529f3d94c82113ae32c603aa24411ef8b330565a1d66ea6b89c9d4f8affeea39
      7c4b247564215d147b6ad0df7f3fb4499e89e34304531d87448b91967b5bd530
      93f09386c0f78940c1dd6aa7c8667e15857453e6aad275f94cd386468cf49108
      fb7c54282596a4d0314dce9efed4066a6e072471439aeaaa74157db7dd53f019
      82982534dee8740610ba433bf459b3dfe38674561f31991ce007ba112dda6718
      """;  // 256 bytes
  private static final String CLIENT_DH_INNER_DATA = """
      54b64366406709f612fadfbec3f0289d0aa67eefe11dbc3bc97d91a26154f932
      af0199430000000000000000fe000100a215d057bc6648453d68c2f418a38d9d
      4f4fa47e5d520ac7ebc2adc3b00075090c10a1e9d96a5dda127317f2ddc165c5
      f6c8c2854648c106d0d9df684dae70b0e6021658806245b494b762b1979e8bd5
      97b5cc8e43a80f96ca47fb0765c98d40529f3d94c82113ae32c603aa24411ef8
      b330565a1d66ea6b89c9d4f8affeea397c4b247564215d147b6ad0df7f3fb449
      9e89e34304531d87448b91967b5bd53093f09386c0f78940c1dd6aa7c8667e15
      857453e6aad275f94cd386468cf49108fb7c54282596a4d0314dce9efed4066a
      6e072471439aeaaa74157db7dd53f01982982534dee8740610ba433bf459b3df
      e38674561f31991ce007ba112dda6718
      """;  // 304 bytes
  private static final String ENCRYPTED_DATA = """
      14d185e575255986c29be3a0437d525ba22430cba0cd755225945ad3a1acefb5
      36518514f5086892e6e3fa84d1cbb644bc8f7bebcde74e31ba8a073f47623ebb
      6e7d94b3a676a4c1afd4689c52d05f73d21c33f64fe6aeabd04273d9117cd064
      e467e1f8e6c887bcae4679e0399ad35db1302a80629618f8c8485248d89a4e35
      68b464ff7b608cbe24b51eeb81b65d76224b62a1669eaa48a99c122e5e8a778e
      13dd441dc52175160088a498f186a2b99c736fe8c5c3e274d804c629564a0f15
      ddabc5b449356a7990900652a7432afb1499c7ce09246f6b29006425df292646
      5b04f17c0077b6a336a50e46b675ad5607f05818f84eadec1f4847bf311027e7
      42f8b1e183c01810c4ce964f2a0f36e257849c144c9b0b93b4a7a9e57391db0c
      cb0d757a2b7a77257c8ff55553d66b6e1d45e9d8ca88e5a47b16322ff2ed5f5a
      be099e7006b2d29c829d746b704130b1
      """;  // 336 bytes
  private static final String AUTH_KEY = """
      aca2547baa3b4b3e6ad9129adee796042fc4acaaaba40dce7a1196640595829e
      2ba85c5e68e5d2b7b713b28720ccd0e65da3b80cd8a9282bde895755b924f4cb
      bced119dee057d3066d7095c25771a53d9ad6ec3464ee0e7fe1a4d9851f17b6c
      c7d6e636e0bdea7d66153cf37005835a528e65673c1f5adaa27465964ba89aa6
      fd045108b25b1dc9ab2d979864858c9eacbfa4a399cdbf2154d2cc6743c5caa4
      0683343d80a36c7f1289dc5ac5ee585dea1e1cd296444ea6cd8f6c3564b2d355
      b310a3c02608eea5ec36d38e941bf811489ab7a24c069e44ff54714cb4a45eee
      2f310fddc0a1b08bd3dff8801e27c8508efd7ad51ef3c13ef1d9a02ee4601741
      """;  // 256 bytes
  private static final String DH_GEN_OK = """
      00000000000000000100be91513dc5657400000034f7cb3b406709f612fadfbe
      c3f0289d0aa67eefe11dbc3bc97d91a26154f932af0199431142871352165e59
      e1124036b48b97d3
      """;  // 72 bytes

  @Test
  void step2and3ResPqFingerprintAndFactorization() {
    byte[] resPq = hex(RES_PQ);
    assertArrayEquals(NONCE, slice(resPq, 24, 16), "resPQ.nonce must echo ours");
    assertArrayEquals(SERVER_NONCE, slice(resPq, 40, 16));
    assertEquals(8, resPq[56]);
    long pq = new BigInteger(1, slice(resPq, 57, 8)).longValueExact();
    assertEquals(2694724800268887959L, pq);
    assertEquals(3, Bytes.getIntLe(resPq, 72));
    long production = RsaKey.telegramProduction().fingerprint();
    assertEquals(production, Bytes.getLongLe(resPq, 92));
    assertArrayEquals(new long[] {1513098571L, 1780931429L}, PqFactorizer.factor(pq));
  }

  @Test
  void step4PqInnerDataFitsRsaPad() {
    byte[] data = hex(P_Q_INNER_DATA);
    assertEquals("5a300d4b", hex(slice(data, 17, 4)));
    assertEquals("6a26db65", hex(slice(data, 25, 4)));
    assertArrayEquals(NEW_NONCE, slice(data, 64, 32));
    assertTrue(data.length <= RsaPad.MAX_DATA);
    assertEquals(192, data.length + hex(RANDOM_PADDING).length, "data_with_padding is exactly 192 bytes");
  }

  @Test
  void step6DecryptServerDhParams() {
    Kdf.KeyIv tmp = Kdf.tmpAesKeyIv(SERVER_NONCE, NEW_NONCE);
    assertEquals("5ea702f743e850f5546e857f08b7d5337bbaedf9b61248751594851be2e8c297", hex(tmp.key()));
    assertEquals("1cef8e372a63d97ebfa805c0dbb018bc7c1e0931693fbcb1a1afc0c0a8bbc849", hex(tmp.iv()));

    byte[] answerWithHash = AesIge.decrypt(tmp.key(), tmp.iv(), hex(ENCRYPTED_ANSWER));
    assertArrayEquals(hex(ANSWER_WITH_HASH), answerWithHash);
    // server_DH_inner_data: id(4) nonce(16) server_nonce(16) g(4) dh_prime(4+256) g_a(4+256) server_time(4) = 564 B
    byte[] answer = slice(answerWithHash, 20, 564);
    assertArrayEquals(slice(answerWithHash, 0, 20), Hashes.sha1(answer), "SHA1 over the TL length, not the padding");
    assertArrayEquals(NONCE, slice(answer, 4, 16));
    assertArrayEquals(SERVER_NONCE, slice(answer, 20, 16));
    int g = Bytes.getIntLe(answer, 36);
    BigInteger dhPrime = new BigInteger(1, slice(answer, 44, 256));
    BigInteger ga = new BigInteger(1, slice(answer, 304, 256));
    assertEquals(3, g);
    assertEquals(DhChecks.TELEGRAM_PRIME, dhPrime);
    assertEquals(1707425105, Bytes.getIntLe(answer, 560));
    DhChecks.checkDhParams(dhPrime, g);
    DhChecks.checkGa(ga, dhPrime);
    assertEquals(new BigInteger(1, hex(G_A)), ga);
  }

  @Test
  void step7ClientDhInnerDataEncryptsToThePagesBytes() {
    BigInteger p = DhChecks.TELEGRAM_PRIME;
    BigInteger gb = BigInteger.valueOf(3).modPow(new BigInteger(1, hex(B)), p);
    assertArrayEquals(hex(G_B), Bytes.toFixed(gb, 256));
    DhChecks.checkGa(gb, p);

    byte[] data = hex(CLIENT_DH_INNER_DATA);
    assertArrayEquals(NONCE, slice(data, 4, 16));
    assertEquals(0L, Bytes.getLongLe(data, 36), "retry_id");
    assertArrayEquals(hex(G_B), slice(data, 48, 256));
    byte[] dataWithHash = Bytes.concat(Hashes.sha1(data), data, CLIENT_DH_PADDING);
    assertEquals(336, dataWithHash.length);
    Kdf.KeyIv tmp = Kdf.tmpAesKeyIv(SERVER_NONCE, NEW_NONCE);
    assertArrayEquals(hex(ENCRYPTED_DATA), AesIge.encrypt(tmp.key(), tmp.iv(), dataWithHash));
  }

  @Test
  void steps8and9AuthKeyAndDhGenOk() {
    BigInteger p = DhChecks.TELEGRAM_PRIME;
    BigInteger authKey = new BigInteger(1, hex(G_A)).modPow(new BigInteger(1, hex(B)), p);
    AuthKey key = new AuthKey(Bytes.toFixed(authKey, 256));
    assertArrayEquals(hex(AUTH_KEY), key.bytes());

    byte[] id = new byte[8];
    Bytes.putLongLe(id, 0, key.id());
    assertEquals("65588b3350ef784e", hex(id), "VECTORS §3 (derived)");
    assertEquals("20b5c361a4f5a3d0", hex(key.auxHash()), "VECTORS §3 (derived)");

    byte[] dhGenOk = hex(DH_GEN_OK);
    assertEquals("34f7cb3b", hex(slice(dhGenOk, 20, 4)));
    assertArrayEquals(slice(dhGenOk, 56, 16), Kdf.newNonceHash(NEW_NONCE, 1, key.auxHash()));
    assertEquals("1142871352165e59e1124036b48b97d3", hex(Kdf.newNonceHash(NEW_NONCE, 1, key.auxHash())));
    byte[] salt = new byte[8];
    Bytes.putLongLe(salt, 0, Kdf.initialSalt(NEW_NONCE, SERVER_NONCE));
    assertEquals("49a6747298503dce", hex(salt));
  }

  private static byte[] slice(byte[] b, int off, int len) {
    return Arrays.copyOfRange(b, off, off + len);
  }
}
