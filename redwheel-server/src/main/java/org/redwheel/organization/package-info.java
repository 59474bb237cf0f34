/**
 * Organisation: the Party organisation tree (industry committee → branches → groups), the
 * logistics enterprises with their mass organisations, the government units of the joint meeting
 * and the escort alliance, and the townships and villages where drivers and helpers live.
 *
 * <p>Every query applies the signed-in staff member's {@link org.redwheel.identity.DataScope}: a
 * record outside it is not found.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "spreadsheet"})
package org.redwheel.organization;
