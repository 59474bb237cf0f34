package org.redwheel.identity;

/** What a role may do. Checked on controllers with {@code hasAuthority('…')}. */
public enum Permission {
    /** See the organisation tree, enterprises, units, townships and villages (within the scope). */
    ORGANIZATION_READ,
    /** Create, edit and deactivate organisation records (within the scope). */
    ORGANIZATION_WRITE,
    /** Edit the enterprise's own record: the enterprise administrator's narrower write right. */
    ENTERPRISE_SELF_WRITE,
    /** Manage staff accounts, roles, unlocks and password resets (security administrator). */
    ACCOUNT_ADMIN,
    /** Read and export the audit log (auditor). */
    AUDIT_READ,
    /** System settings and technical health (system administrator). */
    SYSTEM_ADMIN,
    /** See vehicles, their terminals and live state (within the scope). */
    FLEET_READ,
    /** Send text (TTS) messages and settings to a vehicle's terminal (within the scope). */
    VEHICLE_MESSAGE,
    /** Acknowledge and handle alarms (within the scope). */
    ALARM_HANDLE,
    /** Work the 24-hour monitoring desk. */
    MONITORING,
    /** Work drivers' appeals routed to a department. */
    APPEALS_DEPARTMENT,
    /** Care for the drivers assigned to a helper. */
    CARE_HELPER,
    /** Register and edit drivers, vehicles, terminals and assignments (within the scope). */
    FLEET_WRITE,
    /**
     * See a driver's full ID number (each view audited): the county office that runs the survey.
     * Everybody else sees it masked.
     */
    DRIVER_PERSONAL_DATA
}
