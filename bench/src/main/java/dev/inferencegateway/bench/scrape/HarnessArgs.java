package dev.inferencegateway.bench.scrape;

/**
 * The harness's command line: {@code --endpoints N --interval-ms MS --warmup-s S --measure-s S}.
 *
 * @param endpoints loopback endpoints to scrape (default 100)
 * @param intervalMs the scrape interval (default 50)
 * @param warmupSeconds seconds before measuring (default 10)
 * @param measureSeconds the measured window (default 30)
 */
record HarnessArgs(int endpoints, int intervalMs, int warmupSeconds, int measureSeconds) {
  HarnessArgs {
    if (endpoints < 1 || intervalMs < 1 || warmupSeconds < 0 || measureSeconds < 1 || measureSeconds > 600) {
      throw new IllegalArgumentException("need endpoints >= 1, interval-ms >= 1, warmup-s >= 0, 1 <= measure-s <= 600");
    }
  }

  static HarnessArgs parse(String[] args) {
    int endpoints = 100;
    int interval = 50;
    int warmup = 10;
    int measure = 30;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--endpoints" -> endpoints = value;
        case "--interval-ms" -> interval = value;
        case "--warmup-s" -> warmup = value;
        case "--measure-s" -> measure = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (known: --endpoints, --interval-ms, --warmup-s, --measure-s)");
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("options come in pairs: --name value");
    }
    return new HarnessArgs(endpoints, interval, warmup, measure);
  }
}
