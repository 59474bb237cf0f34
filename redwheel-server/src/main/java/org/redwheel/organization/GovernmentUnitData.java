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
        boolean escortAlliance) {}
