package tradebook.live.ib;

import java.time.Instant;

/** One execution from {@code /iserver/account/trades}; {@code side} is BUY or SELL, {@code clientOrderId} IB's {@code order_ref}. */
public record IbExecution(String executionId, String clientOrderId, String account, String symbol, long conid, String side,
        double size, double price, double commission, Instant time) {}
