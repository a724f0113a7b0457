package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static dev.vertigram.crypto.TestSupport.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KdfTest {

  private static final byte[] AUTH_KEY = range(256);
  private static final byte[] MSG_KEY = range(16);

  @Test
  void mtproto2KdfClientToServer() {
    Kdf.KeyIv k = Kdf.kdf2(AUTH_KEY, MSG_KEY, 0);
    assertEquals("704ed09c8b41668ae8f99d244738f71dbddc44469b6bbd4aa8573dd042bd059e", hex(k.key()));
    assertEquals("4d266000a550edabbf4c7ce40fd0043cc92230184cd317a5cc9c2482fd3b9318", hex(k.iv()));
  }

  @Test
  void mtproto2KdfServerToClient() {
    Kdf.KeyIv k = Kdf.kdf2(AUTH_KEY, MSG_KEY, 8);
    assertEquals("217725799b245806458174a1fcfbc883906807b15033fdd0ea2b4d69cf9c364e", hex(k.key()));
    assertEquals("669a6538917a4fa56ca32360a431c9160be4ad887140980dab91ce7bdc47ffbc", hex(k.iv()));
  }

  @Test
  void authKeyIdAndAuxHash() {
    AuthKey key = new AuthKey(AUTH_KEY);
    byte[] id = new byte[8];
    Bytes.putLongLe(id, 0, key.id());
    assertEquals("32d1586ea457dfc8", hex(id));
    assertEquals("4916d6bdb7f78e68", hex(key.auxHash()));
  }

  @Test
  void newNonceHashes() {
    byte[] aux = new AuthKey(AUTH_KEY).auxHash();
    byte[] newNonce = range(32);
    assertEquals("c2ced2b33e593a55d27f4a5dabee7c67", hex(Kdf.newNonceHash(newNonce, 1, aux)));
    assertEquals("f4318e85bd2ff3be84d9fefce3dce39f", hex(Kdf.newNonceHash(newNonce, 2, aux)));
    assertEquals("4bf9d7b37db413ee431d28517631cb3d", hex(Kdf.newNonceHash(newNonce, 3, aux)));
    assertThrows(IllegalArgumentException.class, () -> Kdf.newNonceHash(newNonce, 4, aux));
  }

  @Test
  void msgKeyMatchesDefinition() {
    byte[] plain = range(64);
    byte[] expected = new byte[16];
    System.arraycopy(Hashes.sha256(java.util.Arrays.copyOfRange(AUTH_KEY, 96, 128), plain), 8, expected, 0, 16);
    byte[] framed = new byte[70];
    System.arraycopy(plain, 0, framed, 3, 64);
    assertArrayEquals(expected, Kdf.msgKey(AUTH_KEY, framed, 3, 64, 8));
  }

  /** VECTORS §5a: the legacy sample page's tmp_aes_key/iv. */
  @Test
  void tmpAesKeyIvLegacySample() {
    Kdf.KeyIv k = Kdf.tmpAesKeyIv(hex("A5CF4D33F4A11EA877BA4AA573907330"),
        hex("311C85DB234AA2640AFC4A76A735CF5B1F0FD68BD17FA181E1229AD867CC024D"));
    assertEquals("f011280887c7bb01df0fc4e17830e0b91fbb8be4b2267cb985ae25f33b527253", hex(k.key()));
    assertEquals("3212d579ee35452ed23e0d0c92841aa7d31b2e9bdef2151e80d15860311c85db", hex(k.iv()));
  }

  /**
   * VECTORS §5a leading-zero regression: nonces starting with 00 must stay fixed-length byte arrays (a BigInteger
   * round trip would drop the zero byte and shift every hash input).
   */
  @Test
  void tmpAesKeyIvLeadingZeroNonces() {
    byte[] serverNonce = hex("00 2122232425262728292a2b2c2d2e2f");
    byte[] newNonce = range(32);
    assertEquals(0, serverNonce[0]);
    Kdf.KeyIv k = Kdf.tmpAesKeyIv(serverNonce, newNonce);
    assertEquals("0a2d0f607499a866848e41798a34315e4922c39fe55c6caf5bc322c4b8c08c6a", hex(k.key()));
    assertEquals("9cb702d4fd6e5d25e864070e166e6218f6783e8511471a5ab7802cf200010203", hex(k.iv()));
    byte[] shortened = new java.math.BigInteger(1, serverNonce).toByteArray();
    assertEquals(15, shortened.length, "what a BigInteger round trip would do to the nonce");
    assertThrows(IllegalArgumentException.class, () -> Kdf.tmpAesKeyIv(shortened, newNonce));
  }

  /** VECTORS §5a, Telethon test_key_from_nonce. */
  @Test
  void tmpAesKeyIvTelethon() {
    Kdf.KeyIv k = Kdf.tmpAesKeyIv(range(16), range(32));
    assertEquals("0758f1533b615d24f6e8a94a6fcbee0a55eaab2217d7295ca9213d1a2d7d16a6", hex(k.key()));
    assertEquals("5a84108e9805656ce864070e166e6218f6783e8511471a5ab7802cf200010203", hex(k.iv()));
  }

  /** VECTORS §9: MTProto 1.0 KDF and msg_key (gotd kdf_v1_test.go). */
  @Test
  void mtproto1KdfAndMsgKey() {
    Kdf.KeyIv k = Kdf.kdf1(AUTH_KEY, MSG_KEY, 0);
    assertEquals("17d7295ca9213d1ab656acdb1ad48b2ea7f3a8f7095098d5508b900bbd5fccfc", hex(k.key()));
    assertEquals("2d7d16a65a84108e9805656caa474501cc580aa2edc33abfd0bfad785464d1c6", hex(k.iv()));
    byte[] payload = "bind-message-test-payload".getBytes(StandardCharsets.US_ASCII);
    assertEquals("fc11a3669566de22b87f66550dc3de6d", hex(Kdf.msgKeyV1(payload)));
  }

  @Test
  void initialSaltOfOfficialSample() {
    byte[] newNonce = hex("A8BBC849512DAC6C67B6EFD9157D6CA7377A1776307D84265C6BE9BDCF802AC1");
    byte[] serverNonce = hex("E11DBC3BC97D91A26154F932AF019943");
    assertEquals(-3585621112631548343L, Kdf.initialSalt(newNonce, serverNonce));
  }

  @Test
  void rejectsBadDirectionAndSizes() {
    assertThrows(IllegalArgumentException.class, () -> Kdf.kdf2(AUTH_KEY, MSG_KEY, 4));
    assertThrows(IllegalArgumentException.class, () -> Kdf.kdf2(range(255), MSG_KEY, 0));
    assertThrows(IllegalArgumentException.class, () -> Kdf.kdf1(AUTH_KEY, range(15), 0));
  }

  @Test
  void keyMaterialNeverPrinted() {
    Kdf.KeyIv k = Kdf.kdf2(AUTH_KEY, MSG_KEY, 0);
    assertFalse(k.toString().contains(hex(k.key()).substring(0, 8)));
    AuthKey key = new AuthKey(AUTH_KEY);
    assertEquals("AuthKey[id=c8df57a46e58d132]", key.toString());
    assertFalse(key.toString().contains("000102"));
  }
}
