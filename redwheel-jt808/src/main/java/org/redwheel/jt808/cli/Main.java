package org.redwheel.jt808.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808Decoder;

/**
 * {@code decode [HEX ...]}: decodes hex frames given as arguments or, with none, one per line on
 * standard input, and prints one JSON object per frame. A line may hold several 0x7E-delimited
 * frames; whitespace and case do not matter. A frame that cannot be decoded prints {@code
 * {"error": ...}} and the next one is decoded. Exit status 0 when every frame decoded, 1 when some did
 * not, 2 for a usage error.
 */
public final class Main {

    private static final String USAGE = "usage: java -jar redwheel-jt808-cli.jar decode [HEX ...]\n"
            + "  decodes JT/T 808 frames (hex, with or without 7E delimiters) from the arguments or,\n"
            + "  with none, one per line from standard input; prints one JSON object per frame";

    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, System.err);
        out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("decode")) {
            err.println(USAGE);
            return 2;
        }
        boolean allDecoded = true;
        if (args.length > 1) {
            for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
                for (String line : arg.split("\\R")) {
                    allDecoded &= decodeLine(line, out);
                }
            }
        } else {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    allDecoded &= decodeLine(line, out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return allDecoded ? 0 : 1;
    }

    private static boolean decodeLine(String line, PrintStream out) {
        String hex = line.replaceAll("\\s+", "");
        if (hex.isEmpty()) {
            return true;
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            out.println(FrameJson.error(
                    Jt808DecodeException.Reason.NOT_HEX.name(), "not an even number of hex digits", abbreviate(hex)));
            return false;
        }
        List<byte[]> frames = frames(bytes);
        if (frames.isEmpty()) {
            out.println(FrameJson.error(
                    Jt808DecodeException.Reason.TRUNCATED.name(), "no frame between the delimiters", hex));
            return false;
        }
        boolean allDecoded = true;
        for (byte[] frame : frames) {
            String input = HexFormat.of().withUpperCase().formatHex(frame);
            try {
                out.println(FrameJson.of(Jt808Decoder.decode(frame)));
            } catch (Jt808DecodeException e) {
                out.println(FrameJson.error(e.reason().name(), e.getMessage(), abbreviate(input)));
                allDecoded = false;
            } catch (RuntimeException e) {
                // the codec promises not to get here; if it does, report and keep going through the input
                out.println(FrameJson.error(null, "internal error: " + e, abbreviate(input)));
                allDecoded = false;
            }
        }
        return allDecoded;
    }

    /** The runs between 0x7E bytes; the whole input when it has none. */
    private static List<byte[]> frames(byte[] bytes) {
        List<byte[]> frames = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0x7E) {
                if (i > start) {
                    frames.add(Arrays.copyOfRange(bytes, start, i));
                }
                start = i + 1;
            }
        }
        return frames;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
