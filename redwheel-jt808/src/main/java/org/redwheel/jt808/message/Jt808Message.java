package org.redwheel.jt808.message;

/** The body of one JT/T 808 message, typed by its message id. */
public sealed interface Jt808Message
        permits TerminalGeneralResponse,
                Heartbeat,
                TerminalUnregister,
                TerminalRegistration,
                TerminalAuthentication,
                ParameterQueryResponse,
                LocationReport,
                LocationQueryResponse,
                DriverIdentity,
                BatchLocationUpload,
                TransparentData,
                PlatformGeneralResponse,
                RegistrationResponse,
                SegmentResendRequest,
                SetTerminalParameters,
                QueryTerminalParameters,
                LocationQuery,
                ManualAlarmConfirmation,
                TextMessage,
                RawMessage {

    /** The message id this body belongs to, e.g. {@code 0x0200}. */
    int messageId();
}
