package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SrpTest {

  private static final byte[] P = Bytes.toFixed(DhChecks.TELEGRAM_PRIME, 256);
  private static final byte[] SALT1 =
      hex("4D11FB6BEC38F9D2546BB0F61E4F1C99A1BC0DB8F0D5F35B1291B37B213123D7ED48F3C6794D495B");
  private static final byte[] SALT2 = hex("A1B181AAFE88188680AE32860D60BB01");
  private static final SecureRandom RND = new SecureRandom();

  /** VECTORS §8c: gotd TestSRP, a = 1. */
  @Test
  void gotdClientAnswer() {
    byte[] srpB = hex("9C52401A6A8084EC82F01C3725D3FB448BD2F0C909F9D97726EAC4B7A74172D952F02466BE6734FA274D2B7429E27397"
        + "F10372D66B400B80A5C5AE3F28B17BF3105D7A2D2A885998CDC2DEFC208AEC217AB58859A9ABC2374AD93DC285F4B3FBCAFF414"
        + "3D7888F2425BD2FB711B25609CEB21757D935B1EF2F042173AD0CE2FE0E474DAC53914BD25A8A9AED4AEA8953D55CB88621DB37B"
        + "871EA0D04393AC0987F68094CCC9DE8239251375D8FFFD263316CD528C097B7BC9FB919FBEDB76C525DF3413C374EE076D97A1E6"
        + "D352BB7CC80FD13651B04B32E2E48C5268150842CFD07CF855958B1B5EA9C36FDAD697FE3AEC8DCC6B1EFEC36874AF226204676CF");
    Srp.SrpAnswer answer = Srp.answer(ascii("123123"), SALT1, SALT2, 3, P, srpB, Bytes.toFixed(BigInteger.ONE, 256));
    assertArrayEquals(Bytes.toFixed(BigInteger.valueOf(3), 256), answer.a());
    assertEquals("999df906bda2c6cbb52f503406eba2d0d0503ace0cc302c38f13ee5010ad4051", hex(answer.m1()));
  }

  /** VECTORS §8d: gotd TestSRP_NewHash, new_salt1 = salt1 ‖ 32 zero bytes. */
  @Test
  void gotdNewPasswordVerifier() {
    byte[] salt1 = Bytes.concat(hex("e6c8957ddf988d48"), new byte[32]);
    byte[] v = Srp.verifier(ascii("newPassword"), salt1, hex("9f6344822b096cff87efa426f57857b6"), 3, P);
    assertEquals("186ac18dcc5790bf6bba21bd958d375ee5481af0029e9bd7a9c68ec926bd5196d81f8cd8b58ee06c8a10adeacc7f56e8"
        + "19ff514825deb15b1fadec6aae17a244cb23488d17349cd4261a8ba4da7b9c2ce5c40014dd9e362750acf3ac89b8b8f5c618f0b"
        + "6a572c38fff3a554d8818a0b8e7b6015e1836128a1e4e2d5cf9971d1dd048aa181d861152eae71553962680632387b89ac1865f"
        + "ded7c8c3daa64ed38dc25036663fa0cf7748c52ea19c187e70a752a8053e409d4894218a429393d03382e41e50b7415b3b8ad092"
        + "fd0790f88d894e84dca78f47f4218937d7aa99d88c87c09bcb8da890e535026623cea6fc8b3d25db70cb42aaa48323927d87a8fcf1",
        hex(v));
  }

  /** The Local DC side: v from the password, B from the server, A/M1 from the client, verified by the server. */
  @Test
  void serverRoundTrip() {
    byte[] password = ascii("correct horse");
    byte[] v = Srp.verifier(password, SALT1, SALT2, 3, P);
    Srp.Server server = new Srp.Server(v, 3, P, RND);
    Srp.SrpAnswer answer = Srp.answer(password, SALT1, SALT2, 3, P, server.b(), RND);
    DhChecks.checkGa(new BigInteger(1, answer.a()), DhChecks.TELEGRAM_PRIME);
    assertTrue(server.verify(answer.a(), answer.m1(), SALT1, SALT2));

    byte[] badM1 = answer.m1().clone();
    badM1[0] ^= 1;
    assertFalse(server.verify(answer.a(), badM1, SALT1, SALT2));
    assertFalse(server.verify(answer.a(), answer.m1(), SALT2, SALT1), "salts are bound into M1");
    assertFalse(server.verify(Bytes.toFixed(BigInteger.ONE, 256), answer.m1(), SALT1, SALT2), "A out of range");

    Srp.SrpAnswer wrong = Srp.answer(ascii("wrong horse"), SALT1, SALT2, 3, P, server.b(), RND);
    assertFalse(server.verify(wrong.a(), wrong.m1(), SALT1, SALT2));
    assertEquals("Srp.Server[redacted]", server.toString());
  }

  @Test
  void serverWithFixedSecretIsDeterministic() {
    byte[] v = Bytes.toFixed(BigInteger.valueOf(12345), 256);
    byte[] b = new byte[256];
    Arrays.fill(b, (byte) 7);
    assertArrayEquals(new Srp.Server(v, 3, P, b).b(), new Srp.Server(v, 3, P, b).b());
  }

  @Test
  void clientRejectsBadGroupAndB() {
    byte[] a = new byte[256];
    RND.nextBytes(a);
    byte[] pw = ascii("x");
    byte[] goodB = Bytes.toFixed(DhChecks.TELEGRAM_PRIME.shiftRight(1), 256);
    assertThrows(SecurityCheckException.class,
        () -> Srp.answer(pw, SALT1, SALT2, 3, P, Bytes.toFixed(BigInteger.TWO, 256), a), "B below 2^1984");
    assertThrows(SecurityCheckException.class, () -> Srp.answer(pw, SALT1, SALT2, 3, P, P, a), "B = p");
    assertThrows(SecurityCheckException.class, () -> Srp.answer(pw, SALT1, SALT2, 2, P, goodB, a), "g rule");
    byte[] notPrime = P.clone();
    notPrime[255] ^= 2;
    assertThrows(SecurityCheckException.class, () -> Srp.answer(pw, SALT1, SALT2, 4, notPrime, goodB, a), "p");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
