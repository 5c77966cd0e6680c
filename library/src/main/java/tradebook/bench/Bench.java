package tradebook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import tradebook.backtest.Backtest;
import tradebook.data.Bars;
import tradebook.data.Datasets;
import tradebook.examples.SmaCross;

/**
 * The library benchmarks behind {@code ./tradebook bench}: each workload is warmed up, then timed
 * repeatedly; one line per workload, {@code NAME median=<seconds>}. Workloads register here so
 * other packages (optimization, portfolio) add theirs.
 *
 * <p>Usage: {@code Bench [W1 W3 ...]} (default: all). W3 also prints {@code peak_rss_mb} when run
 * alone in its own JVM, as the launcher does.
 */
public final class Bench {
    /** A workload: warm-up runs, timed runs, and the work. */
    public record Workload(String name, int warmup, int runs, Runnable work) {}

    static final Map<String, Supplier<Workload>> WORKLOADS = new LinkedHashMap<>();

    static {
        register("W1", () -> {
            Bars goog = Datasets.GOOG();
            Backtest bt = new Backtest(goog, SmaCross.class).commission(.002);
            return new Workload("W1", 2000, 200, bt::run);
        });
        register("W3", () -> {
            Bars walk = Datasets.randomWalk(1_000_000, 42);
            Backtest bt = new Backtest(walk, SmaCross.class).commission(.002);
            return new Workload("W3", 8, 11, bt::run);
        });
    }

    public static void register(String name, Supplier<Workload> workload) {
        WORKLOADS.put(name, workload);
    }

    public static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public static double measure(Workload w) {
        // Quiet: warnings of individual runs (open trades at the end) are not benchmark output.
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            for (int i = 0; i < w.warmup(); i++) w.work().run();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < w.runs(); i++) {
                long t0 = System.nanoTime();
                w.work().run();
                times.add((System.nanoTime() - t0) / 1e9);
            }
            return median(times);
        } finally {
            System.setErr(err);
        }
    }

    /** Peak resident set size of this process (Linux), in MB, or -1. */
    public static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        for (String extra : List.of("tradebook.backtest.OptimizationBench", "tradebook.portfolio.PortfolioBench")) {
            try {
                Class.forName(extra); // registers its workloads, if present
            } catch (ClassNotFoundException ignored) {
                // not built yet
            }
        }
        List<String> names = args.length == 0 ? new ArrayList<>(WORKLOADS.keySet()) : List.of(args);
        for (String name : names) {
            Supplier<Workload> w = WORKLOADS.get(name);
            if (w == null) {
                System.err.println("unknown workload " + name + "; have " + WORKLOADS.keySet());
                System.exit(2);
            }
            double med = measure(w.get());
            System.out.println(String.format(Locale.ROOT, "%s median=%.6f", name, med));
        }
        if (names.contains("W3")) System.out.println("peak_rss_mb=" + peakRssMb());
    }
}
