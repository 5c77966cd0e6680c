package tradebook.backtest;

/** A backtest could not run or a strategy failed; the message says where (bar, time) and why. */
public class BacktestException extends RuntimeException {
    public BacktestException(String message) {
        super(message);
    }

    public BacktestException(String message, Throwable cause) {
        super(message, cause);
    }
}
