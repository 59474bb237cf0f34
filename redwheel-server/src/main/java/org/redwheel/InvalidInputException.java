package org.redwheel;

import java.util.List;

/**
 * Input that breaks a business rule (format, uniqueness, reference). Each violation names the
 * field and a message key; the console shows them beside the fields, the API as an RFC 9457
 * problem. Thrown before anything is changed.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super("invalid input: " + violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String messageKey) {
        return new InvalidInputException(List.of(new Violation(field, messageKey)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One broken rule: the field (form and JSON name) and the message key explaining it. */
    public record Violation(String field, String messageKey) {}
}
