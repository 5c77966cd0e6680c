package tradebook.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tradebook.data.Bars;

/** Risk rules block orders with the rule's name and figures; the drawdown stop flattens and halts. */
class RiskRulesTest {

    @Test
    void maxWeightBlocksAndSaysWhy() {
        // 50/50 of 10,000 with a 10% reserve: each buy would be 4,500 = 45% of equity, above a 30% cap.
        PortfolioStats st = new PortfolioBacktest(RebalanceTest.XY, () -> new PScript().at(2, RebalanceTest.FIFTY_FIFTY))
                .risk(RiskRules.none().maxWeight(.3)).quiet(true).run();
        assertEquals(0, st.fills().rowCount());
        List<RiskEvent> ev = st.riskEvents();
        assertEquals(2, ev.size(), ev.toString());
        assertEquals(RiskRules.MAX_WEIGHT, ev.get(0).rule());
        assertEquals("X", ev.get(0).ticker());
        assertEquals(3, ev.get(0).bar());
        assertTrue(ev.get(0).reason().contains("buying 90 X at 50.0000 would make X 45.00% of equity 10000.00 (limit 30.00%)"),
                ev.get(0).reason());
        assertTrue(st.warnings().stream().anyMatch(w -> w.contains("max-weight") && w.contains("and 1 more time")), st.warnings().toString());
        Table log = st.riskLog();
        assertEquals(2, log.rowCount());
        assertEquals("Y", log.stringColumn("Ticker").get(1));
    }

    @Test
    void grossExposureCapsTheSumOfPositions() {
        // X passes (45%), Y would bring the gross exposure to 90% > 60%.
        PortfolioStats st = new PortfolioBacktest(RebalanceTest.XY, () -> new PScript().at(2, RebalanceTest.FIFTY_FIFTY))
                .risk(RiskRules.none().maxGrossExposure(.6)).finalizeTrades(false).quiet(true).run();
        assertEquals(1, st.fills().rowCount());
        assertEquals("X", st.fills().stringColumn("Ticker").get(0));
        RiskEvent e = st.riskEvents().get(0);
        assertEquals(RiskRules.MAX_GROSS_EXPOSURE, e.rule());
        assertTrue(e.reason().contains("gross exposure to 90.00% of equity 10000.00 (limit 60.00%)"), e.reason());
    }

    @Test
    void reducingOrdersAlwaysPass() {
        RiskRules r = RiskRules.none().maxWeight(.01).maxGrossExposure(.01);
        RiskRules.Holdings h = new RiskRules.Holdings() {
            public double equity() { return 1000; }
            public int count() { return 1; }
            public double units(int k) { return 10; }
            public double price(int k) { return 50; }
            public String ticker(int k) { return "X"; }
        };
        assertNull(r.checkOrder(0, -5, 50, h));
        assertNull(r.checkOrder(0, -10, 50, h));
        assertEquals(RiskRules.MAX_WEIGHT, r.checkOrder(0, -30, 50, h).rule(), "flipping to a bigger short adds risk");
    }

    @Test
    void drawdownStopFlattensAndHalts() {
        // Z: all in at bar 3's open (50) with no reserve: 200 units. Bar 3 closes at 44: equity 8,800, 12% below
        // the 10,000 peak, beyond the 10% stop. Everything is sold at bar 4's open (45): 9,000, and next() stops.
        java.time.LocalDate[] days = RebalanceTest.DAYS;
        Bars z = PScript.bars("Z", days, PScript.oc(50, 50), PScript.oc(50, 50), PScript.oc(50, 50), PScript.oc(50, 44),
                PScript.oc(45, 46), PScript.oc(46, 47));
        PScript s = new PScript().at(2, p -> {
            p.alloc().assumeZero().set("Z", 1);
            p.rebalance(p.cashReserve(0));
        });
        PortfolioStats st = new PortfolioBacktest(PScript.universe(z), () -> s).risk(RiskRules.none().drawdownStop(.1)).quiet(true).run();
        assertEquals(2, s.calls, "next() ran on bars 1 and 2, then the stop on bar 3 halted it");
        Table f = st.fills();
        assertEquals(2, f.rowCount());
        RebalanceTest.fill(f, 0, 3, "Z", 200, 50, 0);
        RebalanceTest.fill(f, 1, 4, "Z", -200, 45, 9000);
        assertEquals("risk", f.stringColumn("Source").get(1));
        double[] eq = st.equity();
        assertEquals(8800, eq[3], 1e-9);
        assertEquals(9000, eq[4], 1e-9);
        assertEquals(9000, eq[5], 1e-9);
        RiskEvent e = st.riskEvents().get(0);
        assertEquals(RiskRules.DRAWDOWN_STOP, e.rule());
        assertEquals(3, e.bar());
        assertTrue(e.reason().contains("equity 8800.00 is 12.00% below its peak 10000.00 (limit 10.00%)"), e.reason());
        assertTrue(st.warnings().stream().anyMatch(w -> w.contains("drawdown-stop")), st.warnings().toString());
    }
}
