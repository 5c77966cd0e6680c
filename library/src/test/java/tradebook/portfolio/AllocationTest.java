package tradebook.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tradebook.backtest.BacktestException;

/** Minitrade's allocation rules: buckets, apply modes, and clear failures for invalid weights. */
class AllocationTest {
    static final List<String> T = List.of("A", "B", "C", "D");

    static Allocation alloc() {
        Allocation a = new Allocation(T);
        a.nextBar();
        return a;
    }

    static TickerValues roc() {
        return TickerValues.of(new java.util.LinkedHashMap<>(Map.of("A", 5.0, "B", -1.0, "C", 9.0, "D", 2.0)));
    }

    @Test
    void bucketRanksFiltersTrimsAndWeights() {
        Allocation a = alloc().assumeZero();
        TickerValues r = roc();
        Bucket b = a.bucket("equity").append(r.rankDescending(), r.above(0));
        assertEquals(List.of("C", "A", "D"), b.tickers()); // B's value is negative
        b.trim(2).weightEqually().apply();
        assertEquals(Map.of("A", .5, "B", 0.0, "C", .5, "D", 0.0), a.weights());
        assertEquals(0, a.unallocated(), 1e-12);
    }

    @Test
    void weightExplicitlyLeavesTheRestUnallocated() {
        Allocation a = alloc().assumeZero();
        a.bucket("x").append("A", "C").weightExplicitly(1 / 3.0).apply();
        assertEquals(1 / 3.0, a.weight("A"), 1e-12);
        assertEquals(1 / 3.0, a.unallocated(), 1e-12);
        a.bucket("y").append("B", "D").weightExplicitly(.1, .2).apply();
        assertEquals(.2, a.weight("D"), 1e-12);
    }

    @Test
    void weightProportionally() {
        Allocation a = alloc().assumeZero();
        a.bucket("p").append("A", "C", "D").weightProportionally(roc()).apply();
        assertEquals(5 / 16.0, a.weight("A"), 1e-12);
        assertEquals(9 / 16.0, a.weight("C"), 1e-12);
        assertEquals(2 / 16.0, a.weight("D"), 1e-12);
    }

    @Test
    void applyModes() {
        Allocation a = alloc().assumeZero().set("A", .2).set("B", .3);
        a.bucket("u").append("B", "C").weightExplicitly(.1).apply(ApplyMode.UPDATE);
        assertEquals(Map.of("A", .2, "B", .1, "C", .1, "D", 0.0), a.weights());
        a.bucket("acc").append("A").weightExplicitly(.25).apply(ApplyMode.ACCUMULATE);
        assertEquals(.45, a.weight("A"), 1e-12);
        a.bucket("o").append("D").weightExplicitly(.6).apply(ApplyMode.OVERWRITE);
        assertEquals(Map.of("A", 0.0, "B", 0.0, "C", 0.0, "D", .6), a.weights());
    }

    @Test
    void assumePreviousStartsFromTheLastRebalance() {
        Allocation a = alloc().assumeZero().set("A", .4);
        System.arraycopy(a.weights, 0, a.previous, 0, 4); // what rebalance() does
        a.nextBar();
        a.assumePrevious().set("B", .1);
        assertEquals(.4, a.weight("A"), 1e-12);
        a.nextBar();
        a.assumeZero();
        assertEquals(0, a.weight("A"));
        assertEquals(.4, a.previousWeights().get("A"));
    }

    @Test
    void normalizeScalesToOne() {
        Allocation a = alloc().assumeZero().set("A", .2).set("B", .3);
        a.normalize();
        assertEquals(.4, a.weight("A"), 1e-12);
        assertEquals(.6, a.weight("B"), 1e-12);
    }

    @Test
    void invalidWeightsFailClearly() {
        Allocation a = alloc().assumeZero();
        var neg = assertThrows(IllegalArgumentException.class, () -> a.set("A", -.1));
        assertTrue(neg.getMessage().contains("weight of A is -0.1"), neg.getMessage());
        var sum = assertThrows(IllegalArgumentException.class, () -> a.set(Map.of("A", .7, "B", .5)));
        assertTrue(sum.getMessage().contains("weights sum to 1.2"), sum.getMessage());
        assertEquals(0, a.weight("A"), "a failed change leaves the weights as they were");
        var bucket = assertThrows(IllegalArgumentException.class, () -> a.bucket("b").append("A", "B").weightExplicitly(.6));
        assertTrue(bucket.getMessage().contains("weights sum to 1.2"), bucket.getMessage());
        a.set("C", .8);
        var acc = assertThrows(IllegalArgumentException.class,
                () -> a.bucket("c").append("A").weightExplicitly(.3).apply(ApplyMode.ACCUMULATE));
        assertTrue(acc.getMessage().contains("more than 1") && acc.getMessage().contains("C=0.8"), acc.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> a.set("ZZZ", .1));
        assertTrue(unknown.getMessage().contains("no ticker 'ZZZ'"), unknown.getMessage());
        var noWeights = assertThrows(IllegalStateException.class, () -> a.bucket("d").append("A").apply());
        assertTrue(noWeights.getMessage().contains("no weights yet"), noWeights.getMessage());
    }

    @Test
    void changingWeightsNeedsAStartingPointEachBar() {
        Allocation a = alloc();
        var e = assertThrows(IllegalStateException.class, () -> a.set("A", .5));
        assertTrue(e.getMessage().contains("assumeZero() or alloc().assumePrevious()"), e.getMessage());
    }

    @Test
    void invalidWeightsInsideABacktestNameTheBar() {
        PScript s = new PScript().at(2, p -> p.alloc().assumeZero().set("X", .8).set("Y", .4));
        var e = assertThrows(BacktestException.class, () -> new PortfolioBacktest(RebalanceTest.XY, () -> s).quiet(true).run());
        assertTrue(e.getMessage().contains("next() failed at bar 2") && e.getMessage().contains("weights sum to 1.2"), e.getMessage());
    }
}
