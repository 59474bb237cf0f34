/**
 * Appeals: drivers' needs (诉求) from every channel (the driver's mobile page, the hotline, a helper's
 * visit, a talk corner, the monitoring desk): intake, routing by category (personal matters to the
 * driver's helper, a department's field to that department, the rest to the industry committee's
 * office), the lifecycle from submission to the driver's confirmation with every step timestamped,
 * service levels per category with escalation of overdue appeals, the escort alliance's
 * claim-and-solve board (领题攻坚) of hard problems, supervision and monthly statistics, and the
 * public page of solved hard problems.
 *
 * <p>Every read applies the reader's reach: the office sees the county, a department what is routed
 * to or claimed by it, a helper what is routed to him, a driver only his own appeals.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organization", "fleet", "notification", "care"})
package org.redwheel.appeals;
