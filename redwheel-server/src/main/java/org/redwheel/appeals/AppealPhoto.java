package org.redwheel.appeals;

/** A photo attached to an appeal: its content type (image/jpeg or image/png) and bytes. */
public record AppealPhoto(String contentType, byte[] content) {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    /** The type the bytes really are (by their signature), whatever the upload claimed; null for neither. */
    static String detectedType(byte[] content) {
        if (content == null) {
            return null;
        }
        if (content.length > 3
                && (content[0] & 0xff) == 0xff
                && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (content.length > 8
                && (content[0] & 0xff) == 0x89
                && content[1] == 'P'
                && content[2] == 'N'
                && content[3] == 'G'
                && content[4] == 0x0d
                && content[5] == 0x0a
                && content[6] == 0x1a
                && content[7] == 0x0a) {
            return PNG;
        }
        return null;
    }
}
