package tradebook.live.ib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tradebook.plan.EntryType;
import tradebook.plan.Fill;
import tradebook.plan.PlanOrder;
import tradebook.plan.broker.Broker;
import tradebook.plan.broker.BrokerException;

/**
 * A plan's orders at Interactive Brokers through the Client Portal gateway. The plan's order id
 * is the IB client order id (cOID): a resubmission after a crash is refused by IB as a duplicate,
 * and is then answered with the order IB already has. Trade-on-close plans send MOC orders,
 * the others MKT, all DAY. Fills are IB's executions matched by {@code order_ref} (= cOID).
 */
public final class IbBroker implements Broker {
    private final IbClient client;
    private final String account;

    public IbBroker(IbClient client, String account) {
        if (account == null || account.isBlank()) throw new IllegalArgumentException("IB broker: no account id (config \"account\", e.g. DU1234567)");
        this.client = client;
        this.account = account;
    }

    public IbClient client() {
        return client;
    }

    @Override public String kind() {
        return "ib";
    }

    @Override public String check() throws BrokerException {
        try {
            client.ensureSession();
            List<String> accts = client.accounts();
            if (!accts.contains(account)) {
                throw new BrokerException("IB account " + account + " is not among the gateway's accounts " + accts
                        + " (fix \"account\" in the broker account's config)");
            }
            return "OK: IB gateway " + client.config().baseUrl() + " authenticated, account " + account;
        } catch (IbException e) {
            throw wrap("check", e);
        }
    }

    @Override public String submit(PlanOrder order) throws BrokerException {
        if (!order.isMarket()) {
            throw new BrokerException("order " + order.id() + ": the IB broker places market orders only (MKT, or MOC for trade-on-close)");
        }
        try {
            long conid = client.conid(order.ticker());
            IbOrderRequest req = IbOrderRequest.market(order.id(), conid, order.size() > 0 ? "BUY" : "SELL", Math.abs(order.size()),
                    order.entry() == EntryType.TOC);
            return client.placeOrder(account, req).orderId();
        } catch (IbException e) {
            if (e.kind() == IbException.Kind.DUPLICATE_ORDER_ID) {
                // placed before (a crash between IB's answer and our record): it is the same order
                Optional<IbOrderStatus> existing = find(order);
                if (existing.isPresent()) return existing.get().orderId();
            }
            throw wrap("submit of order " + order.id() + " (" + order.ticker() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new BrokerException("order " + order.id() + " cannot go to IB: " + e.getMessage(), e);
        }
    }

    private Optional<IbOrderStatus> find(PlanOrder order) {
        for (IbOrderStatus s : client.liveOrders()) if (order.id().equals(s.clientOrderId())) return Optional.of(s);
        return Optional.empty();
    }

    @Override public boolean cancel(PlanOrder order) throws BrokerException {
        try {
            Optional<IbOrderStatus> s = find(order);
            if (s.isEmpty()) {
                if (order.brokerOrderId() == null) return true;   // never reached IB
                client.cancel(account, order.brokerOrderId());
                return true;
            }
            if (s.get().isDone()) return !s.get().isFilled();
            client.cancel(account, s.get().orderId());
            return true;
        } catch (IbException e) {
            throw wrap("cancel of order " + order.id(), e);
        }
    }

    @Override public List<Fill> fills(List<PlanOrder> submitted) throws BrokerException {
        Map<String, PlanOrder> byId = new HashMap<>();
        for (PlanOrder o : submitted) byId.put(o.id(), o);
        List<Fill> out = new ArrayList<>();
        try {
            for (IbExecution x : client.trades()) {
                PlanOrder o = byId.get(x.clientOrderId());
                if (o == null) continue;
                double signed = "SELL".equals(x.side()) ? -x.size() : x.size();
                out.add(new Fill("ib-" + x.executionId(), o.id(), o.ticker(), signed, x.price(),
                        Double.isNaN(x.commission()) ? 0 : x.commission(), x.time(), "ib"));
            }
        } catch (IbException e) {
            throw wrap("download of executions", e);
        }
        return out;
    }

    /** IB's view of the plan's submitted orders (status, filled quantity), for the store's order statuses. */
    public Map<String, IbOrderStatus> statuses(List<PlanOrder> submitted) throws BrokerException {
        Map<String, IbOrderStatus> out = new HashMap<>();
        try {
            for (IbOrderStatus s : client.liveOrders()) {
                for (PlanOrder o : submitted) if (o.id().equals(s.clientOrderId())) out.put(o.id(), s);
            }
        } catch (IbException e) {
            throw wrap("download of order status", e);
        }
        return out;
    }

    private static BrokerException wrap(String what, IbException e) {
        return new BrokerException("IB " + what + ": " + e.getMessage(), e);
    }
}
