package org.redwheel;

/**
 * The record does not exist, or lies outside the caller's data scope: both answer 404 so that a
 * scope never reveals what it hides.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
