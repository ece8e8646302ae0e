package dev.inferencegateway.bench.scrape;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU counters at one instant: this JVM's process CPU time, its GC time, and the serving JVM's
 * CPU time.
 *
 * @param wallNanos {@link System#nanoTime()}
 * @param processCpuNanos this JVM's CPU time ({@code OperatingSystemMXBean.getProcessCpuTime})
 * @param gcMillis accumulated collection time of all collectors
 * @param serverCpuNanos the serving process's total CPU time
 */
record CpuSnapshot(long wallNanos, long processCpuNanos, long gcMillis, long serverCpuNanos) {
  static CpuSnapshot take(Process servers) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long gc = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, bean.getCollectionTime());
    }
    long server = servers.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    return new CpuSnapshot(System.nanoTime(), os.getProcessCpuTime(), gc, server);
  }
}
