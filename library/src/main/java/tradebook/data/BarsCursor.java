package tradebook.data;

/**
 * Reveals bars one at a time: the engine moves it forward and the strategy's {@code data()}
 * view sees only bars up to the current one, so nothing after it can leak into a decision.
 */
public final class BarsCursor {
    private final Bars view;

    public BarsCursor(Bars source) {
        this.view = new Bars(source);
    }

    /** The view handed to the strategy. */
    public Bars view() {
        return view;
    }

    /** Shows bars {@code 0 .. count-1}. */
    public void show(int count) {
        if (count < 0 || count > view.total) throw new IndexOutOfBoundsException(count + " of " + view.total);
        view.visible = count;
    }

    public int total() {
        return view.total;
    }
}
