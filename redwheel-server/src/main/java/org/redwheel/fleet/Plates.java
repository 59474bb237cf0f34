package org.redwheel.fleet;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Number plates of mainland China (GA 36): a province character, the letter of the issuing city,
 * then the serial. Ordinary plates have five letters or digits (鲁Q12345); trailers four and 挂
 * (鲁Q1234挂); new-energy plates have six: small vehicles a D/F-type letter first (鲁QD12345),
 * large vehicles five digits and the letter last (鲁Q12345D). The letters I and O never appear in a
 * serial (they look like 1 and 0).
 */
public final class Plates {

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String SERIAL = "[A-HJ-NP-Z0-9]";
    private static final String NEW_ENERGY = "[DABCEFGHJK]";
    private static final Pattern ORDINARY = Pattern.compile("[" + PROVINCES + "][A-HJ-Z]" + SERIAL + "{5}");
    private static final Pattern TRAILER = Pattern.compile("[" + PROVINCES + "][A-HJ-Z]" + SERIAL + "{4}挂");
    private static final Pattern NEW_ENERGY_SMALL =
            Pattern.compile("[" + PROVINCES + "][A-HJ-Z]" + NEW_ENERGY + SERIAL + "\\d{4}");
    private static final Pattern NEW_ENERGY_LARGE = Pattern.compile("[" + PROVINCES + "][A-HJ-Z]\\d{5}" + NEW_ENERGY);

    /** Plate colours as JT/T 808 codes them: 1 blue, 2 yellow, 3 black, 4 white, 5 green, 9 other. */
    public static final List<Integer> COLOURS = List.of(1, 2, 3, 4, 5, 9);

    private Plates() {}

    /** Upper case without spaces or the middle dot people copy from documents (鲁Q·12345). */
    public static String normalize(String plate) {
        return plate == null ? null : plate.replaceAll("[\\s·•.\\-]", "").toUpperCase();
    }

    public static boolean isValid(String plate) {
        String p = normalize(plate);
        return p != null
                && (ORDINARY.matcher(p).matches()
                        || TRAILER.matcher(p).matches()
                        || NEW_ENERGY_SMALL.matcher(p).matches()
                        || NEW_ENERGY_LARGE.matcher(p).matches());
    }

    /** Whether it is a new-energy plate (eight characters). */
    public static boolean isNewEnergy(String plate) {
        String p = normalize(plate);
        return p != null
                && (NEW_ENERGY_SMALL.matcher(p).matches()
                        || NEW_ENERGY_LARGE.matcher(p).matches());
    }

    /** The message key of what is wrong with the plate, or empty when it is valid. */
    public static Optional<String> violation(String plate) {
        String p = normalize(plate);
        if (p == null || p.isEmpty()) {
            return Optional.of("validation.required");
        }
        return isValid(p) ? Optional.empty() : Optional.of("vehicle.plate.format");
    }

    public static boolean isColour(Integer colour) {
        return colour != null && COLOURS.contains(colour);
    }
}
