package org.redwheel.jt808.message;

/** How a terminal parameter's value is laid out. */
public enum ParameterType {
    DWORD,
    WORD,
    BYTE,
    /** GBK text. */
    STRING,
    /** Not typed by this codec: kept as bytes. */
    UNKNOWN
}
