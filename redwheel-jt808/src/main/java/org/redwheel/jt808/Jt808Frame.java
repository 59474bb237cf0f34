package org.redwheel.jt808;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** One checked frame: its header and its still undecoded body (unescaped). */
public record Jt808Frame(Jt808Header header, byte[] body) {

    public Jt808Frame {
        Objects.requireNonNull(header, "header");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    // records compare arrays by identity; frames are compared by value
    @Override
    public boolean equals(Object other) {
        return other instanceof Jt808Frame that && header.equals(that.header) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Jt808Frame[" + header + ", body=" + HexFormat.of().formatHex(body) + "]";
    }
}
