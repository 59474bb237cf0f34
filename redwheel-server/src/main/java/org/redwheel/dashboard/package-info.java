/**
 * Dashboard: read models and overviews. For now the console home page of each role, with the
 * county office's counts of organisations, enterprises, units and Party-organisation coverage.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "organization"})
package org.redwheel.dashboard;
