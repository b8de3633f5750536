package dev.aiops.rca.bench;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.domain.FailedRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Peak heap of {@link ExtractionBenchmark}'s cases: for each trace size, the trace is built, the analysis warmed up,
 * a GC run and the peak usage of every heap pool reset; then {@code repeats} analyses are timed and the sum of the
 * pools' peak usage is read. The sum of per-pool peaks is an upper bound on the heap in use at any one moment (the
 * pools need not peak together), and it includes the trace itself, which is live throughout.
 *
 * <p>Usage: {@code java -Xmx256m -cp bench/target/benchmarks.jar dev.aiops.rca.bench.ExtractionHeap [sizes=1,10,50]
 * [repeats=5]}
 */
public final class ExtractionHeap {

  private ExtractionHeap() {}

  public static void main(String[] args) {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1,10,50").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    RuleBasedAnalyzer analyzer = RuleBasedAnalyzer.withDefaultCatalogue();
    System.out.printf(Locale.ROOT, "max heap %d MB, pools %s, gc %s, java %s, cpus %d%n",
        Runtime.getRuntime().maxMemory() >> 20, heap.stream().map(MemoryPoolMXBean::getName).toList(),
        ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    System.out.println("| trace | heap used before (with trace) | peak heap used | median time | min time |");
    System.out.println("|---:|---:|---:|---:|---:|");
    for (int mb : sizes) {
      FailedRun run = ExtractionBenchmark.failedRunWithTrace(mb * 1024 * 1024);
      for (int i = 0; i < 3; i++) {
        analyzer.analyze(run);
      }
      System.gc();
      long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long[] times = new long[repeats];
      for (int i = 0; i < repeats; i++) {
        long t0 = System.nanoTime();
        analyzer.analyze(run);
        times[i] = System.nanoTime() - t0;
      }
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      Arrays.sort(times);
      System.out.printf(Locale.ROOT, "| %d MB | %.1f MB | %.1f MB | %.1f ms | %.1f ms |%n", mb, before / 1048576.0,
          peak / 1048576.0, times[repeats / 2] / 1e6, times[0] / 1e6);
      run = null;
      System.gc();
    }
  }
}
