package org.redwheel.organization;

/**
 * What a user enters for a new township.
 *
 * @param code the 9-digit township-level administrative division code
 */
record TownshipData(String name, String code) {

    static TownshipData empty() {
        return new TownshipData(null, null);
    }
}
