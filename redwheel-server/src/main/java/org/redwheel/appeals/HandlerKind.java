package org.redwheel.appeals;

/** Who works an appeal: the industry committee's office, a department, or the driver's helper. */
public enum HandlerKind {
    OFFICE,
    DEPARTMENT,
    HELPER;

    public String messageKey() {
        return "appeals.handler." + name();
    }
}
