package dev.aiops.rca.bench;

/** What the load drivers share: reading their arguments and summing up their latencies. */
final class Figures {

  private Figures() {}

  /** The {@code p} percentile (0 to 1) of latencies in nanoseconds, sorted ascending, in milliseconds; 0 if none. */
  static double percentileMillis(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.floor(p * sortedNanos.length))] / 1e6;
  }

  /** The integer argument at {@code index}, or {@code fallback} when there are fewer arguments. */
  static int intArg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
