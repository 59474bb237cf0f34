package org.redwheel.organization;

/** What a user enters for a government unit. */
public record GovernmentUnitData(
        String name,
        String shortName,
        String duties,
        String contactName,
        String contactPhone,
        boolean jointMeeting,
        boolean jointMeetingLead,
        boolean escortAlliance) {

    static GovernmentUnitData of(GovernmentUnit u) {
        return new GovernmentUnitData(
                u.name(),
                u.shortName(),
                u.duties(),
                u.contactName(),
                u.contactPhone(),
                u.jointMeeting(),
                u.jointMeetingLead(),
                u.escortAlliance());
    }

    static GovernmentUnitData empty() {
        return new GovernmentUnitData(null, null, null, null, null, false, false, false);
    }
}
