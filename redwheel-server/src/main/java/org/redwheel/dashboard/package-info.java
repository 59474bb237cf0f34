/**
 * Dashboard: read models and overviews. For now the console home page of each role, with the
 * county office's counts of organisations, enterprises, units and Party-organisation coverage, and
 * the county's latest assessment score, and the helpers' three-ones compliance.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organization", "monitoring", "care"})
package org.redwheel.dashboard;
