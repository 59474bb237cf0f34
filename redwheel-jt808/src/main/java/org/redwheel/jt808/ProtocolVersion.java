package org.redwheel.jt808;

/** The editions of JT/T 808 the codec speaks. */
public enum ProtocolVersion {
    V2011(2011),
    V2013(2013),
    V2019(2019);

    private final int year;

    ProtocolVersion(int year) {
        this.year = year;
    }

    public int year() {
        return year;
    }

    public static ProtocolVersion ofYear(int year) {
        for (ProtocolVersion version : values()) {
            if (version.year == year) {
                return version;
            }
        }
        throw new IllegalArgumentException("no JT/T 808 edition " + year);
    }
}
