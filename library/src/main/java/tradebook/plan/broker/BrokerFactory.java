package tradebook.plan.broker;

import tradebook.plan.TradePlan;

/**
 * Makes brokers of one kind from a {@code broker_accounts} row; found with ServiceLoader
 * ({@code META-INF/services/tradebook.plan.broker.BrokerFactory}) so a real broker can be added
 * without touching this package. {@code paper} and {@code manual} are built in.
 */
public interface BrokerFactory {
    String kind();

    /** A broker for {@code plan}'s runs; {@code configJson} is the account's config column. */
    Broker open(String alias, String configJson, TradePlan plan) throws BrokerException;
}
