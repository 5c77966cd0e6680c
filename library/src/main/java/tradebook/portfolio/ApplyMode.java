package tradebook.portfolio;

/** How a bucket's weights merge into the allocation ({@link Bucket#apply(ApplyMode)}). */
public enum ApplyMode {
    /** The bucket's tickers take the bucket's weights; other tickers keep theirs. */
    UPDATE,
    /** Every weight is reset to 0, then the bucket's tickers take the bucket's weights. */
    OVERWRITE,
    /** The bucket's weights are added to the tickers' current weights. */
    ACCUMULATE
}
