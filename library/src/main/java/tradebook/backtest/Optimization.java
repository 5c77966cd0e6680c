package tradebook.backtest;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Parameter optimization of a {@link Backtest}, as Backtesting.py's {@code Backtest.optimize}:
 *
 * <pre>{@code
 * OptimizationResult r = bt.optimize()
 *         .param("n1", range(5, 30, 5))
 *         .param("n2", range(10, 70, 5))
 *         .constraint(p -> p.getInt("n1") < p.getInt("n2"))
 *         .maximize("Equity Final [$]")
 *         .run();
 * r.stats();          // the best run's Stats (r.get("Sharpe Ratio") works too)
 * r.heatmap();        // one row per combination: n1, n2, Equity Final [$]
 * r.pivot("n1", "n2") // a 2-D table, max over any other parameters
 * }</pre>
 *
 * <ul>
 * <li>Objective: a stats key or any function of the stats; default {@code "SQN"}. A run without
 * trades scores NaN (as in Backtesting.py) and never wins; if none trades, the first
 * combination is reported.</li>
 * <li>{@link Method#GRID} tries every admissible combination; with {@link #maxTries} it tries
 * a random sample of them (Backtesting.py's randomized grid search). {@link Method#RANDOM} is
 * the same sampling with 200 tries unless told. {@link #randomState} makes the sample
 * reproducible.</li>
 * <li>Runs spread over all cores ({@link #threads}); each run has its own strategy and engine.
 * Progress shows on stderr once a search takes more than half a second ({@link #progress}).
 * Interrupting the calling thread stops the remaining runs and throws
 * {@link OptimizationInterruptedException}, which carries the results so far. A combination
 * that throws is recorded ({@link OptimizationResult#errors()}) and the search goes on.</li>
 * <li>The best parameters are run once more with {@link Backtest#run(Map)}, so
 * {@code bt.lastStats()} and plots show the best run, as after Backtesting.py's optimize.</li>
 * </ul>
 */
public final class Optimization {

    /** How combinations are chosen. */
    public enum Method { GRID, RANDOM }

    /** Progress callback: {@code done} of {@code total} runs finished after {@code elapsed}. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, Duration elapsed);

        /** No progress output. */
        Progress NONE = (d, t, e) -> {};
    }

    /** Default number of tries of {@link Method#RANDOM}. */
    public static final int DEFAULT_RANDOM_TRIES = 200;

    private final Backtest backtest;
    private final LinkedHashMap<String, List<Object>> params = new LinkedHashMap<>();
    private Predicate<Params> constraint;
    private String objectiveName = "SQN";
    private ToDoubleFunction<Stats> objective = s -> s.getDouble("SQN");
    private boolean objectiveIsKey = true;
    private boolean minimize;
    private Method method = Method.GRID;
    private int maxTries = -1;
    private double maxTriesFraction = Double.NaN;
    private Long seed;
    private boolean returnHeatmap = true;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Progress progress;

    public Optimization(Backtest backtest) {
        if (backtest == null) throw new IllegalArgumentException("backtest is null");
        this.backtest = backtest;
    }

    // ---------------------------------------------------------------- the grid

    /** Values to try for an int parameter, e.g. {@code param("n1", range(5, 30, 5))} or {@code param("n1", 5, 10, 20)}. */
    public Optimization param(String name, int... values) {
        List<Object> list = new ArrayList<>();
        for (int v : values) list.add(v);
        return param(name, list);
    }

    /** Values to try for a numeric parameter, e.g. {@code param("sl", .02, .05, .1)} or {@code param("sl", arange(.01, .1, .01))}. */
    public Optimization param(String name, double... values) {
        List<Object> list = new ArrayList<>();
        for (double v : values) list.add(v);
        return param(name, list);
    }

    /** Values to try for a boolean parameter. */
    public Optimization param(String name, boolean... values) {
        List<Object> list = new ArrayList<>();
        for (boolean v : values) list.add(v);
        return param(name, list);
    }

    /** Values to try for a parameter of any type (strings, enums...). */
    public Optimization param(String name, String... values) {
        return param(name, Arrays.asList((Object[]) values));
    }

    /** Values to try, any type. */
    public Optimization param(String name, Collection<?> values) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("parameter name is empty");
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " has no values to try, e.g. param(\"" + name + "\", range(5, 30, 5))");
        }
        List<Object> distinct = new ArrayList<>();
        for (Object v : values) if (!distinct.contains(v)) distinct.add(v);
        params.put(name, distinct);
        return this;
    }

    /** Only combinations passing {@code constraint} run, e.g. {@code p -> p.getInt("n1") < p.getInt("n2")}. */
    public Optimization constraint(Predicate<Params> constraint) {
        this.constraint = constraint;
        return this;
    }

    // ---------------------------------------------------------------- the objective

    /** Maximize a stats key, e.g. {@code "Equity Final [$]"}, {@code "Sharpe Ratio"} (default {@code "SQN"}). */
    public Optimization maximize(String key) {
        return key(key, false);
    }

    /** Minimize a stats key, e.g. {@code "Max. Drawdown Duration"}. */
    public Optimization minimize(String key) {
        return key(key, true);
    }

    private Optimization key(String key, boolean min) {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("the objective key is empty; use a stats key such as \"Equity Final [$]\"");
        this.objectiveName = key;
        this.objective = s -> s.getDouble(key);
        this.objectiveIsKey = true;
        this.minimize = min;
        return this;
    }

    /** Maximize any function of the stats: {@code maximize(s -> s.getDouble("Return [%]") / -s.getDouble("Max. Drawdown [%]"))}. */
    public Optimization maximize(ToDoubleFunction<Stats> objective) {
        return maximize("Objective", objective);
    }

    /** As above, naming the heatmap's value column. */
    public Optimization maximize(String name, ToDoubleFunction<Stats> objective) {
        return function(name, objective, false);
    }

    /** Minimize any function of the stats. */
    public Optimization minimize(String name, ToDoubleFunction<Stats> objective) {
        return function(name, objective, true);
    }

    private Optimization function(String name, ToDoubleFunction<Stats> f, boolean min) {
        if (f == null) throw new IllegalArgumentException("the objective function is null");
        this.objectiveName = name;
        this.objective = f;
        this.objectiveIsKey = false;
        this.minimize = min;
        return this;
    }

    // ---------------------------------------------------------------- the search

    public Optimization method(Method method) {
        this.method = method;
        return this;
    }

    /** Try at most {@code n} combinations, sampled at random from the admissible grid. */
    public Optimization maxTries(int n) {
        if (n < 1) throw new IllegalArgumentException("maxTries must be at least 1, got " + n);
        this.maxTries = n;
        this.maxTriesFraction = Double.NaN;
        return this;
    }

    /** Try this fraction (0..1] of the admissible grid, sampled at random. */
    public Optimization maxTries(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("maxTries as a fraction must be in (0, 1], got " + fraction + "; pass an int for a number of tries");
        }
        this.maxTriesFraction = fraction;
        this.maxTries = -1;
        return this;
    }

    /** Seed of the random sample: the same seed tries the same combinations. */
    public Optimization randomState(long seed) {
        this.seed = seed;
        return this;
    }

    /** Keep the heatmap (default true); false keeps only the best run, for very large searches. */
    public Optimization returnHeatmap(boolean on) {
        this.returnHeatmap = on;
        return this;
    }

    /** Number of threads (default: all cores). */
    public Optimization threads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1, got " + n);
        this.threads = n;
        return this;
    }

    /** Show progress on stderr (default) or not. */
    public Optimization progress(boolean on) {
        this.progress = on ? null : Progress.NONE;
        return this;
    }

    /** Report progress to a callback of your own (called from worker threads, at most every 100 ms and at the end). */
    public Optimization progress(Progress listener) {
        this.progress = listener == null ? Progress.NONE : listener;
        return this;
    }

    // ---------------------------------------------------------------- running

    /** Runs the search and returns the best run with the heatmap. */
    public OptimizationResult run() {
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>(params.keySet());
        if (names.isEmpty()) {
            throw new IllegalArgumentException("nothing to optimize: add parameters, e.g. bt.optimize().param(\"n1\", range(5, 30, 5))");
        }
        List<List<Object>> values = checkedValues(names);
        int[] combos = admissible(names, values);
        if (combos.length == 0) {
            throw new IllegalArgumentException("no admissible parameter combinations: the constraint rejected all "
                    + gridSize(values) + " of the grid");
        }
        combos = sample(combos);
        int total = combos.length;
        double[] scores = new double[total];
        Arrays.fill(scores, Double.NaN);
        boolean[] tried = new boolean[total];
        List<OptimizationResult.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Search search = new Search(names, values, combos, scores, tried, failures, t0);
        search.execute();

        int best = -1;
        for (int k = 0; k < total; k++) {
            double v = scores[k];
            if (Double.isNaN(v)) continue;
            if (best < 0 || (minimize ? v < scores[best] : v > scores[best])) best = k;
        }
        int succeeded = 0;
        for (int k = 0; k < total; k++) if (tried[k]) succeeded++;
        if (succeeded == 0) {
            OptimizationResult.Failure f = failures.get(0);
            throw new BacktestException("all " + total + " combinations failed; the first, " + f.params() + ": " + f.message(), f.error());
        }
        if (best < 0) {
            // No run traded: report the first combination that ran, as Backtesting.py does.
            best = 0;
            while (!tried[best]) best++;
        }
        Map<String, Object> bestParams = combination(names, values, combos[best]);
        Stats stats = backtest.run(bestParams);
        return new OptimizationResult(stats, bestParams, names, values, combos, scores, tried, objectiveName, minimize,
                returnHeatmap, failures, Duration.ofNanos(System.nanoTime() - t0), gridSize(values));
    }

    /** The values of each parameter, converted to its field's type; unknown names fail here, listing the known ones. */
    private List<List<Object>> checkedValues(List<String> names) {
        List<Field> fields = Strategy.paramFields(backtest.strategyClass());
        List<List<Object>> out = new ArrayList<>();
        for (String name : names) {
            Field f = null;
            for (Field x : fields) if (x.getName().equals(name)) f = x;
            if (f == null) {
                List<String> known = new ArrayList<>();
                fields.forEach(x -> known.add(x.getName()));
                throw new IllegalArgumentException(backtest.strategyClass().getSimpleName() + " has no parameter '" + name
                        + "'; its parameters (@Param fields) are " + known);
            }
            List<Object> converted = new ArrayList<>();
            for (Object v : params.get(name)) converted.add(StrategyParams.convert(v, f.getType(), name));
            out.add(converted);
        }
        return out;
    }

    private static long gridSize(List<List<Object>> values) {
        long n = 1;
        for (List<Object> v : values) n *= v.size();
        return n;
    }

    /** Grid positions (first parameter varying slowest) that pass the constraint. */
    private int[] admissible(List<String> names, List<List<Object>> values) {
        long size = gridSize(values);
        if (size > 20_000_000L) {
            throw new IllegalArgumentException("the grid has " + size + " combinations; narrow the ranges or use coarser steps");
        }
        int[] out = new int[(int) size];
        int m = 0;
        for (int k = 0; k < size; k++) {
            if (constraint == null || constraint.test(new Params(combination(names, values, k)))) out[m++] = k;
        }
        return Arrays.copyOf(out, m);
    }

    static Map<String, Object> combination(List<String> names, List<List<Object>> values, int index) {
        Object[] vs = new Object[names.size()];
        int rest = index;
        for (int p = names.size() - 1; p >= 0; p--) {
            List<Object> v = values.get(p);
            vs[p] = v.get(rest % v.size());
            rest /= v.size();
        }
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int p = 0; p < vs.length; p++) m.put(names.get(p), vs[p]);
        return m;
    }

    /** A random subset (in grid order) when tries are limited. */
    private int[] sample(int[] combos) {
        int n = combos.length;
        int k;
        if (!Double.isNaN(maxTriesFraction)) k = (int) Math.max(1, Math.round(maxTriesFraction * n));
        else if (maxTries > 0) k = maxTries;
        else k = method == Method.RANDOM ? DEFAULT_RANDOM_TRIES : n;
        if (k >= n) return combos;
        SplittableRandom rnd = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        int[] a = combos.clone();
        for (int i = 0; i < k; i++) { // partial Fisher-Yates
            int j = i + rnd.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int[] picked = Arrays.copyOf(a, k);
        Arrays.sort(picked);
        return picked;
    }

    /** One search: workers take combinations in order from a shared counter. */
    private final class Search {
        private Thread caller;
        final List<String> names;
        final List<List<Object>> values;
        final int[] combos;
        final double[] scores;
        final boolean[] tried;
        final List<OptimizationResult.Failure> failures;
        final long t0;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final Progress listener;
        volatile boolean cancelled;
        volatile RuntimeException fatal;
        long lastReport;

        Search(List<String> names, List<List<Object>> values, int[] combos, double[] scores, boolean[] tried,
               List<OptimizationResult.Failure> failures, long t0) {
            this.names = names;
            this.values = values;
            this.combos = combos;
            this.scores = scores;
            this.tried = tried;
            this.failures = failures;
            this.t0 = t0;
            this.listener = progress != null ? progress : defaultProgress.get();
            this.lastReport = t0;
        }

        void execute() {
            caller = Thread.currentThread();
            int n = Math.min(threads, combos.length);
            List<Thread> workers = new ArrayList<>();
            boolean finished = false;
            try {
                for (int w = 1; w < n; w++) {
                    Thread t = new Thread(this::work, "tradebook-optimize-" + w);
                    t.setDaemon(true);
                    workers.add(t);
                    t.start();
                }
                work(); // the calling thread works too
                for (Thread t : workers) t.join();
                finished = true;
            } catch (InterruptedException e) {
                cancelled = true;
            } finally {
                if (!finished) {
                    cancelled = true;
                    for (Thread t : workers) t.interrupt();
                }
            }
            if (fatal != null) throw fatal;
            if (!finished || cancelled) {
                Thread.interrupted(); // the interrupt is reported by the exception
                for (Thread t : workers) {
                    try {
                        t.join(2000);
                    } catch (InterruptedException ignored) {
                        break;
                    }
                }
                int completed = done.get();
                throw new OptimizationInterruptedException("optimization interrupted after " + completed + " of " + combos.length
                        + " combinations", partial());
            }
            report(true);
        }

        private OptimizationResult partial() {
            // Only the finished runs; the best is not re-run (the thread was asked to stop).
            return new OptimizationResult(null, null, names, values, combos, scores.clone(), tried.clone(), objectiveName, minimize,
                    returnHeatmap, new ArrayList<>(failures), Duration.ofNanos(System.nanoTime() - t0), gridSize(values));
        }

        void work() {
            Thread me = Thread.currentThread();
            while (!cancelled) {
                if (me.isInterrupted()) {
                    cancelled = true;
                    break;
                }
                int k = next.getAndIncrement();
                if (k >= combos.length) break;
                Map<String, Object> p = combination(names, values, combos[k]);
                Stats s;
                try {
                    s = backtest.run(p, false);
                } catch (RuntimeException e) {
                    if (cancelled || me.isInterrupted()) {
                        cancelled = true;
                        break;
                    }
                    failures.add(new OptimizationResult.Failure(k, p, e.getMessage() == null ? Backtest.describe(e) : e.getMessage(), e));
                    finishOne();
                    continue;
                }
                double v;
                try {
                    v = s.getDouble("# Trades") == 0 ? Double.NaN : objective.applyAsDouble(s);
                } catch (RuntimeException e) {
                    if (objectiveIsKey) { // a wrong key fails every run: stop at once
                        fatal = new IllegalArgumentException("cannot " + (minimize ? "minimize" : "maximize") + " '" + objectiveName + "': " + e.getMessage(), e);
                        cancelled = true;
                        break;
                    }
                    failures.add(new OptimizationResult.Failure(k, p, "objective failed: " + Backtest.describe(e), e));
                    finishOne();
                    continue;
                }
                scores[k] = v;
                tried[k] = true;
                finishOne();
            }
        }

        private void finishOne() {
            done.incrementAndGet();
            // Only the calling thread reports (it works too): listeners such as a notebook's
            // progress bar may then write where the cell's own output goes
            if (Thread.currentThread() == caller) report(false);
        }

        private void report(boolean last) {
            long now = System.nanoTime();
            if (!last && now - lastReport < 100_000_000L) return;
            synchronized (this) {
                if (!last && now - lastReport < 100_000_000L) return;
                lastReport = now;
                listener.update(done.get(), combos.length, Duration.ofNanos(now - t0));
            }
        }
    }

    private static volatile Supplier<Progress> defaultProgress = StderrProgress::new;

    /**
     * Where optimizations without {@link #progress(Progress)} report: a bar on stderr, or what an
     * environment installs (the notebook kernel shows an updating progress bar in the cell).
     */
    public static void defaultProgress(Supplier<Progress> factory) {
        defaultProgress = factory == null ? StderrProgress::new : factory;
    }

    /** A one-line progress bar on stderr, shown once the search has run for half a second. */
    static final class StderrProgress implements Progress {
        private boolean shown;

        @Override public void update(int done, int total, Duration elapsed) {
            double secs = elapsed.toNanos() / 1e9;
            boolean end = done >= total;
            if (!shown && secs < .5) return;
            shown = true;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * done / total);
            String eta = done > 0 && !end ? String.format(java.util.Locale.ROOT, ", ~%.1fs left", secs * (total - done) / done) : "";
            System.err.print(String.format(java.util.Locale.ROOT, "\roptimize [%s%s] %d/%d %.1fs%s   ",
                    "#".repeat(filled), " ".repeat(width - filled), done, total, secs, eta));
            if (end) System.err.println();
            System.err.flush();
        }
    }

    /** The parameter values of one combination, as the constraint sees them. */
    public static final class Params {
        private final Map<String, Object> values;

        Params(Map<String, Object> values) {
            this.values = Collections.unmodifiableMap(values);
        }

        public Object get(String name) {
            if (!values.containsKey(name)) throw new IllegalArgumentException("no parameter '" + name + "' in the grid; have " + values.keySet());
            return values.get(name);
        }

        public int getInt(String name) {
            Object v = get(name);
            if (v instanceof Number && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())) return ((Number) v).intValue();
            throw new IllegalArgumentException("parameter " + name + " is " + v + ", not an int");
        }

        public double getDouble(String name) {
            Object v = get(name);
            if (v instanceof Number) return ((Number) v).doubleValue();
            throw new IllegalArgumentException("parameter " + name + " is " + v + ", not a number");
        }

        public boolean getBoolean(String name) {
            Object v = get(name);
            if (v instanceof Boolean) return (Boolean) v;
            throw new IllegalArgumentException("parameter " + name + " is " + v + ", not a boolean");
        }

        public String getString(String name) {
            return String.valueOf(get(name));
        }

        public Map<String, Object> asMap() { return values; }

        @Override public String toString() { return values.toString(); }
    }
}
