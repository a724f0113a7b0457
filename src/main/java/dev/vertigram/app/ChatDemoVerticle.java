package dev.vertigram.app;

import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.updates.UpdatesVerticle;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * The chat demo of the main job, against the embedded Local DC: a bot session runs {@link ExampleBot}, a user session
 * (a test number 99966XYYYY, whose code is X five times; signed up when new) sends it {@code /start}, an
 * {@code /echo} and a text, and prints each answer; then the user sends a generated file of {@code fileMiB} MiB to
 * its Saved Messages and downloads it back, with a {@link ConsoleProgressBar} for each way. Config ({@code "chat"}
 * section):
 * <pre>
 * {"dcsFile": "localdc-data/dcs.json", "sessionsDir": "localdc-data/demo-sessions", "fileMiB": 8,
 *  "bot": {"token": "1000001:demoBotSecret", "username": "vertigram_demo_bot"}, "user": {"phone": "9996612345"}}
 * </pre>
 * The bot's account (with its username) is one of the Local DC's preset {@code accounts}. The sessions persist, like
 * the Local DC's world, so a second run logs in without a code. Once the bot answered everything and the file came
 * back, the summary {@code {"replies": [...], "file": {"bytes": n, "byteExact": true}}} is published on
 * {@value #DONE_ADDRESS} ({@code fileMiB} 0 skips the file: no {@code "file"}).
 */
public class ChatDemoVerticle extends VerticleBase {

  /** Where the demo publishes its summary. */
  public static final String DONE_ADDRESS = "vertigram.demo.chat.done";
  private static final Logger log = LoggerFactory.getLogger(ChatDemoVerticle.class);
  private static final List<String> SAID = List.of("/start", "/echo hello from the user", "hi bot");

  private Vertigram bot;
  private Vertigram user;

  @Override
  public Future<?> start() {
    String dcsFile = config().getString("dcsFile");
    if (dcsFile == null) {
      return Future.failedFuture(new IllegalArgumentException("chat.dcsFile: expected the path of a Local DC's dcs.json"));
    }
    String dir = config().getString("sessionsDir", Path.of(Path.of(dcsFile).getParent().toString(), "demo-sessions")
        .toString());
    JsonObject botConf = config().getJsonObject("bot", new JsonObject());
    String phone = config().getJsonObject("user", new JsonObject()).getString("phone", "9996612345");
    String username = botConf.getString("username", "vertigram_demo_bot");
    int fileMiB = config().getInteger("fileMiB", 8);
    Vertigrams.startAndLoop(vertx, "demo-bot", settings(dcsFile, dir, "demo-bot")
            .botToken(botConf.getString("token", "1000001:demoBotSecret")), ExampleBot.class)
        .compose(b -> {
          bot = b;
          return Vertigram.open(vertx, "demo-user", settings(dcsFile, dir, "demo-user"));
        })
        .compose(u -> {
          user = u;
          // logged in by an earlier run (the sessions and the Local DC's world persist), else sign in now
          return u.login().recover(notLoggedIn -> signIn(u, phone));
        })
        .compose(self -> talk(username))
        .compose(replies -> fileMiB <= 0 ? Future.succeededFuture(new JsonObject().put("replies", replies))
            : new FileRoundTrip(vertx, user, Path.of(dir, "demo-files").toString()).run(fileMiB)
                .map(file -> new JsonObject().put("replies", replies).put("file", file)))
        .onSuccess(summary -> {
          log.info("demo: done. Ctrl-C stops everything cleanly.");
          vertx.eventBus().publish(DONE_ADDRESS, summary);
        })
        .onFailure(e -> log.error("chat demo failed: {}", e.toString()));
    return Future.succeededFuture();
  }

  private static Settings settings(String dcsFile, String dir, String session) {
    return new Settings(new JsonObject().put("appInfo", new JsonObject().put("apiId", 1).put("apiHash", "demo"))
        .put("localDc", new JsonObject().put("dcsFile", dcsFile)))
        .storage(new StoreOptions().setFolder(Path.of(dir, session).toString()));
  }

  /** Logs a test number in (signing it up when new). */
  private static Future<JsonObject> signIn(Vertigram u, String phone) {
    String code = String.valueOf(phone.charAt(5)).repeat(5);
    return u.phoneLogin(phone).compose(sent -> u.completePhoneLogin(code)).compose(r ->
        "auth.authorizationSignUpRequired".equals(r.getString("_")) ? u.completeSignup("Demo", "User")
            : Future.succeededFuture(r));
  }

  /**
   * Listens to the user's new messages, starts its updates, then says each line to the bot in turn; the result is
   * the bot's answers, once they all came.
   */
  private Future<JsonArray> talk(String username) {
    JsonArray replies = new JsonArray();
    Promise<JsonArray> answered = Promise.promise();
    vertx.eventBus().<JsonObject>localConsumer(UpdatesVerticle.address("demo-user", "updateNewMessage"), m -> {
      JsonObject msg = m.body().getJsonObject("message");
      if (msg.getBoolean("out", false) || answered.future().isComplete()) {
        return;
      }
      log.info("demo: user <- bot: {}", msg.getString("message"));
      replies.add(msg.getString("message"));
      if (replies.size() == SAID.size()) {
        log.info("demo: the bot answered all {} messages.", SAID.size());
        answered.tryComplete(replies);
      }
    });
    Future<Void> said = user.updates().start();
    for (String line : SAID) {
      said = said.compose(v -> {
        log.info("demo: user -> @{}: {}", username, line);
        return user.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "@" + username)
            .put("message", line)).mapEmpty();
      });
    }
    return said.compose(v -> answered.future());
  }

  @Override
  public Future<?> stop() {
    return Future.join(user == null ? Future.succeededFuture() : user.close(),
        bot == null ? Future.succeededFuture() : bot.close());
  }
}
