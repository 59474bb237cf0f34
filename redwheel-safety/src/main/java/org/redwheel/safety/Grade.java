package org.redwheel.safety;

/**
 * An overspeed episode's grade by its highest percentage over the limit; the band edges are rules
 * ({@code overspeed.grade.*Pct}), the defaults follow the points bands for heavy vehicles.
 */
public enum Grade {
    /** Over the limit by less than the minor band (default 10 %). */
    SLIGHT,
    /** At least 10 % over. */
    MINOR,
    /** At least 20 % over. */
    SERIOUS,
    /** At least 50 % over. */
    SEVERE
}
