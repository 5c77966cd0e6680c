package tradebook.live.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.live.testing.PlanFixtures;
import tradebook.plan.EntryType;
import tradebook.plan.Fill;
import tradebook.plan.PlanOrder;
import tradebook.plan.PlanRunner;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;

/**
 * A real plan run with an {@code ib} broker account (found by the plans' ServiceLoader) against the
 * recorded gateway: the order goes out as MOC with cOID = the plan's order id; the next run
 * downloads IB's execution into the store and places nothing twice.
 */
class IbPlanRunTest {
    @TempDir Path home;

    @Test
    void planRunPlacesAtIbAndTheNextRunRecordsTheFill() throws Exception {
        try (FakeGateway gw = new FakeGateway(); Store store = Store.open(home.resolve("tradebook.db"))) {
            store.saveBrokerAccount("ibkr", "ib", "{\"url\": \"" + gw.baseUrl() + "\", \"account\": \"DU1234567\"}");
            gw.questionsPerOrder = 1;
            StoredPlan sp = store.savePlan(PlanFixtures.buyEveryBar("ib-daily", "ibkr").entry(EntryType.TOC).build(), "test", true);
            PlanRunner runner = new PlanRunner(store, PlanFixtures.DJIA_END);
            PlanRunner.Result first = runner.run(sp, PlanRunner.Options.normal());
            assertTrue(first.ok(), first.toString());
            List<PlanOrder> orders = store.orders(sp.id());
            assertEquals(1, orders.size(), orders.toString());
            PlanOrder o = orders.get(0);
            assertEquals(PlanOrder.SUBMITTED, o.status());
            assertEquals("1876420317", o.brokerOrderId());
            assertEquals(1, gw.placedOrders.size());
            assertEquals(o.id(), gw.placedOrders.get(0).get("cOID").getAsString(), "cOID = the plan's order id");
            assertEquals("MOC", gw.placedOrders.get(0).get("orderType").getAsString(), "trade on close");
            assertEquals(1, gw.count("POST /iserver/reply/"), "the confirmation was answered");

            gw.fillPrice = 170.5;
            PlanRunner.Result second = runner.run(sp, PlanRunner.Options.normal());
            assertTrue(second.ok(), second.toString());
            assertEquals(1, gw.placedOrders.size(), "the same order is not placed again");
            List<Fill> fills = store.fills(sp.id());
            assertEquals(1, fills.size(), fills.toString());
            assertEquals(170.5, fills.get(0).price());
            assertEquals("ib", fills.get(0).source());
            assertEquals(PlanOrder.FILLED, store.order(o.id()).orElseThrow().status());
        }
    }
}
