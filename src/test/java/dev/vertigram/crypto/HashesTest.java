package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashesTest {

  private static final String[] STRINGS = {"", "1", "short test string", "a".repeat(1_000_000)};

  /** tdlib TEST(Crypto, sha1 / sha256 / md5 / crc32) over {"", "1", "short test string", 10^6 × 'a'}. */
  @Test
  void tdlibVectors() {
    String[] sha1 = {"2jmj7l5rSw0yVb/vlWAYkK/YBwk=", "NWoZK3kTsExUV00Ywo1G5jlUKKs=", "uRysQwoax0pNJeBC3+zpQzJy1rA=",
        "NKqXPNTE2qT2Husr260nMWU0AW8="};
    String[] sha256 = {"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "a4ayc/80/OGda4BO/1o/V0etpOqiLx1JwB5S3beHW0s=",
        "yPMaY7Q8PKPwCsw64UnDD5mhRcituEJgzLZMvr0O8pY=", "zcduXJkU+5KBocfihNc+Z/GAmkiklyAOBG05zMcRLNA="};
    String[] md5 = {"1B2M2Y8AsgTpgAmY7PhCfg==", "xMpCOKC5I4INzFCab3WEmw==", "vwBninYbDRkgk+uA7GMiIQ==",
        "dwfWrk4CfHDuoqk1wilvIQ=="};
    long[] crc = {0L, 2212294583L, 3013144151L, 3693461436L};
    for (int i = 0; i < STRINGS.length; i++) {
      byte[] s = STRINGS[i].getBytes(StandardCharsets.US_ASCII);
      assertEquals(sha1[i], b64(Hashes.sha1(s)));
      assertEquals(sha256[i], b64(Hashes.sha256(s)));
      assertEquals(md5[i], b64(Hashes.md5(s)));
      assertEquals((int) crc[i], Crc32.crc32(s));
    }
  }

  @Test
  void sha512AndConcatenation() {
    assertEquals("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
        + "454d4423643ce80e2a9ac94fa54ca49f", hex(Hashes.sha512(ascii("abc"))));
    assertArrayEquals(Hashes.sha256(ascii("abc")), Hashes.sha256(ascii("a"), new byte[0], ascii("bc")));
    assertArrayEquals(Hashes.sha1(ascii("abc")), Hashes.sha1(ascii("ab"), ascii("c")));
  }

  /** TL constructor ids are CRC32s of the normalised declaration (VECTORS §11). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "vector t:Type # [ t ] = Vector t|1cb5c415", "int ? = Int|a8509bda", "long ? = Long|22076cba",
      "boolFalse = Bool|bc799737", "boolTrue = Bool|997275b5", "req_pq_multi nonce:int128 = ResPQ|be7e8ef1",
      "resPQ nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector long = ResPQ|05162463",
      "gzip_packed packed_data:string = Object|3072cfa1"})
  void constructorIds(String declaration, String id) {
    assertEquals(Integer.parseUnsignedInt(id, 16), Crc32.crc32(ascii(declaration)));
  }

  @Test
  void crcOfRange() {
    byte[] b = ascii("xx1yy");
    assertEquals(Crc32.crc32(ascii("1")), Crc32.crc32(b, 2, 1));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
