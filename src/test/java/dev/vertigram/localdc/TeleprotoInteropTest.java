package dev.vertigram.localdc;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent client against the Local DC: the npm package teleproto 1.228.5 (GramJS fork, layer 228), installed
 * with {@code npm ci} from src/test/node into target/teleproto-interop (kept between runs), runs src/test/node/interop.js
 * against DC 1 trusting the Local DC's key: two clients log in with test numbers (auth.sendCode/signIn/signUp), one
 * sends the other a message and a file (messages.sendMedia), the other receives both as updates and downloads the file. Fails (never skips) when node or npm is missing.
 */
class TeleprotoInteropTest {

  private static final Path PROJECT = Path.of("src/test/node");
  private static final Path WORK = Path.of("target/teleproto-interop");

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
  void teleprotoLogsInMessagesAndTransfersFiles() throws Exception {
    DcEndpoint dc1 = dc.endpoints().get(0);
    Path pem = WORK.resolve("localdc.pem");
    Files.writeString(pem, dc.publicKey().toPkcs1Pem());
    Process node = new ProcessBuilder("node", "interop.js", dc1.host(), String.valueOf(dc1.port()),
        String.valueOf(dc1.id()), pem.getFileName().toString(), String.valueOf(dc.publicKey().fingerprint()))
        .directory(WORK.toFile()).redirectError(WORK.resolve("interop.stderr").toFile()).start();
    Map<String, JsonObject> steps = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("{\"step\"")) {
          JsonObject step = new JsonObject(line);
          steps.put(step.getString("step"), step);
        }
      }
    } finally {
      if (!node.waitFor(60, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    assertTrue(steps.containsKey("done"), steps.toString());
    JsonObject connected = steps.get("connected");
    assertEquals(1, connected.getInteger("thisDc"));
    assertEquals(2, connected.getInteger("dcOptions"));
    assertEquals(1, connected.getInteger("nearestDc"));
    JsonObject login = steps.get("login");
    assertEquals(login.getString("alice"), login.getString("self"));
    assertEquals("hello from teleproto", steps.get("message").getString("text"));
    JsonObject files = steps.get("files");
    assertEquals(300 * 1024 + 7, files.getInteger("downloaded"));
    assertTrue(files.getBoolean("same"), files.encode());
    assertEquals("a file", files.getString("caption"));
    assertEquals("hello.bin", files.getString("name"));
    assertTrue(dc.stats().executions("messages.sendMedia") >= 1);
    assertTrue(dc.stats().executions("auth.signUp") >= 2);
  }
}
