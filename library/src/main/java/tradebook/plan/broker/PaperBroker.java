package tradebook.plan.broker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import tradebook.data.Bars;
import tradebook.data.DataException;
import tradebook.data.QuoteSource;
import tradebook.plan.EntryType;
import tradebook.plan.Fill;
import tradebook.plan.MarketCalendar;
import tradebook.plan.PlanOrder;

/**
 * Simulated fills from the plan's quote source: TOO and TRG orders fill at the open of the first
 * bar after the signal bar, TOC orders at the signal bar's close once that close is final (a later
 * bar exists, or the market day is over); commission is a fraction of the traded value. A fill
 * appears when its price is known, so a fill is polled, not invented.
 */
public final class PaperBroker implements Broker {
    private final QuoteSource quotes;
    private final double commission;
    private final Clock clock;
    private final ZoneId zone;
    private final MarketCalendar calendar;

    public PaperBroker(QuoteSource quotes, double commission, Clock clock, ZoneId zone, MarketCalendar calendar) {
        this.quotes = quotes;
        this.commission = commission;
        this.clock = clock;
        this.zone = zone;
        this.calendar = calendar;
    }

    @Override public String kind() {
        return "paper";
    }

    @Override public String check() throws BrokerException {
        return "paper: fills from " + quotes.name() + ", commission " + commission;
    }

    @Override public String submit(PlanOrder order) throws BrokerException {
        if (!order.isMarket()) throw new BrokerException("paper broker: only market orders (order " + order.id() + " has a limit or stop)");
        return "paper-" + order.id();
    }

    @Override public boolean cancel(PlanOrder order) {
        return true; // unfilled paper orders are only records
    }

    @Override public List<Fill> fills(List<PlanOrder> submitted) throws BrokerException {
        List<Fill> out = new ArrayList<>();
        LocalDate today = ZonedDateTime.now(clock).withZoneSameInstant(zone).toLocalDate();
        for (PlanOrder o : submitted) {
            LocalDate signal = o.signalTime().toLocalDate();
            if (signal.isAfter(today)) continue;
            Bars bars;
            try {
                bars = quotes.daily(o.ticker(), signal, today);
            } catch (DataException e) {
                continue; // no bar yet to fill at
            }
            Fill f = fill(o, bars, today);
            if (f != null) out.add(f);
        }
        return out;
    }

    private Fill fill(PlanOrder o, Bars bars, LocalDate today) {
        LocalDate signal = o.signalTime().toLocalDate();
        for (int i = 0; i < bars.size(); i++) {
            LocalDate d = bars.time(i).toLocalDate();
            if (o.entry() == EntryType.TOC && d.equals(signal)) {
                boolean later = i + 1 < bars.size();
                LocalTime close = calendar.earlyClose(d).orElse(LocalTime.of(16, 0));
                boolean over = !ZonedDateTime.now(clock).isBefore(ZonedDateTime.of(d, close, zone));
                if (!later && !over) return null; // today's close is not final yet
                return make(o, bars.close().array()[i], ZonedDateTime.of(d, close, zone));
            }
            if (o.entry() != EntryType.TOC && d.isAfter(signal)) {
                return make(o, bars.open().array()[i], ZonedDateTime.of(d, LocalTime.of(9, 30), zone));
            }
        }
        return null;
    }

    private Fill make(PlanOrder o, double price, ZonedDateTime at) {
        if (Double.isNaN(price)) return null;
        return new Fill("paper-" + o.id(), o.id(), o.ticker(), o.size(), price, Math.abs(o.size()) * price * commission, at.toInstant(), "paper");
    }
}
