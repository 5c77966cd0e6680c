package tradebook.plan;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tradebook.backtest.Backtest;
import tradebook.backtest.Order;
import tradebook.backtest.Stats;
import tradebook.backtest.Strategy;
import tradebook.data.Bars;
import tradebook.data.QuoteSource;
import tradebook.plan.broker.Broker;
import tradebook.plan.broker.BrokerException;
import tradebook.plan.broker.Brokers;

/**
 * One run of a plan: sync fills, fetch the bars, check them (strict: history unchanged), backtest,
 * turn the last bar's pending orders into plan orders, record them (idempotent ids, one live order
 * per plan, ticker and day), submit them, and log stdout, stderr, stats, orders and the data.
 * Nothing is recorded as an order until the backtest has succeeded, so a strategy that throws
 * leaves a failed run and no orders.
 *
 * <p>A plan with several tickers runs its (single-asset) strategy once per ticker, each with an
 * equal share of the cash.
 */
public final class PlanRunner {
    private final Store store;
    private final Clock clock;

    public PlanRunner(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What to do besides a normal run. */
    public record Options(boolean dryRun, boolean acceptData, Instant scheduledAt, boolean echo) {
        public static Options normal() {
            return new Options(false, false, null, false);
        }

        public static Options dry() {
            return new Options(true, false, null, false);
        }
    }

    /** A run's outcome: status as in {@link RunRecord}, what it did with each order, the stats per ticker. */
    public record Result(String runId, String status, String message, List<Map<String, Object>> orders, Map<String, Stats> stats,
                         String stdout, String stderr) {
        public boolean ok() {
            return RunRecord.OK.equals(status) || RunRecord.DRY_RUN.equals(status);
        }

        @Override public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(runId == null ? "dry run" : "run " + runId).append(": ").append(status);
            if (message != null && !message.isBlank()) sb.append("\n").append(message);
            for (Map.Entry<String, Stats> e : stats.entrySet()) {
                Stats s = e.getValue();
                sb.append(String.format(Locale.ROOT, "%n%s: return %.2f%%, %d trades, equity %.2f", e.getKey(), s.getDouble("Return [%]"),
                        ((Number) s.get("# Trades")).intValue(), s.getDouble("Equity Final [$]")));
            }
            if (stderr != null) stderr.lines().filter(l -> l.startsWith("warning:") && !l.contains("remain open at the end")).forEach(l -> sb.append('\n').append(l));
            if (orders.isEmpty()) sb.append("\norders: none on the last bar");
            for (Map<String, Object> o : orders) {
                sb.append(String.format(Locale.ROOT, "%norder %s %s %s (%s, signal %s): %s", o.get("id"), o.get("ticker"),
                        fmt((Double) o.get("size")), o.get("entry"), o.get("signal"), o.get("action")));
            }
            return sb.toString();
        }
    }

    static String fmt(double size) {
        return (size > 0 ? "BUY " : "SELL ") + java.math.BigDecimal.valueOf(Math.abs(size)).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------------------------------

    /** A dry run of a plan not saved yet (promote): everything but the store writes and the broker. */
    public Result dryRun(TradePlan plan) {
        plan.validate();
        try (Capture cap = new Capture(false)) {
            try {
                return execute(plan, null, null, Options.dry(), cap);
            } catch (RuntimeException | Error e) {
                return new Result(null, RunRecord.FAILED, message(e), List.of(), Map.of(), cap.out(), cap.err() + hint(e, plan.className()));
            }
        }
    }

    /** A run of a stored plan, recorded in {@code runs} and {@code run_logs}. */
    public Result run(StoredPlan sp, Options opt) {
        LocalDate today = clock.instant().atZone(sp.plan().zone()).toLocalDate();
        RunRecord rec = store.startRun(sp, opt.scheduledAt(), opt.dryRun(), today);
        if (!store.lock(sp.id(), rec.id())) {
            String m = "plan " + sp.name() + " is being run by another process right now; this run did nothing";
            store.finishRun(rec.id(), RunRecord.FAILED, m, null);
            return new Result(rec.id(), RunRecord.FAILED, m, List.of(), Map.of(), "", "");
        }
        try (Capture cap = new Capture(opt.echo())) {
            Result r;
            byte[] snapshot = null;
            try {
                Execution x = new Execution();
                r = execute(sp.plan(), sp, rec.id(), opt, cap, x);
                snapshot = x.snapshot;
            } catch (DataChangedException e) {
                r = new Result(rec.id(), RunRecord.BLOCKED, e.getMessage(), List.of(), Map.of(), cap.out(), cap.err());
            } catch (RuntimeException | Error e) {
                System.err.print(trace(e));
                r = new Result(rec.id(), RunRecord.FAILED, message(e), List.of(), Map.of(), cap.out(), cap.err());
            }
            String statsJson = statsJson(r.stats());
            store.finishRun(rec.id(), r.status(), r.message(), new RunLog(cap.out(), cap.err(), statsJson, Json.GSON.toJson(r.orders()), snapshot));
            return new Result(r.runId(), r.status(), r.message(), r.orders(), r.stats(), cap.out(), cap.err());
        } finally {
            store.unlock(sp.id(), rec.id());
        }
    }

    private static String statsJson(Map<String, Stats> stats) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(Json.GSON.toJson(e.getKey())).append(": ").append(e.getValue().toJson());
        }
        return sb.append('}').toString();
    }

    static String message(Throwable e) {
        if (e instanceof PlanException || e instanceof tradebook.backtest.BacktestException || e instanceof tradebook.data.DataException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** For a person: nothing more for a clear plan/data error, the strategy's own frames for its exceptions, else the trace. */
    static String hint(Throwable e, String className) {
        if (e instanceof PlanException || e instanceof tradebook.data.DataException) return "";
        if (e instanceof tradebook.backtest.BacktestException && e.getCause() != null) {
            StringBuilder sb = new StringBuilder();
            String simple = className.substring(className.lastIndexOf('.') + 1);
            for (StackTraceElement f : e.getCause().getStackTrace()) {
                if (f.getClassName().endsWith(simple) || f.getClassName().contains(simple + "$")) {
                    sb.append("  at ").append(simple).append('.').append(f.getMethodName()).append(" (line ").append(Math.max(1, f.getLineNumber() - 1)).append(")\n");
                }
            }
            return sb.toString();
        }
        return trace(e);
    }

    static String trace(Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    /** Side results of an execution the caller stores. */
    private static final class Execution {
        byte[] snapshot;
    }

    private Result execute(TradePlan plan, StoredPlan sp, String runId, Options opt, Capture cap) {
        return execute(plan, sp, runId, opt, cap, new Execution());
    }

    private Result execute(TradePlan plan, StoredPlan sp, String runId, Options opt, Capture cap, Execution x) {
        LocalDate today = clock.instant().atZone(plan.zone()).toLocalDate();
        System.out.println("plan " + plan.name() + " (" + plan.mode().name().toLowerCase(Locale.ROOT) + ", " + plan.entry() + ", broker "
                + plan.broker() + ")" + (opt.dryRun() ? ": dry run" : "") + " on " + today);
        Class<?> cls = StrategySource.compile(plan.className(), plan.source(), plan.jars());

        Broker broker = null;
        if (sp != null && !opt.dryRun()) {
            try {
                broker = Brokers.open(store, plan, clock);
            } catch (BrokerException e) {
                throw new PlanException(e.getMessage(), e);
            }
            syncFills(sp, broker);
        }

        // 1. data
        QuoteSource source = QuoteSources.parse(plan.quoteSource());
        Map<String, Bars> data = new LinkedHashMap<>();
        for (String t : plan.tickers()) {
            Bars b = source.daily(t, plan.backtestStart(), today);
            check(t, b, today);
            data.put(t, b);
        }
        x.snapshot = DataSnapshot.encode(data);
        if (sp != null && !opt.dryRun()) cancelStaleNew(sp, data);
        Optional<Map.Entry<String, byte[]>> last = sp == null ? Optional.empty() : store.lastGoodSnapshot(sp.id());
        if (last.isPresent() && DataSnapshot.changes(last.get().getValue(), data).isEmpty()
                && store.run(last.get().getKey()).map(r -> today.toString().equals(r.tradingDay())).orElse(false)) {
            // the same history as the day's first good run: keep one snapshot a day, not one a run (13 runs a day add up)
            x.snapshot = null;
            System.out.println("data: history as in run " + last.get().getKey() + " (its snapshot serves this run too)");
        }
        if (sp != null && plan.mode() == RunMode.STRICT) {
            if (last.isPresent()) {
                List<String> changes = DataSnapshot.changes(last.get().getValue(), data);
                if (!changes.isEmpty() && !opt.acceptData()) {
                    throw new DataChangedException("past prices changed since the last good run " + last.get().getKey() + ":\n  "
                            + String.join("\n  ", changes) + "\nA strict plan replays history, so its simulated position would no longer match "
                            + "what was traded. This is usually a dividend or split adjustment, or a corrected price. Check the data; to accept "
                            + "the new history run: ./tradebook plan run " + plan.name() + " --accept-data (or switch the plan to incremental mode)");
                }
                if (!changes.isEmpty()) System.out.println("history changed, accepted (--accept-data): " + changes);
            }
        }

        // 2. the account to start from
        boolean incremental = plan.mode() == RunMode.INCREMENTAL;
        Ledger ledger = null;
        Map<String, Object> storage = null;
        if (incremental) {
            if (sp != null && !opt.dryRun()) cancelLive(sp, broker);
            ledger = Ledger.of(plan, sp == null ? List.of() : store.fills(sp.id()));
            storage = sp == null ? new LinkedHashMap<>() : store.storage(sp.id());
            System.out.println(String.format(Locale.ROOT, "account from %d recorded fills: cash %.2f, units %s", ledger.fillCount(), ledger.cash(),
                    ledger.units()));
        }

        // 3. backtest and the last bar's orders
        Map<String, Stats> stats = new LinkedHashMap<>();
        Map<String, Double> net = new LinkedHashMap<>(); // ticker -> units to trade on the last bar
        if (tradebook.portfolio.PortfolioStrategy.class.isAssignableFrom(cls)) {
            portfolio(plan, cls.asSubclass(tradebook.portfolio.PortfolioStrategy.class), data, ledger, storage, stats, net);
        } else {
            singleAsset(plan, cls.asSubclass(Strategy.class), data, ledger, storage, stats, net);
        }
        List<PlanOrder> candidates = new ArrayList<>();
        long planId = sp == null ? 0 : sp.id();
        for (Map.Entry<String, Double> e : net.entrySet()) {
            String t = e.getKey();
            double units = Math.rint(e.getValue());
            if (units == 0) continue;
            Bars b = data.get(t);
            LocalDateTime signal = b.time(b.size() - 1);
            if (plan.tradeStart() != null && signal.toLocalDate().isBefore(plan.tradeStart())) {
                System.out.println(t + ": " + fmt(units) + " on " + signal.toLocalDate() + " not placed: before the trade start " + plan.tradeStart());
                continue;
            }
            String id = OrderIds.of(planId, t, units, signal, incremental ? runId : null);
            candidates.add(new PlanOrder(id, planId, plan.name(), runId, t, units, plan.entry(), Double.NaN, Double.NaN, signal,
                    signal.toLocalDate(), PlanOrder.NEW, plan.broker(), null, clock.instant()));
        }

        // 4. record and submit
        List<Map<String, Object>> report = new ArrayList<>();
        for (PlanOrder o : candidates) {
            String action = opt.dryRun() || sp == null ? "would be placed (dry run)" : place(sp, broker, o, incremental);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("ticker", o.ticker());
            m.put("size", o.size());
            m.put("entry", o.entry().name());
            m.put("signal", o.signalTime().toString());
            m.put("action", action);
            report.add(m);
            System.out.println("order " + o.id() + " " + o.ticker() + " " + fmt(o.size()) + ": " + action);
        }
        if (incremental && sp != null && !opt.dryRun()) store.saveStorage(sp.id(), storage);
        String status = opt.dryRun() ? RunRecord.DRY_RUN : RunRecord.OK;
        return new Result(runId, status, candidates.isEmpty() ? "no orders on the last bar" : candidates.size() + " order(s)", report, stats,
                cap.out(), cap.err());
    }

    /** A {@link Strategy} runs once per ticker, each on an equal share of the cash. */
    private static void singleAsset(TradePlan plan, Class<? extends Strategy> cls, Map<String, Bars> data, Ledger ledger,
                                    Map<String, Object> storage, Map<String, Stats> stats, Map<String, Double> net) {
        int n = plan.tickers().size();
        for (String t : plan.tickers()) {
            Bars b = data.get(t);
            double lastClose = b.close().array()[b.size() - 1];
            double cash = plan.cash() / n;
            Backtest bt = new Backtest(b, cls).commission(plan.commission()).tradeOnClose(plan.entry() == EntryType.TOC);
            if (ledger != null) {
                double units = ledger.units(t);
                double avg = Double.isNaN(ledger.avgPrice().getOrDefault(t, Double.NaN)) ? lastClose : ledger.avgPrice().get(t);
                cash = ledger.cash() / n + units * avg;
                if (!(cash > 0)) throw new PlanException("plan " + plan.name() + ": the account for " + t + " has no equity left (cash "
                        + ledger.cash() + ")");
                bt.initialPosition(units, avg).tradeFrom(b.time(b.size() - 1)).storage(storage);
            } else if (plan.holdings().getOrDefault(t, 0.0) != 0) {
                double units = plan.holdings().get(t);
                bt.initialPosition(units, b.close().array()[0]);
                cash += units * b.close().array()[0];
            }
            bt.cash(cash);
            Stats s = bt.run(plan.params());
            stats.put(t, s);
            net.put(t, lastBarUnits(s, lastClose, plan.commission(), t));
        }
    }

    /**
     * A {@link tradebook.portfolio.PortfolioStrategy} runs once over all tickers. Incremental: the
     * recorded units are held from the last bar (valued at its open) with the recorded cash, and
     * {@code next()} runs on the last bar only.
     */
    private static void portfolio(TradePlan plan, Class<? extends tradebook.portfolio.PortfolioStrategy> cls, Map<String, Bars> data,
                                  Ledger ledger, Map<String, Object> storage, Map<String, Stats> stats, Map<String, Double> net) {
        tradebook.portfolio.PortfolioBacktest bt = new tradebook.portfolio.PortfolioBacktest(data, cls).commission(plan.commission())
                .tradeOnClose(plan.entry() == EntryType.TOC).finalizeTrades(false).quiet(true); // the last bar's orders must stay pending
        if (ledger != null) {
            if (!(ledger.cash() > 0)) throw new PlanException("plan " + plan.name() + ": no cash left (" + ledger.cash() + ")");
            bt.cash(ledger.cash()).storage(storage);
            Bars any = data.values().iterator().next();
            bt.tradeStartDate(any.time(any.size() - 1).toLocalDate());
            ledger.units().forEach((t, u) -> { if (u != 0) bt.holding(t, u); });
        } else {
            bt.cash(plan.cash());
            plan.holdings().forEach((t, u) -> { if (u != 0) bt.holding(t, u); });
        }
        tradebook.portfolio.PortfolioStats s = bt.run(plan.params());
        stats.put("portfolio", s);
        tradebook.portfolio.PortfolioStrategy st = s.portfolioStrategy();
        for (tradebook.portfolio.PortfolioOrder o : st.orders()) {
            String t = o.ticker();
            if (!Double.isNaN(o.limit()) || !Double.isNaN(o.stop())) {
                System.err.println("warning: " + o + " is a limit/stop order; plans place market orders only, it was not sent");
                continue;
            }
            double u = o.size();
            if (Math.abs(u) < 1) { // a fraction of the cash, sized at the last close
                Bars b = data.get(t);
                double close = b.close().array()[b.size() - 1];
                u = Math.signum(u) * Math.floor(st.cash() * Math.abs(u) / (close * (1 + plan.commission())));
            }
            net.merge(t, u, Double::sum);
        }
    }

    /** The bars must be usable: some, in order, with prices, and not in the future. */
    private static void check(String ticker, Bars b, LocalDate today) {
        if (b.size() < 2) throw new PlanException(ticker + ": only " + b.size() + " bar(s) from the quote source; a backtest needs more");
        double[] c = b.close().array(), o = b.open().array();
        for (int i = 0; i < b.size(); i++) {
            if (Double.isNaN(c[i]) || Double.isNaN(o[i]) || c[i] <= 0) {
                throw new PlanException(ticker + ": bad price on " + b.time(i).toLocalDate() + " (open " + o[i] + ", close " + c[i] + ")");
            }
        }
        LocalDate last = b.time(b.size() - 1).toLocalDate();
        if (last.isAfter(today)) throw new PlanException(ticker + ": the last bar is dated " + last + ", after today " + today + " (time zone?)");
        if (last.isBefore(today.minusDays(10))) {
            System.err.println("warning: " + ticker + ": the latest bar is from " + last + ", more than 10 days ago (stale quotes?)");
        }
    }

    /**
     * Net units of the market orders pending after the last {@code next()}: closing orders count
     * their units; a fractional size (0..1 of the available liquidity) is sized at the last close
     * with commission, on the equity left once the closing orders are done. Limit, stop and SL/TP
     * orders are not sent by plans (logged).
     */
    static double lastBarUnits(Stats s, double close, double commission, String ticker) {
        Strategy st = s.strategy();
        if (st == null) return 0;
        double pos = st.position().size(), closing = 0, units = 0;
        List<Order> fractions = new ArrayList<>();
        for (Order o : st.orders()) {
            if (o.isContingent()) continue;
            if (!Double.isNaN(o.limit()) || !Double.isNaN(o.stop())) {
                System.err.println("warning: " + ticker + ": " + o + " is a limit/stop order; plans place market orders only, it was not sent");
                continue;
            }
            if (o.parentTrade() != null) closing += o.size();
            else if (Math.abs(o.size()) >= 1) units += o.size();
            else fractions.add(o);
        }
        double remaining = pos + closing;
        double equity = st.equity();
        double free = Math.max(0, equity - Math.abs(remaining) * close);
        for (Order o : fractions) {
            double u = Math.floor(free * Math.abs(o.size()) / (close * (1 + commission)));
            units += Math.signum(o.size()) * u;
        }
        return closing + units;
    }

    /** Fills the broker reports for the plan's submitted orders go into the store. */
    private void syncFills(StoredPlan sp, Broker broker) {
        List<PlanOrder> submitted = store.liveOrders(sp.id()).stream().filter(o -> PlanOrder.SUBMITTED.equals(o.status())).toList();
        if (submitted.isEmpty()) return;
        try {
            int n = store.recordFills(broker.fills(submitted));
            if (n > 0) System.out.println(n + " new fill(s) from " + broker.kind());
        } catch (BrokerException e) {
            throw new PlanException("cannot read fills from the broker " + sp.plan().broker() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An order recorded but never sent (its run stopped in between) for a bar older than today's
     * last bar is stale: cancelled, never sent late. One for the current bar is resent by {@link #place}.
     */
    private void cancelStaleNew(StoredPlan sp, Map<String, Bars> data) {
        for (PlanOrder o : store.liveOrders(sp.id())) {
            Bars b = data.get(o.ticker());
            if (!PlanOrder.NEW.equals(o.status()) || b == null) continue;
            if (o.signalTime().isBefore(b.time(b.size() - 1))) {
                store.setOrderStatus(o.id(), PlanOrder.CANCELLED, null, "never sent (its run stopped first) and stale now");
                System.out.println("cancelled order " + o.id() + " " + o.ticker() + " " + fmt(o.size()) + ": recorded on " + o.tradingDay()
                        + " but never sent, stale now");
            }
        }
    }

    /** Incremental runs start clean: the plan's orders not yet filled are cancelled. */
    private void cancelLive(StoredPlan sp, Broker broker) {
        for (PlanOrder o : store.liveOrders(sp.id())) {
            try {
                if (PlanOrder.SUBMITTED.equals(o.status()) && !broker.cancel(o)) {
                    syncFills(sp, broker);
                    continue;
                }
            } catch (BrokerException e) {
                throw new PlanException("cannot cancel order " + o.id() + " at " + broker.kind() + ": " + e.getMessage(), e);
            }
            store.setOrderStatus(o.id(), PlanOrder.CANCELLED, null, "cancelled by an incremental run");
            System.out.println("cancelled open order " + o.id() + " " + o.ticker() + " " + fmt(o.size()));
        }
    }

    /** Records (idempotently, one live order per plan/ticker/day) and submits; returns what happened. */
    private String place(StoredPlan sp, Broker broker, PlanOrder o, boolean incremental) {
        Optional<PlanOrder> known = store.order(o.id());
        if (known.isPresent() && PlanOrder.NEW.equals(known.get().status())) {
            // recorded by a run that stopped before sending it: send it now (brokers dedupe on the order id)
            return submit(broker, known.get(), "recorded earlier but never sent; ");
        }
        if (known.isPresent()) return "already recorded (same plan, ticker, size and bar): not placed again";
        List<PlanOrder> day = store.ordersOfDay(sp.id(), o.ticker(), o.tradingDay());
        if (!incremental) {
            for (PlanOrder d : day) {
                if (PlanOrder.FILLED.equals(d.status())) {
                    return "skipped: " + o.ticker() + " already traded for " + o.tradingDay() + " by order " + d.id();
                }
            }
        }
        PlanOrder live = day.stream().filter(PlanOrder::isLive).findFirst().orElse(null);
        if (live != null && PlanOrder.SUBMITTED.equals(live.status())) {
            try {
                if (!broker.cancel(live)) {
                    syncFills(sp, broker);
                    return "skipped: the live order " + live.id() + " for the day could not be cancelled (filled?)";
                }
            } catch (BrokerException e) {
                return "skipped: cancelling the live order " + live.id() + " failed: " + e.getMessage();
            }
        }
        if (!store.recordOrder(o, live)) return "already recorded: not placed again";
        return submit(broker, o, live == null ? "" : "replaces " + live.id() + " (" + fmt(live.size()) + "); ");
    }

    private String submit(Broker broker, PlanOrder o, String prefix) {
        try {
            String ref = broker.submit(o);
            store.setOrderStatus(o.id(), PlanOrder.SUBMITTED, ref, null);
            return prefix + "submitted to " + broker.kind() + " as " + ref;
        } catch (BrokerException e) {
            store.setOrderStatus(o.id(), PlanOrder.REJECTED, null, e.getMessage());
            return prefix + "rejected by " + broker.kind() + ": " + e.getMessage();
        }
    }
}
