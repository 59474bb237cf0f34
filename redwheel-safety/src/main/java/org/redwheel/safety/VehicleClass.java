package org.redwheel.safety;

/** Vehicle classes that may carry a default speed limit ({@code speed.vehicle.<CLASS>}). */
public enum VehicleClass {
    /** Goods vehicles over 12 t: speed limiter commonly set at 89–90 km/h. */
    HEAVY_TRUCK,
    MEDIUM_TRUCK,
    LIGHT_TRUCK,
    /** Dangerous-goods transport. */
    DANGEROUS_GOODS,
    OTHER
}
