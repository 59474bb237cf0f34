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
}
