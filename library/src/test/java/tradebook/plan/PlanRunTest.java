package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on a real SQLite file in a temporary TRADEBOOK_HOME with CSV quotes. */
class PlanRunTest {
    static final LocalDate FRI = LocalDate.of(2026, 11, 20), MON = LocalDate.of(2026, 11, 23);

    @TempDir Path home;
    Path quotes;
    Path csv;
    Store store;

    @BeforeEach void setUp() throws Exception {
        quotes = home.resolve("quotes");
        csv = PlanFixtures.writeCsv(quotes, "TEST", PlanFixtures.days(FRI, 120));
        store = Store.open(home.resolve("tradebook.db"));
    }

    @org.junit.jupiter.api.AfterEach void tearDown() {
        store.close();
    }

    StoredPlan save(TradePlan p) {
        return store.savePlan(p, "test", true);
    }

    PlanRunner.Result run(StoredPlan sp, java.time.Clock clock) {
        return new PlanRunner(store, clock).run(sp, PlanRunner.Options.normal());
    }

    @Test void aStrictPlanRunTwiceOnTheSameDataRecordsItsOrdersOnce() {
        StoredPlan sp = save(PlanFixtures.plan("toggle", "Toggle", PlanFixtures.TOGGLE, quotes).build());
        PlanRunner.Result r1 = run(sp, PlanFixtures.at(FRI, 17, 0));
        assertEquals(RunRecord.OK, r1.status(), r1.toString() + r1.stderr());
        assertEquals(1, r1.orders().size());
        assertTrue(r1.orders().get(0).get("action").toString().startsWith("submitted to paper"), r1.toString());
        PlanRunner.Result r2 = run(sp, PlanFixtures.at(FRI, 17, 30));
        assertEquals(RunRecord.OK, r2.status());
        assertEquals(r1.orders().get(0).get("id"), r2.orders().get(0).get("id"), "same plan, ticker, size and bar: same id");
        assertTrue(r2.orders().get(0).get("action").toString().startsWith("already recorded"), r2.toString());
        assertEquals(1, store.orders(sp.id()).size());
        assertEquals(2, store.runs(sp.id(), 10).size());
        RunLog log = store.log(r2.runId()).orElseThrow();
        assertTrue(log.stdout().contains("plan toggle"), log.stdout());
        assertTrue(log.stats().contains("\"Return [%]\""), log.stats());
        assertTrue(store.log(r1.runId()).orElseThrow().dataSnapshot().length > 100, "the day's first run keeps the bars");
        assertEquals(null, log.dataSnapshot(), "a later run with the same history points at it instead");
        assertTrue(log.stdout().contains("data: history as in run " + r1.runId()), log.stdout());
        // the next day's first run stores its own
        PlanRunner.Result r3 = run(sp, PlanFixtures.at(MON, 9, 0));
        assertTrue(store.log(r3.runId()).orElseThrow().dataSnapshot().length > 100);
    }

    @Test void aChangedPastPriceBlocksAStrictRunNamingTickerAndDate() throws Exception {
        StoredPlan sp = save(PlanFixtures.plan("toggle", "Toggle", PlanFixtures.TOGGLE, quotes).build());
        assertEquals(RunRecord.OK, run(sp, PlanFixtures.at(FRI, 17, 0)).status());
        LocalDate past = PlanFixtures.days(FRI, 120).get(60);
        PlanFixtures.setPrice(csv, past, "Close", 77.0);
        PlanFixtures.setPrice(csv, FRI, "Close", 99.0); // the last bar may move: not a change
        PlanRunner.Result r = run(sp, PlanFixtures.at(FRI, 17, 30));
        assertEquals(RunRecord.BLOCKED, r.status());
        assertTrue(r.message().contains("TEST " + past + ": Close was"), r.message());
        assertTrue(r.message().contains("now 77.0"), r.message());
        assertTrue(r.message().contains("dividend"), r.message());
        assertTrue(r.message().contains("--accept-data"), r.message());
        assertEquals(1, store.orders(sp.id()).size(), "a blocked run places nothing");
        assertEquals(RunRecord.BLOCKED, store.run(r.runId()).orElseThrow().status());
        // accepting the new history
        PlanRunner.Result ok = new PlanRunner(store, PlanFixtures.at(FRI, 18, 0)).run(sp, new PlanRunner.Options(false, true, null, false));
        assertEquals(RunRecord.OK, ok.status(), ok.message());
        assertEquals(RunRecord.OK, run(sp, PlanFixtures.at(FRI, 18, 30)).status(), "the accepted history is the new baseline");
    }

    @Test void volumeAndTinyDifferencesDoNotBlock() throws Exception {
        StoredPlan sp = save(PlanFixtures.plan("toggle", "Toggle", PlanFixtures.TOGGLE, quotes).build());
        assertEquals(RunRecord.OK, run(sp, PlanFixtures.at(FRI, 17, 0)).status());
        LocalDate past = PlanFixtures.days(FRI, 120).get(50);
        PlanFixtures.setPrice(csv, past, "Volume", 5);
        PlanFixtures.setPrice(csv, past, "Open", PlanFixtures.price(49) + 0.1 + 1e-4); // within 1e-5 relative of ~100
        assertEquals(RunRecord.OK, run(sp, PlanFixtures.at(FRI, 17, 30)).status());
    }

    @Test void aStrategyThatThrowsGivesAFailedRunLogAndNoOrders() {
        StoredPlan sp = save(PlanFixtures.plan("boom", "Boom", PlanFixtures.THROWS, quotes).build());
        PlanRunner.Result r = run(sp, PlanFixtures.at(FRI, 17, 0));
        assertEquals(RunRecord.FAILED, r.status());
        assertTrue(r.message().contains("Boom.next() failed"), r.message());
        assertTrue(r.message().contains("boom on purpose"), r.message());
        assertTrue(store.orders(sp.id()).isEmpty());
        RunLog log = store.log(r.runId()).orElseThrow();
        assertTrue(log.stderr().contains("IllegalStateException: boom on purpose"), log.stderr());
        assertEquals(RunRecord.FAILED, store.runs(sp.id(), 1).get(0).status());
        assertTrue(store.lock(sp.id(), "next"), "the lock was released");
    }

    @Test void aStrategyThatDoesNotCompileFailsWithItsLine() {
        StoredPlan sp = save(PlanFixtures.plan("bad", "Bad", "public class Bad extends Strategy {\n  public void next() { buy(; }\n}", quotes).build());
        PlanRunner.Result r = run(sp, PlanFixtures.at(FRI, 17, 0));
        assertEquals(RunRecord.FAILED, r.status());
        assertTrue(r.message().contains("does not compile") && r.message().contains("line 2"), r.message());
    }

    @Test void anIncrementalPlanStartsFromRecordedFills() {
        TradePlan p = PlanFixtures.plan("inc", "Toggle", PlanFixtures.TOGGLE, quotes).broker("manual").mode(RunMode.INCREMENTAL)
                .commission(.001).build();
        StoredPlan sp = save(p);
        PlanRunner.Result r1 = run(sp, PlanFixtures.at(FRI, 17, 0));
        assertEquals(RunRecord.OK, r1.status(), r1.message() + r1.stderr());
        assertEquals(10.0, (Double) r1.orders().get(0).get("size"), "flat account: the strategy buys 10");
        String id = (String) r1.orders().get(0).get("id");
        assertEquals(PlanOrder.SUBMITTED, store.order(id).orElseThrow().status());
        // the person fills it: 10 @ 101.5 with 1.0 commission
        store.recordFills(List.of(new Fill("manual-" + id, id, "TEST", 10, 101.5, 1.0, Instant.parse("2026-11-20T21:00:00Z"), "manual")));
        Ledger l = Ledger.of(p, store.fills(sp.id()));
        assertEquals(10, l.units("TEST"));
        assertEquals(10_000 - 1015 - 1.0, l.cash(), 1e-9);
        assertEquals(101.5, l.avgPrice().get("TEST"), 1e-9);

        PlanRunner.Result r2 = run(sp, PlanFixtures.at(FRI, 17, 30));
        assertEquals(RunRecord.OK, r2.status(), r2.message());
        assertTrue(r2.stdout().contains("account from 1 recorded fills: cash 8984.00, units {TEST=10.0}"), r2.stdout());
        assertEquals(-10.0, (Double) r2.orders().get(0).get("size"), "holding 10: the strategy closes them");
        assertNotEquals(id, r2.orders().get(0).get("id"));
        // a third run on the same bar: the open order is cancelled first, a new one (new run id) replaces it
        PlanRunner.Result r3 = run(sp, PlanFixtures.at(FRI, 17, 45));
        String id2 = (String) r2.orders().get(0).get("id");
        assertEquals(PlanOrder.CANCELLED, store.order(id2).orElseThrow().status());
        assertEquals(1, store.liveOrders(sp.id()).size());
        assertEquals(r3.orders().get(0).get("id"), store.liveOrders(sp.id()).get(0).id());
    }

    @Test void storageIsKeptAcrossIncrementalRuns() {
        String src = """
                public class Counter extends Strategy {
                    @Override public void next() {
                        Object n = storage().getOrDefault("runs", 0.0);
                        storage().put("runs", ((Number) n).doubleValue() + 1);
                        System.out.println("runs so far " + storage().get("runs"));
                    }
                }
                """;
        StoredPlan sp = save(PlanFixtures.plan("count", "Counter", src, quotes).mode(RunMode.INCREMENTAL).build());
        run(sp, PlanFixtures.at(FRI, 17, 0));
        PlanRunner.Result r = run(sp, PlanFixtures.at(FRI, 17, 30));
        assertTrue(r.stdout().contains("runs so far 2.0"), r.stdout());
        assertEquals(2.0, store.storage(sp.id()).get("runs"));
    }

    @Test void aMovedPartialBarReplacesTheDaysLiveOrderInsteadOfAddingOne() throws Exception {
        StoredPlan sp = save(PlanFixtures.plan("allin", "BuyFrom", PlanFixtures.BUY_FROM, quotes).param("from", FRI.toString()).build());
        PlanRunner.Result r1 = run(sp, PlanFixtures.at(FRI, 10, 0));
        assertEquals(RunRecord.OK, r1.status(), r1.message() + r1.stderr());
        String first = (String) r1.orders().get(0).get("id");
        PlanFixtures.setPrice(csv, FRI, "Close", 90.0); // later the same day: the partial bar moved, the size differs
        PlanRunner.Result r2 = run(sp, PlanFixtures.at(FRI, 10, 30));
        String second = (String) r2.orders().get(0).get("id");
        assertNotEquals(first, second);
        assertTrue(r2.orders().get(0).get("action").toString().startsWith("replaces " + first), r2.toString());
        assertEquals(PlanOrder.REPLACED, store.order(first).orElseThrow().status());
        List<PlanOrder> live = store.liveOrders(sp.id());
        assertEquals(1, live.size(), "one live order per plan, ticker and day");
        assertEquals(second, live.get(0).id());
        // once the day's order has filled, a third variant is not placed
        store.recordFills(List.of(new Fill("x-" + second, second, "TEST", live.get(0).size(), 90, 0, Instant.now(), "test")));
        PlanFixtures.setPrice(csv, FRI, "Close", 95.0);
        PlanRunner.Result r3 = run(sp, PlanFixtures.at(FRI, 11, 0));
        assertTrue(r3.orders().get(0).get("action").toString().startsWith("skipped: TEST already traded"), r3.toString());
        assertEquals(2, store.orders(sp.id()).size());
    }

    @Test void thePaperBrokerFillsAtTheNextOpenWithCommission() throws Exception {
        StoredPlan sp = save(PlanFixtures.plan("paper", "Toggle", PlanFixtures.TOGGLE, quotes).commission(.002).build());
        PlanRunner.Result r1 = run(sp, PlanFixtures.at(FRI, 17, 0));
        String id = (String) r1.orders().get(0).get("id");
        double size = (Double) r1.orders().get(0).get("size");
        // Monday's bar arrives
        PlanFixtures.writeCsv(quotes, "TEST", PlanFixtures.days(MON, 121));
        double mondayOpen = PlanFixtures.price(119) + 0.1;
        PlanRunner.Result r2 = run(sp, PlanFixtures.at(MON, 10, 0));
        assertEquals(RunRecord.OK, r2.status(), r2.message() + r2.stderr());
        Fill f = store.fills(sp.id()).get(0);
        assertEquals(id, f.orderId());
        assertEquals(mondayOpen, f.price(), 1e-3);
        assertEquals(Math.abs(size) * f.price() * .002, f.commission(), 1e-9);
        assertEquals(PlanOrder.FILLED, store.order(id).orElseThrow().status());
    }

    @Test void aDryRunRecordsNoOrders() {
        StoredPlan sp = save(PlanFixtures.plan("dry", "Toggle", PlanFixtures.TOGGLE, quotes).build());
        PlanRunner.Result r = new PlanRunner(store, PlanFixtures.at(FRI, 17, 0)).run(sp, PlanRunner.Options.dry());
        assertEquals(RunRecord.DRY_RUN, r.status());
        assertEquals("would be placed (dry run)", r.orders().get(0).get("action"));
        assertTrue(store.orders(sp.id()).isEmpty());
    }

    @Test void ordersBeforeTheTradeStartAreNotPlaced() {
        StoredPlan sp = save(PlanFixtures.plan("later", "Toggle", PlanFixtures.TOGGLE, quotes).tradeStart(FRI.plusDays(7)).build());
        PlanRunner.Result r = run(sp, PlanFixtures.at(FRI, 17, 0));
        assertEquals(RunRecord.OK, r.status());
        assertTrue(r.orders().isEmpty());
        assertTrue(r.stdout().contains("before the trade start"), r.stdout());
    }

    @Test void promoteValidatesDryRunsAndOnlyThenSaves() {
        TradePlan bad = PlanFixtures.plan("bad plan!", "Toggle", PlanFixtures.TOGGLE, quotes).runTimes("25:00").cash(-1).tickers().build();
        PlanException e = assertThrows(PlanException.class, () -> Plans.promote(store, bad, PlanFixtures.at(FRI, 17, 0), true));
        for (String part : List.of("name 'bad plan!'", "tickers: none given", "run times:", "cash -1.0")) assertTrue(e.getMessage().contains(part), e.getMessage());
        TradePlan throwing = PlanFixtures.plan("boom", "Boom", PlanFixtures.THROWS, quotes).build();
        PlanException e2 = assertThrows(PlanException.class, () -> Plans.promote(store, throwing, PlanFixtures.at(FRI, 17, 0), true));
        assertTrue(e2.getMessage().contains("dry run of 'boom' failed, nothing was saved") && e2.getMessage().contains("boom on purpose"), e2.getMessage());
        TradePlan noBroker = PlanFixtures.plan("nb", "Toggle", PlanFixtures.TOGGLE, quotes).broker("ib-live").build();
        assertTrue(assertThrows(PlanException.class, () -> Plans.promote(store, noBroker, PlanFixtures.at(FRI, 17, 0), true)).getMessage()
                .contains("no broker account 'ib-live'"));
        assertTrue(store.plans().isEmpty(), "nothing saved");

        Plans.Promoted ok = Plans.promote(store, PlanFixtures.plan("Good", "Toggle", PlanFixtures.TOGGLE, quotes).build(), PlanFixtures.at(FRI, 17, 0), true);
        assertTrue(ok.plan().enabled());
        assertEquals(RunRecord.DRY_RUN, ok.dryRun().status());
        assertEquals("Good", store.require("good").name(), "names ignore case");
        assertTrue(assertThrows(PlanException.class, () -> Plans.promote(store, PlanFixtures.plan("GOOD", "Toggle", PlanFixtures.TOGGLE, quotes).build(),
                PlanFixtures.at(FRI, 17, 0), true)).getMessage().contains("exists already"));
    }

    @Test void editsKeepHistoryAndRemovalKeepsOrders() {
        StoredPlan sp = save(PlanFixtures.plan("hist", "Toggle", PlanFixtures.TOGGLE, quotes).build());
        run(sp, PlanFixtures.at(FRI, 17, 0));
        StoredPlan v2 = store.savePlan(sp.plan().toBuilder().runTimes("15:59").build(), "edited", false);
        assertEquals(2, v2.version());
        assertEquals(sp.id(), v2.id());
        assertEquals(2, store.versions(sp.id()).size());
        assertEquals("15:59", store.require("hist").plan().runTimes());
        store.setEnabled("hist", false);
        assertFalse(store.require("hist").enabled());
        store.remove("hist");
        assertTrue(store.plan("hist").isEmpty());
        assertEquals(1, store.orders(sp.id()).size(), "orders stay");
        assertFalse(store.runs(sp.id(), 5).isEmpty(), "runs stay");
        StoredPlan again = save(PlanFixtures.plan("hist", "Toggle", PlanFixtures.TOGGLE, quotes).build());
        assertNotEquals(sp.id(), again.id(), "the name is free again, with a new id (so order ids never collide)");
    }

    static final String PAIR = """
            public class Pair extends PortfolioStrategy {
                @Override public void next() {
                    if (position("TEST").isOpen()) position("TEST").close(); else buy(ticker("TEST").size(5));
                    if (!position("OTHER").isOpen()) buy(ticker("OTHER").size(3));
                }
            }
            """;

    @Test void aPortfolioStrategyTradesAllItsTickersInOneRun() throws Exception {
        PlanFixtures.writeCsv(quotes, "OTHER", PlanFixtures.days(FRI, 120));
        StoredPlan sp = save(PlanFixtures.plan("pair", "Pair", PAIR, quotes).tickers("TEST", "OTHER").broker("manual").build());
        PlanRunner.Result r = run(sp, PlanFixtures.at(FRI, 17, 0));
        assertEquals(RunRecord.OK, r.status(), r.message() + r.stderr());
        assertEquals(1, r.orders().size(), "OTHER is held already in the replay: only TEST trades: " + r);
        assertEquals("TEST", r.orders().get(0).get("ticker"));
        assertEquals(1, run(sp, PlanFixtures.at(FRI, 17, 30)).orders().size());
        assertEquals(1, store.orders(sp.id()).size(), "idempotent for portfolios too");

        // incremental: from the recorded fills (nothing yet) both tickers are flat, so both are bought
        StoredPlan inc = save(PlanFixtures.plan("pair-inc", "Pair", PAIR, quotes).tickers("TEST", "OTHER").broker("manual")
                .mode(RunMode.INCREMENTAL).build());
        PlanRunner.Result r2 = run(inc, PlanFixtures.at(FRI, 17, 0));
        assertEquals(RunRecord.OK, r2.status(), r2.message() + r2.stderr());
        assertEquals(List.of("TEST", "OTHER"), r2.orders().stream().map(o -> o.get("ticker")).toList());
        String other = (String) r2.orders().get(1).get("id");
        store.recordFills(List.of(new Fill("m-" + other, other, "OTHER", 3, 100, 0, Instant.now(), "manual")));
        PlanRunner.Result r3 = run(inc, PlanFixtures.at(FRI, 17, 30));
        assertEquals(List.of("TEST"), r3.orders().stream().map(o -> o.get("ticker")).toList(), "OTHER is held now: " + r3);
    }

    @Test void anOrderRecordedButNeverSentIsSentByTheNextRunOrCancelledWhenStale() throws Exception {
        StoredPlan sp = save(PlanFixtures.plan("resend", "Toggle", PlanFixtures.TOGGLE, quotes).build());
        PlanRunner.Result dry = new PlanRunner(store, PlanFixtures.at(FRI, 17, 0)).run(sp, PlanRunner.Options.dry());
        double size = (Double) dry.orders().get(0).get("size");
        java.time.LocalDateTime signal = java.time.LocalDateTime.parse((String) dry.orders().get(0).get("signal"));
        String id = OrderIds.of(sp.id(), "TEST", size, signal, null);
        // what a run killed between recording and sending leaves behind
        store.recordOrder(new PlanOrder(id, sp.id(), "resend", "crashed-run", "TEST", size, EntryType.TOO, Double.NaN, Double.NaN, signal,
                signal.toLocalDate(), PlanOrder.NEW, "paper", null, Instant.now()), null);
        PlanRunner.Result r = run(sp, PlanFixtures.at(FRI, 17, 30));
        assertTrue(r.orders().get(0).get("action").toString().startsWith("recorded earlier but never sent; submitted to paper"), r.toString());
        assertEquals(PlanOrder.SUBMITTED, store.order(id).orElseThrow().status());

        // a never-sent order of an older bar is cancelled, not sent late
        java.time.LocalDateTime older = signal.minusDays(1);
        String oldId = OrderIds.of(sp.id(), "TEST", 7, older, null);
        store.recordOrder(new PlanOrder(oldId, sp.id(), "resend", "crashed-run", "TEST", 7, EntryType.TOO, Double.NaN, Double.NaN, older,
                older.toLocalDate(), PlanOrder.NEW, "paper", null, Instant.now()), null);
        PlanRunner.Result r2 = run(sp, PlanFixtures.at(FRI, 18, 0));
        assertTrue(r2.stdout().contains("cancelled order " + oldId), r2.stdout());
        assertEquals(PlanOrder.CANCELLED, store.order(oldId).orElseThrow().status());
    }

    @Test void aPlanIsNeverRunTwiceAtOnce() {
        StoredPlan sp = save(PlanFixtures.plan("once", "Toggle", PlanFixtures.TOGGLE, quotes).build());
        assertTrue(store.lock(sp.id(), "someone-else"), "another live process (here: this one) holds the plan");
        PlanRunner.Result r = run(sp, PlanFixtures.at(FRI, 17, 0));
        assertEquals(RunRecord.FAILED, r.status());
        assertTrue(r.message().contains("being run by another process"), r.message());
        assertTrue(store.orders(sp.id()).isEmpty());
        store.unlock(sp.id(), "someone-else");
        assertEquals(RunRecord.OK, run(sp, PlanFixtures.at(FRI, 17, 5)).status());
    }
}
