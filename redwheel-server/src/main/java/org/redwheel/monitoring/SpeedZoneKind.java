package org.redwheel.monitoring;

/** How a speed zone is drawn: an area, or a strip along a road. */
enum SpeedZoneKind {
    /** An area bounded by at least three vertices. */
    POLYGON,
    /** A strip of a given width along a centre line of at least two points. */
    CORRIDOR
}
