package tradebook.live.ib;

/** One order as {@code /iserver/account/orders} shows it; {@code clientOrderId} is IB's {@code order_ref} (our cOID). */
public record IbOrderStatus(String orderId, String clientOrderId, String account, String ticker, long conid, String side,
        String status, double filledQuantity, double remainingQuantity, double avgPrice) {

    public boolean isFilled() {
        return "Filled".equalsIgnoreCase(status);
    }

    public boolean isDone() {
        return isFilled() || "Cancelled".equalsIgnoreCase(status) || "Inactive".equalsIgnoreCase(status);
    }
}
