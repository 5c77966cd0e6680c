package tradebook.live.ib;

/**
 * One order for {@code POST /iserver/account/{acct}/orders}. {@code clientOrderId} goes out as
 * {@code cOID}: IB refuses a second order with the same one, which makes placing idempotent.
 *
 * @param orderType {@code MKT}, or {@code MOC} (market on close) for a trade-on-close plan
 * @param tif       time in force, {@code DAY}
 */
public record IbOrderRequest(String clientOrderId, long conid, String side, double quantity, String orderType, String tif) {
    public IbOrderRequest {
        if (clientOrderId == null || clientOrderId.isBlank()) throw new IllegalArgumentException("IB order: the client order id (cOID) is empty");
        if (conid <= 0) throw new IllegalArgumentException("IB order " + clientOrderId + ": bad contract id " + conid);
        if (!"BUY".equals(side) && !"SELL".equals(side)) throw new IllegalArgumentException("IB order " + clientOrderId + ": side must be BUY or SELL, not " + side);
        if (!(quantity > 0) || Double.isInfinite(quantity)) throw new IllegalArgumentException("IB order " + clientOrderId + ": quantity must be > 0, not " + quantity);
        if (!"MKT".equals(orderType) && !"MOC".equals(orderType)) throw new IllegalArgumentException("IB order " + clientOrderId + ": order type must be MKT or MOC, not " + orderType);
        if (tif == null || tif.isBlank()) tif = "DAY";
    }

    public static IbOrderRequest market(String clientOrderId, long conid, String side, double quantity, boolean onClose) {
        return new IbOrderRequest(clientOrderId, conid, side, quantity, onClose ? "MOC" : "MKT", "DAY");
    }
}
