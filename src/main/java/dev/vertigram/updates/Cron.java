package dev.vertigram.updates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument {@link EventHandler} method (void or returning a {@code Future}) run on a
 * {@link dev.vertigram.loop.PeriodicLoop}: at start, then {@link #period()} seconds after the end of each run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Cron {
  /** Seconds between the end of a run and the next one (fractions allowed). */
  double period();
}
