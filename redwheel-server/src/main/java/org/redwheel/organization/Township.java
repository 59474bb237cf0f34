package org.redwheel.organization;

/** A township or subdistrict (镇/街道) of the county, with its administrative code. */
public record Township(long id, String name, String code, int villages, boolean active) {}
