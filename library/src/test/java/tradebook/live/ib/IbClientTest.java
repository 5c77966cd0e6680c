package tradebook.live.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tradebook.live.ib.IbException.Kind;

/** The Client Portal client against recorded responses served by a real HTTP server on 127.0.0.1. */
class IbClientTest {
    FakeGateway gw;
    IbClient ib;

    @BeforeEach
    void start() throws Exception {
        gw = new FakeGateway();
        ib = new IbClient(IbConfig.of(gw.baseUrl(), null).withTimeout(Duration.ofSeconds(5)).withReauth(3, Duration.ofMillis(20)));
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    @Test
    void sessionAccountsAndContractSearchWithCache() {
        assertTrue(ib.authStatus().authenticated());
        assertTrue(ib.tickle());
        assertEquals(List.of("DU1234567"), ib.accounts());
        assertEquals(265598L, ib.conid("AAPL"), "the NASDAQ listing, first with a STK section");
        assertEquals(265598L, ib.conid("aapl"));
        assertEquals(272093L, ib.conid("MSFT"));
        assertEquals(2, gw.count("POST /iserver/secdef/search"), "the second AAPL lookup came from the cache");
        IbException e = assertThrows(IbException.class, () -> ib.conid("ZZZZ"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("'ZZZZ'") && e.getMessage().contains("No symbol found"), e.getMessage());
    }

    @Test
    void placeMarketOrderWithCoidAndAnswerTwoConfirmations() {
        gw.questionsPerOrder = 2;
        IbPlacedOrder p = ib.placeOrder(FakeGateway.ACCOUNT, IbOrderRequest.market("plan1-20240104-AAPL", 265598, "BUY", 10, false));
        assertEquals("1876420317", p.orderId());
        assertEquals("PreSubmitted", p.status());
        assertEquals(2, p.confirmedMessages().size());
        assertTrue(p.confirmedMessages().get(0).contains("without market data"), p.confirmedMessages().toString());
        assertEquals(2, gw.count("POST /iserver/reply/"));
        assertEquals(1, gw.count("GET /iserver/accounts"), "accounts are loaded before the first order, as IB requires");
        var sent = gw.placedOrders.get(0);
        assertEquals("plan1-20240104-AAPL", sent.get("cOID").getAsString());
        assertEquals("MKT", sent.get("orderType").getAsString());
        assertEquals("DAY", sent.get("tif").getAsString());
        assertEquals("BUY", sent.get("side").getAsString());
        assertEquals(10.0, sent.get("quantity").getAsDouble());
        assertEquals(265598, sent.get("conid").getAsLong());
    }

    @Test
    void tradeOnCloseIsSentAsMoc() {
        ib.placeOrder(FakeGateway.ACCOUNT, IbOrderRequest.market("p-moc-1", 265598, "SELL", 3, true));
        assertEquals("MOC", gw.placedOrders.get(0).get("orderType").getAsString());
    }

    @Test
    void duplicateClientOrderIdIsRefusedByIbAndReportedAsSuch() {
        IbOrderRequest o = IbOrderRequest.market("plan1-20240105-MSFT", 272093, "SELL", 5, false);
        ib.placeOrder(FakeGateway.ACCOUNT, o);
        IbException e = assertThrows(IbException.class, () -> ib.placeOrder(FakeGateway.ACCOUNT, o));
        assertEquals(Kind.DUPLICATE_ORDER_ID, e.kind());
        assertTrue(e.getMessage().contains("Local order ID=plan1-20240105-MSFT is already registered"), e.getMessage());
        assertTrue(e.getMessage().contains("order plan1-20240105-MSFT (SELL 5 conid 272093 MKT) for account DU1234567"), e.getMessage());
        assertEquals(1, gw.placedOrders.size(), "IB holds one order");
    }

    @Test
    void rejectedOrderCarriesIbsReason() {
        IbException e = assertThrows(IbException.class,
                () -> ib.placeOrder(FakeGateway.ACCOUNT, IbOrderRequest.market("big-1", 265598, "BUY", 1_000_000, false)));
        assertEquals(Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().startsWith("IB rejected order big-1"), e.getMessage());
        assertTrue(e.getMessage().contains("insufficient buying power"), e.getMessage());
    }

    @Test
    void expiredSessionIsReauthenticatedAndTheCallRetried() {
        gw.authenticated = false;
        List<IbOrderStatus> orders = ib.liveOrders();
        assertEquals(1, gw.count("POST /iserver/reauthenticate"));
        assertEquals(2, gw.count("GET /iserver/account/orders"), "401 first, then the retry");
        assertEquals(2, orders.size());
        IbOrderStatus aapl = orders.get(0);
        assertEquals("plan1-20240104-AAPL", aapl.clientOrderId());
        assertEquals("1876420317", aapl.orderId());
        assertTrue(aapl.isFilled());
        assertEquals(10.0, aapl.filledQuantity());
        assertEquals(192.53, aapl.avgPrice());
        assertEquals("SELL", orders.get(1).side());
        assertFalse(orders.get(1).isDone());
    }

    @Test
    void sessionThatCannotBeRestoredSaysToLogIn() {
        gw.authenticated = false;
        gw.reauthWorks = false;
        assertFalse(ib.tickle());
        IbException e = assertThrows(IbException.class, () -> ib.accounts());
        assertEquals(Kind.NOT_AUTHENTICATED, e.kind());
        assertTrue(e.getMessage().contains("log in at http://127.0.0.1:"), e.getMessage());
        assertEquals(3, gw.count("POST /iserver/auth/status"), "polled reauthPolls times");
        gw.competing = true;
        e = assertThrows(IbException.class, () -> ib.accounts());
        assertTrue(e.getMessage().contains("another session of this user is logged in elsewhere"), e.getMessage());
    }

    @Test
    void executionsAreParsed() {
        List<IbExecution> ex = ib.trades();
        assertEquals(2, ex.size());
        IbExecution a = ex.get(0);
        assertEquals("0000e0d5.659711b1.01.01", a.executionId());
        assertEquals("plan1-20240104-AAPL", a.clientOrderId());
        assertEquals("BUY", a.side());
        assertEquals(6.0, a.size());
        assertEquals(192.52, a.price());
        assertEquals(1.0, a.commission());
        assertEquals(Instant.parse("2024-01-04T21:00:00Z"), a.time());
    }

    @Test
    void cancelAndTimeout() {
        ib.cancel(FakeGateway.ACCOUNT, "1876420317");
        assertEquals(1, gw.count("DELETE /iserver/account/DU1234567/order/1876420317"));
        IbClient quick = new IbClient(IbConfig.of(gw.baseUrl(), null).withTimeout(Duration.ofMillis(300)));
        gw.slowPath = "/iserver/account/" + FakeGateway.ACCOUNT + "/orders";
        gw.slowMillis = 1500;
        quick.accounts();
        IbException e = assertThrows(IbException.class,
                () -> quick.placeOrder(FakeGateway.ACCOUNT, IbOrderRequest.market("slow-1", 265598, "BUY", 1, false)));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("timed out after 300 ms") && e.getMessage().contains("refused as a duplicate"), e.getMessage());
    }

    @Test
    void unreachableGatewayIsNamed() {
        String url = gw.baseUrl();
        gw.close();
        IbException e = assertThrows(IbException.class, () -> new IbClient(IbConfig.of(url, null).withTimeout(Duration.ofSeconds(2))).authStatus());
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains(url), e.getMessage());
    }

    @Test
    void badOrdersAreRefusedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> IbOrderRequest.market("x", 265598, "HOLD", 1, false));
        assertThrows(IllegalArgumentException.class, () -> IbOrderRequest.market("x", 265598, "BUY", 0, false));
        assertThrows(IllegalArgumentException.class, () -> IbOrderRequest.market(" ", 265598, "BUY", 1, false));
        assertThrows(IllegalArgumentException.class, () -> IbConfig.of("localhost:5000", null));
    }

    @Test
    void keepAliveTicklesAndRestoresAnExpiredSession() throws Exception {
        try (AutoCloseable ka = ib.keepAlive(1)) {
            long until = System.currentTimeMillis() + 5000;
            while (gw.count("POST /tickle") < 1 && System.currentTimeMillis() < until) Thread.sleep(20);
            assertTrue(gw.count("POST /tickle") >= 1, gw.requests.toString());
            gw.authenticated = false;   // the gateway's session times out
            while (gw.count("POST /iserver/reauthenticate") < 1 && System.currentTimeMillis() < until + 5000) Thread.sleep(20);
            assertEquals(1, gw.count("POST /iserver/reauthenticate"), "the keep-alive noticed and re-authenticated");
            assertTrue(gw.authenticated);
        }
    }
}
