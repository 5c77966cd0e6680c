package tradebook.live.ib;

import java.util.List;

/** IB accepted an order: its own id, its first status, and the warnings that were confirmed on the way ("reply"). */
public record IbPlacedOrder(String clientOrderId, String orderId, String status, List<String> confirmedMessages) {}
