package dev.vertigram.updates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link EventHandler} field saved with the session ({@code Db.HANDLER_FIELDS}, key
 * {@code "<SimpleClassName>.<field>"}): loaded before {@code onStart}, saved every 30 s and on stop. Supported types:
 * String, boolean, int, long, double (boxed or not), {@code JsonObject} and {@code JsonArray}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Persistent {
}
