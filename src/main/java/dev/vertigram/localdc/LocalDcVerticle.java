package dev.vertigram.localdc;

import dev.vertigram.localdc.impl.PrivateFiles;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Runs a {@link LocalDc} from the verticle config {@code {"localdc": {...}}} (the JSON form of {@link LocalDcOptions}).
 * The state directory defaults to {@value #DEFAULT_STATE_DIR} and the RSA key file to {@code <stateDir>/rsa.pem}
 * (PKCS#1 private key, generated on first start, mode 0600). Once started it writes {@code <stateDir>/dcs.json}
 * (mode 0600) and logs the same. Snapshots are on unless the config says {@code "snapshot": false}. It logs: {@code {"dcs":[{"id":1,"host":"127.0.0.1","port":10441},...],
 * "rsa_public_key":"<PKCS#1 PEM>","fingerprint":"<signed int64 as a decimal string>"}}.
 */
public class LocalDcVerticle extends VerticleBase {

  /** State directory used when the config names none. */
  public static final String DEFAULT_STATE_DIR = "localdc-data";

  private static final Logger log = LoggerFactory.getLogger(LocalDcVerticle.class);

  private LocalDc localDc;

  @Override
  public Future<?> start() {
    LocalDcOptions options = new LocalDcOptions(config().getJsonObject("localdc", new JsonObject()));
    if (options.stateDir() == null) {
      options.stateDir(DEFAULT_STATE_DIR);
    }
    if (options.snapshot() == null) {
      options.snapshot(true);
    }
    if (options.rsaKeyFile() == null) {
      options.rsaKeyFile(Path.of(options.stateDir(), "rsa.pem").toString());
    }
    return LocalDc.start(vertx, options).compose(dc -> {
      localDc = dc;
      JsonObject info = describe(dc);
      log.info("Local DC started: {}", info.encode());
      return vertx.executeBlocking(() -> {
        PrivateFiles.write(Path.of(options.stateDir(), "dcs.json"), info.encodePrettily());
        return null;
      });
    });
  }

  @Override
  public Future<?> stop() {
    return localDc == null ? Future.succeededFuture() : localDc.close();
  }

  /** The dcs.json document of a running Local DC. */
  public static JsonObject describe(LocalDc dc) {
    JsonArray dcs = new JsonArray();
    dc.endpoints().forEach(e -> dcs.add(new JsonObject().put("id", e.id()).put("host", e.host()).put("port", e.port())));
    return new JsonObject().put("dcs", dcs).put("rsa_public_key", dc.publicKey().toPkcs1Pem())
        .put("fingerprint", Long.toString(dc.publicKey().fingerprint()));
  }
}
