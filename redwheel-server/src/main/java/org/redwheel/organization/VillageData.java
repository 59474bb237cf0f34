package org.redwheel.organization;

/** What a user enters for a new village of a township. */
record VillageData(String name) {}
