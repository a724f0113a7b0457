package dev.vertigram.localdc.impl;

import io.vertx.core.Future;

/**
 * messages.uploadMedia: stores an uploaded file as a document or photo without sending it (see {@link Media}). The
 * peer is not checked yet (the peers model does that).
 */
final class MediaMethods implements MethodRegistry.Area {

  @Override
  public void register(MethodRegistry registry) {
    registry.add("messages.uploadMedia", call -> Future.succeededFuture(
        Media.create(call.dc(), call.requireUser(), call.query().getJsonObject("media"))));
  }
}
