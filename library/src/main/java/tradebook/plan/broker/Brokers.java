package tradebook.plan.broker;

import java.time.Clock;
import java.util.ServiceLoader;
import tradebook.plan.QuoteSources;
import tradebook.plan.Store;
import tradebook.plan.TradePlan;

/** Opens the broker a plan names: a {@code broker_accounts} alias whose kind is paper, manual, or a {@link BrokerFactory}'s. */
public final class Brokers {
    private Brokers() {}

    public static Broker open(Store store, TradePlan plan, Clock clock) throws BrokerException {
        String[] acct = store.brokerAccount(plan.broker()).orElseThrow(() -> new BrokerException("plan " + plan.name() + ": no broker account '"
                + plan.broker() + "' (known: " + store.brokerAliases() + ")"));
        return open(acct[0], plan.broker(), acct[1], plan, clock);
    }

    public static Broker open(String kind, String alias, String config, TradePlan plan, Clock clock) throws BrokerException {
        switch (kind) {
            case "paper":
                return new PaperBroker(QuoteSources.parse(plan.quoteSource()), plan.commission(), clock, plan.zone(), plan.marketCalendar());
            case "manual":
                return new ManualBroker();
            default:
                for (BrokerFactory f : ServiceLoader.load(BrokerFactory.class)) {
                    if (f.kind().equalsIgnoreCase(kind)) return f.open(alias, config, plan);
                }
                throw new BrokerException("broker account '" + alias + "' is of kind '" + kind + "', which no installed broker provides");
        }
    }
}
