package dev.vertigram.localdc.world;

import io.vertx.core.json.JsonObject;

/**
 * One update in a pts sequence (an account's or a channel's), kept for getDifference: the TL update (e.g.
 * updateNewMessage with its pts and pts_count) as the box owner sees it.
 */
public record PtsEvent(int pts, int ptsCount, int date, JsonObject update) {
}
