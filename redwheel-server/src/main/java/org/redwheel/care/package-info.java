/**
 * Care (关爱服务): helper Party members (帮扶党员) of the drivers' villages and which driver each
 * cares for, over time; the "three ones" (三个一: contact weekly, visit monthly, solve a problem a
 * year) with their compliance per helper, village and township and weekly reminders to helpers who
 * fall behind; the quarterly care packages (爱"新"大礼包) and their coverage; the talk corners
 * (畅言吧) with their sessions; and confidential counselling, whose content only the counsellor and
 * the driver concerned ever see.
 *
 * <p>It answers the fleet's questions of who has a helper ({@link org.redwheel.fleet.HelperCoverage})
 * and who the driver's helper is ({@link org.redwheel.fleet.HelperDirectory}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organization", "fleet", "places", "notification"})
package org.redwheel.care;
