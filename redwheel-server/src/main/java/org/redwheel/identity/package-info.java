/**
 * Identity: staff accounts, roles and their permissions, data scopes, console login (password
 * policy, lockout, TOTP two-factor), bearer tokens for the REST API, and the append-only audit log.
 *
 * <p>Other modules read the signed-in {@link org.redwheel.identity.StaffUser} and its {@link
 * org.redwheel.identity.DataScope} and apply the scope in their own queries; they record business
 * writes through the web audit filter without calling this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.redwheel.identity;
