package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RsaKeyTest {

  /** tdlib test/mtproto.cpp TEST(Mtproto, RSA). */
  private static final String TDLIB_PEM = "-----BEGIN RSA PUBLIC KEY-----\n"
      + "MIIBCgKCAQEAr4v4wxMDXIaMOh8bayF/NyoYdpcysn5EbjTIOZC0RkgzsRj3SGlu\n"
      + "52QSz+ysO41dQAjpFLgxPVJoOlxXokaOq827IfW0bGCm0doT5hxtedu9UCQKbE8j\n"
      + "lDOk+kWMXHPZFJKWRgKgTu9hcB3y3Vk+JFfLpq3d5ZB48B4bcwrRQnzkx5GhWOFX\n"
      + "x73ZgjO93eoQ2b/lDyXxK4B4IS+hZhjzezPZTI5upTRbs5ljlApsddsHrKk6jJNj\n"
      + "8Ygs/ps8e6ct82jLXbnndC9s8HjEvDvBPH9IPjv5JUlmHMBFZ5vFQIfbpo0u0+1P\n"
      + "n6bkEi5o7/ifoyVv2pAZTRwppTz0EuXD8QIDAQAB\n"
      + "-----END RSA PUBLIC KEY-----";

  /** gotd crypto/rsa_fingerpting_test.go: a 1024-bit X.509 key. */
  private static final String GOTD_PKIX_PEM = "-----BEGIN PUBLIC KEY-----\n"
      + "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCJhOrkbrOi7/fFQRN2+8W5+Inx\n"
      + "bdxo7XH5DDKgFvXPDDe8cQINO3/kFat7KlpC2n2sS8ApZQkmREANg0XpImL9lCHB\n"
      + "v1FgQmL0xtnaURKo7FzaoaL4jCf5556NQr1th9F3oeN67mR4+BF0vPP9Gu6GY5Z1\n"
      + "BSqi+FEREW/2aWSgSwIDAQAB\n"
      + "-----END PUBLIC KEY-----";

  /** VECTORS §7c. */
  @Test
  void bundledKeyFingerprints() {
    assertEquals(-3414540481677951611L, RsaKey.telegramProduction().fingerprint());
    assertEquals(-5595554452916591101L, RsaKey.telegramTest().fingerprint());
    byte[] wire = new byte[8];
    Bytes.putLongLe(wire, 0, RsaKey.telegramProduction().fingerprint());
    assertEquals("85fd64de851d9dd0", hex(wire));
    Bytes.putLongLe(wire, 0, RsaKey.telegramTest().fingerprint());
    assertEquals("03268d20df9858b2", hex(wire));
    assertEquals(BigInteger.valueOf(65537), RsaKey.telegramProduction().exponent());
  }

  @Test
  void tdlibKeyFingerprintAndRawEncryption() {
    RsaKey key = RsaKey.fromPem(TDLIB_PEM);
    assertEquals(-7596991558377038078L, key.fingerprint());
    byte[] first256 = Arrays.copyOf(TDLIB_PEM.getBytes(StandardCharsets.US_ASCII), 256);
    assertEquals("U2nJEtB2AgpHrm3HB0yhpTQgb0wbesi9Pv/W1v/vULU=",
        Base64.getEncoder().encodeToString(Hashes.sha256(key.encryptRaw(first256))));
  }

  @Test
  void x509KeyFingerprint() {
    RsaKey key = RsaKey.fromPem(GOTD_PKIX_PEM);
    assertEquals(1914007313702140277L, key.fingerprint());
    assertThrows(IllegalStateException.class, () -> key.encryptRsaPad(new byte[1], new TestSupport.FixedRandom()),
        "RSA_PAD needs a 2048-bit modulus");
  }

  /**
   * VECTORS §7a (Telethon v2 / grammers test_rsa_encryption, whose "arbitrary" key is the test-DC key). The 256 "random
   * bytes" are consumed as grammers does: padding = random[0:96], temp_key of try k = random[192+32k : 224+32k]
   * (random[96:192] is unused). The first try gives key_aes_encrypted ≥ n, so the result comes from the retry.
   * (VECTORS.md says the first temp_key is all zero; in fact the zero run is random[96:192].)
   */
  @Test
  void rsaPadWithRetry() {
    RsaKey key = RsaKey.telegramTest();
    assertTrue(key.modulus().toString().startsWith("2534288944884041556497168959071347320689884775908477905258202"));
    byte[] data = hex("955ff5a9081a8e635f5743de9b00000004453dc27100000004622f1fcb000000f7a81627bbf511fa4afef71e94a093"
        + "7474586c1add9198dda81a5df8393871c8293623c5fb968894af1be7dfe9c7be813f9307789242fd0cb0c16a5cb39a8d3e");
    byte[] random = hex("12270000635593b03fee033d0672f9afddf9124de9e77df6251806cba93482e4c9e6e06e7d44e4c4baae821aff91af"
        + "44789689faaee9bdfc7b2df8c08709afe57396c4638ceaa0dc30114f82447e81d3b53edc423b32660c43a5b8ad057b6450"
        + "00".repeat(96)
        + "7dada0920c4973913229e0f881aec7b9db0c392d34f52fb0995ea493ecb4c09daaf68fe9554ec7a59c03e4035952b220b4"
        + "7a8d06aad71134110d8c44948901f8");
    assertEquals(256, random.length);
    TestSupport.FixedRandom rnd = new TestSupport.FixedRandom(Arrays.copyOf(random, 96),
        Arrays.copyOfRange(random, 192, 256));
    assertEquals("c6d211349fc10cda6983276250b09f4be9b39f533b5d314b732b51a6dd72234dab4224209992c894e0e4c9f30249f1"
        + "dbbd1630a27b98f2f92a53c00baabbd46f380bd35f417e5ec2edb43f7644b5c81af011d736eb369265e848b553ae5e6350"
        + "dd5695efc72bde0e35f3c3fc827b91eb97cf1efdbff12269b9c33f81645adebc89ed167edc19d285237a754bf629aa358e"
        + "d08498863b2aec8b7139001627bbe8bdef239474a5a43e664d278f39e72d694a206d7b838fd40868a71c4bfbffa38b7679"
        + "faa502b7795cbe5ae1bd05ca7eb01ff5b05107265fd39bd5b4e19d392b735a3b0b5b21473062981bff86ff9084a7b5947"
        + "75e3127c05fd454e19f794a4ab4", hex(key.encryptRsaPad(data, rnd)));
    assertEquals(0, rnd.remaining(), "the retry consumed the second temp_key");
  }

  /** VECTORS §7b (gotd TestRSAPad): production key, 144 × 'a', all randomness zero. */
  @Test
  void rsaPadProductionKeyZeroRandom() {
    byte[] data = new byte[144];
    Arrays.fill(data, (byte) 'a');
    TestSupport.FixedRandom rnd = new TestSupport.FixedRandom(new byte[48 + 32]);
    assertEquals("bf68719e836806b040cd261ecaf66eb3c4ba19f3bbea3031b2e6cf29167bab647201d101b291dc5b716a42e789a38d"
        + "947fe59e9bcce8f30ef46a946743ea8b6babbce7fc0afc46b802aa453e83471d82a4dfad83f971f350b4b4fb474cd1c48f"
        + "df427e4b5fecce9ec3178ae7dac3985856fdefa21d6fdc5e0e0fd8a57bc4f51580d637d372be8d87c9aa3fde8e6f8287bc"
        + "b3be846aadcdd59465375479e248f62ed438f9804fbe36d41ca906243a5f740f3937949aa149ba8a8b8e68b3f3e1e3cd3f"
        + "946387520e21eee55845e1f015a919a22f6a72bfaecd2cae946c91983b41f9ffabe97963bbde8f30eaf5fd3c5b8cecab87"
        + "11bd269e441b6084f385726ff0", hex(RsaKey.telegramProduction().encryptRsaPad(data, rnd)));
    assertThrows(IllegalArgumentException.class,
        () -> RsaKey.telegramProduction().encryptRsaPad(new byte[145], new TestSupport.FixedRandom()));
  }

  @Test
  void pkcs1PemRoundTripReproducesBundledFile() throws Exception {
    String pem = RsaKey.telegramProduction().toPkcs1Pem();
    String file = new String(RsaKeyTest.class.getResourceAsStream("/keys/production.pem").readAllBytes(),
        StandardCharsets.US_ASCII);
    assertTrue(file.contains(pem), pem);
    assertEquals(RsaKey.telegramProduction(), RsaKey.fromPem(pem));
  }

  @Test
  void x509PemFromJdkEncoding() throws Exception {
    RsaKey prod = RsaKey.telegramProduction();
    byte[] spki = KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(prod.modulus(), prod.exponent())).getEncoded();
    RsaKey parsed = RsaKey.fromPem("junk before\n" + Pem.write("PUBLIC KEY", spki) + "junk after");
    assertEquals(prod, parsed);
    assertEquals(prod.fingerprint(), parsed.fingerprint());
  }

  @Test
  void rejectsBadPem() {
    assertThrows(IllegalArgumentException.class, () -> RsaKey.fromPem("no pem here"));
    assertThrows(IllegalArgumentException.class, () -> RsaKey.fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n"
        + "-----END CERTIFICATE-----"));
    assertThrows(IllegalArgumentException.class, () -> RsaKey.fromPem("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n"));
  }

  @Test
  void rawEncryptionRejectsValuesAboveModulus() {
    RsaKey key = RsaKey.telegramProduction();
    assertThrows(IllegalArgumentException.class, () -> key.encryptRaw(Bytes.toFixed(key.modulus(), 256)));
    assertEquals("RsaKey[fingerprint=-3414540481677951611, bits=2048]", key.toString());
  }
}
