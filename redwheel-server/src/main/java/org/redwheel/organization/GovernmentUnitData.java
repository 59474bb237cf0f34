package org.redwheel.organization;

/** What a user enters for a government unit; absent flags mean no. */
public record GovernmentUnitData(
        String name,
        String shortName,
        String duties,
        String contactName,
        String contactPhone,
        Boolean jointMeeting,
        Boolean jointMeetingLead,
        Boolean escortAlliance) {

    public boolean isJointMeeting() {
        return Boolean.TRUE.equals(jointMeeting);
    }

    public boolean isJointMeetingLead() {
        return Boolean.TRUE.equals(jointMeetingLead);
    }

    public boolean isEscortAlliance() {
        return Boolean.TRUE.equals(escortAlliance);
    }

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
