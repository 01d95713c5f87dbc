package io.millwright.model.edge;

/** Stale and bad values are forwarded flagged, never dropped or sent empty. */
public enum SampleQuality {
    GOOD,
    /** Last known value; the source has not refreshed it within its expected interval. */
    STALE,
    /** The source reported an error or the value could not be read or converted. */
    BAD
}
