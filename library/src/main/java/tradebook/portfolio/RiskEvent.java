package tradebook.portfolio;

import java.time.LocalDateTime;

/**
 * A risk rule acting: an order blocked, or the drawdown stop triggered.
 *
 * @param time when (the fill bar for a blocked order, the bar whose close triggered the stop)
 * @param bar that bar's index
 * @param ticker the order's ticker, or null for account-wide events
 * @param rule the rule's name, e.g. {@link RiskRules#MAX_WEIGHT}
 * @param reason what the rule saw, with figures
 */
public record RiskEvent(LocalDateTime time, int bar, String ticker, String rule, String reason) {
    @Override public String toString() {
        return time + " " + rule + (ticker == null ? "" : " " + ticker) + ": " + reason;
    }
}
