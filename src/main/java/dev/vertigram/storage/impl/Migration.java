package dev.vertigram.storage.impl;

import dev.vertigram.storage.Db;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves a session's data from one engine to another: the target is emptied, every kept database is copied page by
 * page (raw values, so full-info expiry times survive), the target is flushed, and only then is the source marked
 * migrated. A crash at any point leaves {@code store.json} naming the source, so the next start simply does it again.
 */
final class Migration {

  private static final Logger log = LoggerFactory.getLogger(Migration.class);

  private Migration() {
  }

  static Future<Void> run(String session, StoreEngine source, StoreEngine target, Set<Db> kept) {
    long start = System.currentTimeMillis();
    AtomicLong copied = new AtomicLong();
    log.info("session {}: moving its data from {} to {}", session, source.name(), target.name());
    Future<Void> chain = target.mark(null).compose(v -> target.clear(EnumSet.allOf(Db.class)));
    for (Db db : kept) {
      chain = chain.compose(v -> source.scan(db, page -> {
        copied.addAndGet(page.size());
        return target.write(db, page);
      }));
    }
    return chain.compose(v -> target.flush())
      .compose(v -> source.mark(target.name()))
      .onSuccess(v -> log.info("session {}: moved {} entries from {} to {} in {} ms", session, copied.get(),
        source.name(), target.name(), System.currentTimeMillis() - start));
  }
}
