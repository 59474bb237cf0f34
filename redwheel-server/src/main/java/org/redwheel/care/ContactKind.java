package org.redwheel.care;

/** How a helper contacted his driver. */
public enum ContactKind {
    PHONE,
    MESSAGE,
    IN_PERSON;

    public String messageKey() {
        return "care.contact.kind." + name();
    }
}
