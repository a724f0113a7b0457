package dev.vertigram.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the JVM's threads since construction, by thread name: says which loop or pool a benchmark's CPU went to
 * (JIT and GC threads are not Java threads and are not counted).
 */
final class ThreadCpu {

  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> start = new HashMap<>();

  ThreadCpu() {
    for (long id : mx.getAllThreadIds()) {
      start.put(id, mx.getThreadCpuTime(id));
    }
  }

  /** Nanoseconds used by each live thread since construction (threads that used nothing are left out). */
  Map<String, Long> byThread() {
    Map<String, Long> out = new TreeMap<>();
    for (long id : mx.getAllThreadIds()) {
      long used = mx.getThreadCpuTime(id) - start.getOrDefault(id, 0L);
      ThreadInfo info = mx.getThreadInfo(id);
      if (used > 0 && info != null) {
        out.merge(info.getThreadName(), used, Long::sum);
      }
    }
    return out;
  }

  /** Like {@link #byThread}, pool threads summed by pool ("vert.x-worker-thread-3" counts as "vert.x-worker-thread"). */
  Map<String, Long> byPool() {
    Map<String, Long> out = new TreeMap<>();
    byThread().forEach((name, nanos) -> out.merge(name.startsWith("vert.x-eventloop") ? name
        : name.replaceAll("-\\d+$", ""), nanos, Long::sum));
    return out;
  }

  /** The thread that used the most CPU, with its nanoseconds. */
  Map.Entry<String, Long> busiest() {
    return byThread().entrySet().stream().max(Map.Entry.comparingByValue()).orElse(Map.entry("?", 0L));
  }

  /** Process CPU time (all threads, JIT and GC included), in nanoseconds. */
  static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
