package dev.vertigram.localdc.impl;

import java.util.HashMap;
import java.util.Map;

/**
 * The API methods the emulator implements, by TL name. Filled once at start by the method areas ({@link HelpMethods},
 * {@link AuthMethods}, ...), read-only afterwards, so it is shared by every DC.
 */
final class MethodRegistry {

  /** A group of related methods (one class per API area) that registers its handlers. */
  interface Area {
    void register(MethodRegistry registry);
  }

  private final Map<String, MethodHandler> handlers = new HashMap<>();

  MethodRegistry add(String method, MethodHandler handler) {
    if (handlers.putIfAbsent(method, handler) != null) {
      throw new IllegalStateException("method registered twice: " + method);
    }
    return this;
  }

  MethodRegistry add(Area area) {
    area.register(this);
    return this;
  }

  /** The handler, or null when the method is not implemented. */
  MethodHandler get(String method) {
    return handlers.get(method);
  }

  /** Every area implemented so far. */
  static MethodRegistry standard() {
    return new MethodRegistry().add(new HelpMethods()).add(new AuthMethods()).add(new QrLoginMethods()).add(new PasswordMethods())
        .add(new AccountMethods()).add(new UserMethods()).add(new MessageMethods()).add(new ReadMethods())
        .add(new ChatMethods())
        .add(new EditMethods()).add(new ChannelMethods())
        .add(new UpdatesMethods()).add(new UploadMethods()).add(new MediaMethods()).add(new SecretChatMethods());
  }
}
