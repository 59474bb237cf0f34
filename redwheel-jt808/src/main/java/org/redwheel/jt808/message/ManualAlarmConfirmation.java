package org.redwheel.jt808.message;

/**
 * 0x8203: the platform confirms alarms that need a person's confirmation.
 *
 * @param alarmSerial serial of the alarm message being confirmed, 0 for all of that type
 * @param alarmType the alarm bits being confirmed (DWORD)
 */
public record ManualAlarmConfirmation(int alarmSerial, long alarmType) implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.MANUAL_ALARM_CONFIRMATION;
    }
}
