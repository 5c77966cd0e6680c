package tradebook.live.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.live.secret.SecretBox;
import tradebook.plan.EntryType;
import tradebook.plan.Fill;
import tradebook.plan.PlanOrder;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;
import tradebook.plan.TradePlan;
import tradebook.plan.broker.Broker;
import tradebook.plan.broker.BrokerException;
import tradebook.plan.broker.Brokers;

/** IbBroker as the plans' Broker: orders out with cOID = order id (MOC for TOC), executions back into the store as fills. */
class IbBrokerTest {
    @TempDir Path home;
    FakeGateway gw;
    Store store;
    StoredPlan plan;

    @BeforeEach
    void start() throws Exception {
        gw = new FakeGateway();
        store = Store.open(home.resolve("tradebook.db"));
        plan = store.savePlan(TradePlan.builder().name("plan1").strategy("tradebook.examples.SmaCross", "class SmaCross {}")
                .tickers("AAPL", "MSFT").quoteSource("djia").broker("ib").entry(EntryType.TOC).build(), "test", true);
    }

    @AfterEach
    void stop() {
        store.close();
        gw.close();
    }

    PlanOrder order(String id, String ticker, double size, EntryType entry) {
        return new PlanOrder(id, plan.id(), plan.name(), "run-1", ticker, size, entry, Double.NaN, Double.NaN,
                LocalDateTime.of(2024, 1, 4, 0, 0), LocalDate.of(2024, 1, 4), PlanOrder.NEW, "ib", null, Instant.now());
    }

    void addIbAccount(String configJson) throws Exception {
        store.saveBrokerAccount("ib", "ib", configJson);
    }

    @Test
    void openedThroughThePlansBrokerRegistryWithAnEncryptedConfigValue() throws Exception {
        System.setProperty("tradebook.home", home.toString());
        try {
            String encUrl = SecretBox.open(home).encrypt(gw.baseUrl());
            addIbAccount("{\"url\": \"" + encUrl + "\", \"account\": \"DU1234567\", \"trust\": \"system\"}");
            Broker b = Brokers.open(store, plan.plan(), Clock.systemUTC());
            assertEquals("ib", b.kind());
            assertEquals("OK: IB gateway " + gw.baseUrl() + " authenticated, account DU1234567", b.check());
            assertFalse(new String(Files.readAllBytes(store.file()), StandardCharsets.ISO_8859_1).contains(gw.baseUrl()));
        } finally {
            System.clearProperty("tradebook.home");
        }
    }

    @Test
    void badConfigIsNamed() throws Exception {
        addIbAccount("{\"account\": \"DU1234567\", \"trust\": \"maybe\"}");
        BrokerException e = assertThrows(BrokerException.class, () -> Brokers.open(store, plan.plan(), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("broker account 'ib' (ib): \"trust\" must be system, gateway or pem, not 'maybe'"), e.getMessage());
    }

    @Test
    void submitRecordAndDownloadFillsIntoTheStore() throws Exception {
        IbBroker ib = new IbBroker(new IbClient(IbConfig.of(gw.baseUrl(), null)), FakeGateway.ACCOUNT);
        assertTrue(ib.check().startsWith("OK"));
        PlanOrder aapl = order("plan1-20240104-AAPL", "AAPL", 10, EntryType.TOC);
        PlanOrder msft = order("plan1-20240104-MSFT", "MSFT", -5, EntryType.TOO);
        assertTrue(store.recordOrder(aapl, null));
        assertTrue(store.recordOrder(msft, null));
        String ref = ib.submit(aapl);
        store.setOrderStatus(aapl.id(), PlanOrder.SUBMITTED, ref, null);
        store.setOrderStatus(msft.id(), PlanOrder.SUBMITTED, ib.submit(msft), null);
        assertEquals("1876420317", ref);
        assertEquals("MOC", gw.placedOrders.get(0).get("orderType").getAsString(), "trade on close");
        assertEquals("plan1-20240104-AAPL", gw.placedOrders.get(0).get("cOID").getAsString());
        assertEquals("MKT", gw.placedOrders.get(1).get("orderType").getAsString());
        assertEquals("SELL", gw.placedOrders.get(1).get("side").getAsString());

        // a resubmission (e.g. after a crash) is refused by IB and answered with IB's existing order
        assertEquals("1876420317", ib.submit(aapl));
        assertEquals(2, gw.placedOrders.size());

        assertEquals("2 new fill(s)", IbSync.sync(store, ib, plan.id()));
        assertEquals("0 new fill(s)", IbSync.sync(store, ib, plan.id()), "a second download adds nothing: fill ids are IB's execution ids");
        List<Fill> fills = store.fills(plan.id());
        assertEquals(2, fills.size());
        assertEquals("ib-0000e0d5.659711b1.01.01", fills.get(0).id());
        assertEquals(6.0 + 4.0, fills.stream().mapToDouble(Fill::size).sum());
        assertEquals(PlanOrder.FILLED, store.order(aapl.id()).orElseThrow().status());
        assertEquals(PlanOrder.SUBMITTED, store.order(msft.id()).orElseThrow().status(), "MSFT is still working at IB");
    }

    @Test
    void brokerErrorsNameTheOrder() throws Exception {
        IbBroker ib = new IbBroker(new IbClient(IbConfig.of(gw.baseUrl(), null)), FakeGateway.ACCOUNT);
        BrokerException e = assertThrows(BrokerException.class, () -> ib.submit(order("o-big", "AAPL", 1_000_000, EntryType.TOO)));
        assertTrue(e.getMessage().startsWith("IB submit of order o-big (AAPL): IB rejected order o-big"), e.getMessage());
        e = assertThrows(BrokerException.class, () -> ib.submit(order("o-zz", "ZZZZ", 1, EntryType.TOO)));
        assertTrue(e.getMessage().contains("no IB contract for ticker 'ZZZZ'"), e.getMessage());
        PlanOrder limit = new PlanOrder("o-lmt", plan.id(), "plan1", "r", "AAPL", 1, EntryType.TOO, 100, Double.NaN, null, null, "new", "ib", null, null);
        assertTrue(assertThrows(BrokerException.class, () -> ib.submit(limit)).getMessage().contains("market orders only"));
        assertTrue(ib.cancel(order("plan1-20240104-MSFT", "MSFT", -5, EntryType.TOO)), "working at IB: cancelled");
        assertFalse(ib.cancel(order("plan1-20240104-AAPL", "AAPL", 10, EntryType.TOC)), "filled at IB: cannot be cancelled");
    }
}
