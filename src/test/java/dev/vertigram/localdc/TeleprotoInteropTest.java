package dev.vertigram.localdc;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent client against the Local DC: the npm package teleproto 1.228.5 (GramJS fork, layer 228), installed
 * with {@code npm ci} from src/test/node into target/teleproto-interop (kept between runs), runs src/test/node/interop.js
 * against DC 1 trusting the Local DC's key. Fails (never skips) when node or npm is missing.
 */
class TeleprotoInteropTest {

  private static final Path PROJECT = Path.of("src/test/node");
  private static final Path WORK = Path.of("target/teleproto-interop");
  private static final long USER = 4242;

  private static Vertx vertx;
  private static LocalDc dc;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    dc = LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1, 2))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    installTeleproto();
  }

  @AfterAll
  static void stop() throws Exception {
    dc.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Copies the Node project to target/ and runs {@code npm ci} unless the same lock file is installed there. */
  private static void installTeleproto() throws Exception {
    Files.createDirectories(WORK);
    for (String name : List.of("package.json", "package-lock.json", "interop.js")) {
      Files.copy(PROJECT.resolve(name), WORK.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    Path installed = WORK.resolve("node_modules/.package-lock.json");
    Path stamp = WORK.resolve("node_modules/.installed-from");
    String lock = Files.readString(WORK.resolve("package-lock.json"));
    if (Files.exists(installed) && Files.exists(stamp) && Files.readString(stamp).equals(lock)) {
      return;
    }
    Process npm = new ProcessBuilder("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund")
        .directory(WORK.toFile()).redirectErrorStream(true).start();
    String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(npm.waitFor(240, TimeUnit.SECONDS), "npm ci timed out");
    assertEquals(0, npm.exitValue(), "npm ci failed:\n" + log);
    Files.writeString(stamp, lock);
  }

  @Test
  void teleprotoConnectsAndTransfersFiles() throws Exception {
    DcEndpoint dc1 = dc.endpoints().get(0);
    Path pem = WORK.resolve("localdc.pem");
    Files.writeString(pem, dc.publicKey().toPkcs1Pem());
    Process node = new ProcessBuilder("node", "interop.js", dc1.host(), String.valueOf(dc1.port()),
        String.valueOf(dc1.id()), pem.getFileName().toString(), String.valueOf(dc.publicKey().fingerprint()))
        .directory(WORK.toFile()).redirectError(WORK.resolve("interop.stderr").toFile()).start();
    List<JsonObject> steps = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
         OutputStream stdin = node.getOutputStream()) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.startsWith("{\"step\"")) {
          continue;
        }
        JsonObject step = new JsonObject(line);
        steps.add(step);
        if ("connected".equals(step.getString("step"))) {
          authorize(step, stdin);
        }
      }
    } finally {
      if (!node.waitFor(120, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    assertEquals("done", steps.get(steps.size() - 1).getString("step"), steps.toString());
    JsonObject connected = steps.get(0);
    assertEquals(1, connected.getInteger("thisDc"));
    assertEquals(2, connected.getInteger("dcOptions"));
    assertEquals(1, connected.getInteger("nearestDc"));
    JsonObject files = steps.get(1);
    assertEquals("files", files.getString("step"));
    assertEquals(300 * 1024 + 7, files.getInteger("downloaded"));
    assertTrue(files.getBoolean("same"), files.encode());
    assertEquals("hello.bin", files.getString("name"));
    assertTrue(dc.stats().executions("upload.saveFilePart") >= 1);
  }

  /** Logs the client's key in as {@link #USER} (stand-in for auth.signIn) and lets the script go on. */
  private static void authorize(JsonObject connected, OutputStream stdin) throws IOException {
    long authKeyId = new BigInteger(connected.getString("authKeyId")).longValue();
    assertTrue(dc.authorize(authKeyId, USER), "unknown auth key " + authKeyId);
    stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }
}
