package tradebook.plan.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import tradebook.plan.EntryType;
import tradebook.plan.PlanException;
import tradebook.plan.RunMode;
import tradebook.plan.TradePlan;

/** The options of {@code %promote}, {@code ./tradebook promote} and {@code ./tradebook plan edit} (null: not given). */
public class PromoteOptions {
    @Option(names = "--name", description = "plan name (unique, ignores case)") public String name;
    @Option(names = "--tickers", split = ",", description = "tickers, comma separated") public List<String> tickers;
    @Option(names = "--times", description = "run times, e.g. \"9:30:01-16:00/30min\" or \"9:25,15:59\"") public String times;
    @Option(names = "--broker", description = "paper, manual, or a broker account alias") public String broker;
    @Option(names = "--cash", description = "initial cash") public Double cash;
    @Option(names = "--commission", description = "commission, a fraction of traded value (e.g. .002)") public Double commission;
    @Option(names = "--strict", description = "replay history each run (default)") public boolean strict;
    @Option(names = "--incremental", description = "start each run from the broker's fills") public boolean incremental;
    @Option(names = "--entry", description = "TOO (trade on open, default), TOC (trade on close), TRG (regular hours)") public String entry;
    @Option(names = {"--source", "--quotes"}, description = "quote source: yahoo, yahoo:URL, csv:DIR, djia") public String source;
    @Option(names = "--calendar", description = "NYSE (default) or ALWAYS") public String calendar;
    @Option(names = {"--tz", "--time-zone"}, description = "market time zone (default America/New_York)") public String timeZone;
    @Option(names = "--start", description = "backtest start date (default 2 years ago)") public LocalDate start;
    @Option(names = "--trade-start", description = "no orders for bars before this date") public LocalDate tradeStart;
    @Option(names = {"--param", "-p"}, description = "a strategy parameter NAME=VALUE (repeatable)") public Map<String, String> params;
    @Option(names = "--holding", description = "initial holding TICKER=UNITS (repeatable)") public Map<String, Double> holdings;
    @Option(names = "--disabled", description = "save it disabled (the scheduler skips it)") public boolean disabled;
    @Option(names = "--jar", description = "a jar the strategy needs beyond the library (repeatable)") public List<String> jars;

    /** A new plan's spec: defaults, then the options. */
    public TradePlan newPlan(String className, String source) {
        TradePlan.Builder b = TradePlan.builder().strategy(className, source).enabled(!disabled);
        if (name == null) throw new PlanException("--name is required (e.g. --name goog-sma)");
        return apply(b).build();
    }

    /** Applies the given options over a builder (what {@code plan edit} changes). */
    public TradePlan.Builder apply(TradePlan.Builder b) {
        if (strict && incremental) throw new PlanException("--strict and --incremental: choose one");
        if (name != null) b.name(name);
        if (tickers != null) {
            List<String> t = new ArrayList<>();
            for (String s : tickers) if (!s.isBlank()) t.add(s.trim());
            b.tickers(t);
        }
        if (times != null) b.runTimes(times);
        if (broker != null) b.broker(broker);
        if (cash != null) b.cash(cash);
        if (commission != null) b.commission(commission);
        if (strict) b.mode(RunMode.STRICT);
        if (incremental) b.mode(RunMode.INCREMENTAL);
        if (entry != null) b.entry(EntryType.parse(entry));
        if (source != null) b.quoteSource(source);
        if (calendar != null) b.calendar(calendar);
        if (timeZone != null) b.timeZone(timeZone);
        if (start != null) b.backtestStart(start);
        if (tradeStart != null) b.tradeStart(tradeStart);
        if (params != null) {
            TradePlan current = b.build();
            Map<String, Object> p = new LinkedHashMap<>(current.params());
            params.forEach((k, v) -> p.put(k, value(v)));
            b.params(p);
        }
        if (holdings != null) b.holdings(holdings);
        if (jars != null) {
            List<String> abs = new ArrayList<>();
            for (String j : jars) abs.add(Path.of(j).toAbsolutePath().normalize().toString());
            b.jars(abs);
        }
        return b;
    }

    /** "10" -> 10.0, "true" -> true, else the text. */
    static Object value(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) return Boolean.parseBoolean(v);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new PlanException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
