package tradebook.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A trade plan: a strategy snapshot (Java source and class name) with everything a run needs.
 * Immutable; {@link #toBuilder()} makes an edited copy. Stored as JSON in {@code plan_versions.spec}.
 */
public record TradePlan(
        String name,
        String className,
        String source,
        Map<String, Object> params,
        List<String> tickers,
        String quoteSource,
        String calendar,
        String timeZone,
        LocalDate backtestStart,
        LocalDate tradeStart,
        String runTimes,
        EntryType entry,
        String broker,
        double commission,
        double cash,
        Map<String, Double> holdings,
        RunMode mode,
        boolean enabled,
        List<String> jars) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public TradePlan {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        tickers = tickers == null ? List.of() : List.copyOf(tickers);
        holdings = holdings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(holdings));
        jars = jars == null ? List.of() : List.copyOf(jars); // plans saved before jars existed read as none
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Schedule schedule() {
        return Schedule.parse(runTimes);
    }

    public MarketCalendar marketCalendar() {
        return MarketCalendar.of(calendar);
    }

    /** Every problem at once, each naming the field; empty when the plan is valid. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            out.add("name '" + name + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (className == null || className.isBlank()) out.add("class: no strategy class name");
        if (source == null || source.isBlank()) out.add("source: no strategy source");
        if (tickers.isEmpty()) out.add("tickers: none given (e.g. --tickers GOOG)");
        for (String t : tickers) if (t.isBlank() || !t.equals(t.trim())) out.add("tickers: bad ticker '" + t + "'");
        try {
            QuoteSources.parse(quoteSource);
        } catch (PlanException e) {
            out.add("quote source: " + e.getMessage());
        }
        try {
            MarketCalendar.of(calendar);
        } catch (PlanException e) {
            out.add("calendar: " + e.getMessage());
        }
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            out.add("time zone '" + timeZone + "': not a zone id (e.g. America/New_York)");
        }
        try {
            Schedule.parse(runTimes);
        } catch (PlanException e) {
            out.add("run times: " + e.getMessage());
        }
        if (backtestStart == null) out.add("backtest start: missing");
        if (tradeStart != null && backtestStart != null && tradeStart.isBefore(backtestStart)) {
            out.add("trade start " + tradeStart + " is before the backtest start " + backtestStart);
        }
        if (entry == null) out.add("entry: missing (TOO, TOC or TRG)");
        if (broker == null || broker.isBlank()) out.add("broker: missing (paper, manual or a broker account alias)");
        if (!(commission >= 0 && commission < .1)) out.add("commission " + commission + ": a fraction of the traded value, e.g. .002");
        if (!(cash > 0)) out.add("cash " + cash + ": must be positive");
        for (Map.Entry<String, Double> h : holdings.entrySet()) {
            if (!tickers.contains(h.getKey())) out.add("holdings: " + h.getKey() + " is not one of the tickers " + tickers);
        }
        if (mode == null) out.add("mode: missing (strict or incremental)");
        for (String j : jars) {
            if (!java.nio.file.Files.exists(java.nio.file.Path.of(j))) out.add("jars: no file " + j + " (every run needs it)");
        }
        return out;
    }

    /** Throws one {@link PlanException} listing every problem. */
    public TradePlan validate() {
        List<String> p = problems();
        if (!p.isEmpty()) throw new PlanException("plan '" + name + "' is not valid:\n  - " + String.join("\n  - ", p));
        return this;
    }

    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name; b.className = className; b.source = source; b.params = new LinkedHashMap<>(params);
        b.tickers = new ArrayList<>(tickers); b.quoteSource = quoteSource; b.calendar = calendar; b.timeZone = timeZone;
        b.backtestStart = backtestStart; b.tradeStart = tradeStart; b.runTimes = runTimes; b.entry = entry; b.broker = broker;
        b.commission = commission; b.cash = cash; b.holdings = new LinkedHashMap<>(holdings); b.mode = mode; b.enabled = enabled;
        b.jars = new ArrayList<>(jars);
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: NYSE in America/New_York, Yahoo quotes, backtest from 2 years ago, TOO, paper, 10,000 cash, strict. */
    public static final class Builder {
        String name, className, source;
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> tickers = new ArrayList<>();
        String quoteSource = "yahoo", calendar = "NYSE", timeZone = "America/New_York";
        LocalDate backtestStart = LocalDate.now().minusYears(2), tradeStart;
        String runTimes = "9:30:01";
        EntryType entry = EntryType.TOO;
        String broker = "paper";
        double commission = 0, cash = 10_000;
        Map<String, Double> holdings = new LinkedHashMap<>();
        RunMode mode = RunMode.STRICT;
        boolean enabled;
        List<String> jars = new ArrayList<>();

        public Builder name(String v) { name = v; return this; }
        public Builder strategy(String cls, String src) { className = cls; source = src; return this; }
        public Builder params(Map<String, ?> v) { params = new LinkedHashMap<>(v); return this; }
        public Builder param(String k, Object v) { params.put(k, v); return this; }
        public Builder tickers(List<String> v) { tickers = new ArrayList<>(v); return this; }
        public Builder tickers(String... v) { return tickers(List.of(v)); }
        public Builder quoteSource(String v) { quoteSource = v; return this; }
        public Builder calendar(String v) { calendar = v; return this; }
        public Builder timeZone(String v) { timeZone = v; return this; }
        public Builder backtestStart(LocalDate v) { backtestStart = v; return this; }
        public Builder tradeStart(LocalDate v) { tradeStart = v; return this; }
        public Builder runTimes(String v) { runTimes = v; return this; }
        public Builder entry(EntryType v) { entry = v; return this; }
        public Builder broker(String v) { broker = v; return this; }
        public Builder commission(double v) { commission = v; return this; }
        public Builder cash(double v) { cash = v; return this; }
        public Builder holdings(Map<String, Double> v) { holdings = new LinkedHashMap<>(v); return this; }
        public Builder mode(RunMode v) { mode = v; return this; }
        public Builder enabled(boolean v) { enabled = v; return this; }
        /** Jars the strategy needs beyond the library (what %maven or %jars added in the notebook). */
        public Builder jars(List<String> v) { jars = new ArrayList<>(v); return this; }

        public TradePlan build() {
            return new TradePlan(name, className, source, params, tickers, quoteSource, calendar, timeZone, backtestStart,
                    tradeStart, runTimes, entry, broker, commission, cash, holdings, mode, enabled, jars);
        }
    }
}
