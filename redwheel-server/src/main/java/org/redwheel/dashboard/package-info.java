/**
 * Dashboard: read models and overviews. For now the console home page of each role, with the
 * county office's counts of organisations, enterprises, units and Party-organisation coverage, and
 * the county's latest assessment score, its drivers' appeals (received, solved, overdue) and the helpers'
 * three-ones compliance.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organization", "monitoring", "appeals", "care"})
package org.redwheel.dashboard;
