package org.redwheel.jt808.message;

import java.util.Objects;

/**
 * 0x8300: text sent to the terminal, spoken (TTS) and/or shown, encoded in GBK. 2019 adds a text
 * type byte; earlier versions leave it out, so it is ignored when encoding for them.
 *
 * @param flags bit 0 emergency (2011/2013), bit 2 show on the terminal display, bit 3 read aloud
 * @param textType 2019 only: {@link #TYPE_NOTICE} or {@link #TYPE_SERVICE}; 0 when absent
 */
public record TextMessage(int flags, int textType, String text) implements Jt808Message {

    public static final int FLAG_EMERGENCY = 0x01;
    public static final int FLAG_DISPLAY = 0x04;
    public static final int FLAG_TTS = 0x08;

    public static final int TYPE_NOTICE = 1;
    public static final int TYPE_SERVICE = 2;

    public TextMessage {
        Objects.requireNonNull(text, "text");
    }

    /** A reminder both shown and read aloud, the way safety reminders go out. */
    public static TextMessage spokenAndShown(String text) {
        return new TextMessage(FLAG_DISPLAY | FLAG_TTS, TYPE_NOTICE, text);
    }

    public boolean tts() {
        return (flags & FLAG_TTS) != 0;
    }

    public boolean display() {
        return (flags & FLAG_DISPLAY) != 0;
    }

    @Override
    public int messageId() {
        return MessageIds.TEXT_MESSAGE;
    }
}
