package org.redwheel.organization;

/**
 * A government unit (部门/单位): a member of the joint meeting (联席会议), a department of the escort
 * alliance (护行联盟), or both.
 */
public record GovernmentUnit(
        long id,
        String name,
        String shortName,
        String duties,
        String contactName,
        String contactPhone,
        boolean jointMeeting,
        boolean jointMeetingLead,
        boolean escortAlliance,
        boolean active) {}
