package org.redwheel.organization;

/** A village or residential community (村/社区): the residence organisation of drivers and helpers. */
public record Village(long id, long townshipId, String townshipName, String name, boolean active) {}
