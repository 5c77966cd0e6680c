package tradebook.portfolio;

import java.time.LocalDateTime;

/**
 * A run of bars on the universe's time index where a ticker had no bar of its own while it was
 * listed (between its first and last bar). Short gaps are forward-filled (open = high = low =
 * close = the previous close, volume 0); longer ones stay NaN, so nothing trades there.
 *
 * @param ticker the ticker
 * @param firstBar index (on the universe's index) of the first missing bar
 * @param bars how many bars are missing in a row
 * @param from time of the first missing bar
 * @param to time of the last missing bar
 * @param filled whether the run was forward-filled (it was no longer than the fill limit)
 */
public record Gap(String ticker, int firstBar, int bars, LocalDateTime from, LocalDateTime to, boolean filled) {
    @Override public String toString() {
        return ticker + ": " + bars + " bar" + (bars == 1 ? "" : "s") + " missing " + from.toLocalDate()
                + (bars == 1 ? "" : " .. " + to.toLocalDate()) + (filled ? ", forward-filled" : ", left empty (longer than the fill limit)");
    }
}
