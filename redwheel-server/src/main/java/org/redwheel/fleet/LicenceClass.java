package org.redwheel.fleet;

/**
 * Classes of the motor vehicle driving licence (准驾车型, GA 1026 / Ministry of Public Security
 * order 162). Freight drivers mostly hold A2 (tractor with semi-trailer), B2 (large and medium
 * trucks) or C1.
 */
public enum LicenceClass {
    A1,
    A2,
    A3,
    B1,
    B2,
    C1,
    C2,
    C3,
    C4,
    C5,
    C6,
    D,
    E,
    F,
    M,
    N,
    P
}
