package dev.vertigram.updates.impl;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs handler errors and sends them to the report peers as messages, at most one report per
 * {@link #MIN_INTERVAL_MS} (the errors in between are counted and mentioned in the next report).
 */
public final class ErrorReporter {

  /** The least time between two reports. */
  public static final long MIN_INTERVAL_MS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);
  private static final int MAX_TEXT = 3_500;

  private final HandlerLink link;
  private final Supplier<List<Object>> peers;
  private long lastReport;
  private int suppressed;

  /** Reports through {@code link} to the peers {@code peers} names at the time of each report. */
  public ErrorReporter(HandlerLink link, Supplier<List<Object>> peers) {
    this.link = link;
    this.peers = peers;
  }

  /** Logs {@code error} and reports it unless one was reported less than MIN_INTERVAL_MS ago. */
  public synchronized void report(String where, Throwable error) {
    LOG.error("event handler error in {}", where, error);
    long now = System.currentTimeMillis();
    if (now - lastReport < MIN_INTERVAL_MS) {
      suppressed++;
      return;
    }
    lastReport = now;
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String text = "Error in " + where + ": " + trace
        + (suppressed > 0 ? "\n(" + suppressed + " more errors since the last report)" : "");
    suppressed = 0;
    List<Object> to;
    try {
      to = peers.get();
    } catch (RuntimeException e) {
      LOG.warn("getReportPeers failed", e);
      return;
    }
    for (Object peer : to) {
      link.call(new JsonObject().put("_", "messages.sendMessage").put("peer", peer)
              .put("message", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text)
              .put("random_id", ThreadLocalRandom.current().nextLong()))
          .onFailure(e -> LOG.warn("could not report an error to {}", peer, e));
    }
  }
}
