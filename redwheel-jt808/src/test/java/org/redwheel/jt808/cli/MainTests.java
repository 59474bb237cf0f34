package org.redwheel.jt808.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTests {

    // 2013 0x0200 with extras (see GoldenVectorsTests)
    static final String LOCATION = "7E020000610139123456780001000000020000000301DAE800070DCFCE0032026F005A24031508300"
            + "0010400000BB80202019003020262040200071105010000007B12060200000010011307000000200E10012504000000012A02"
            + "00002B040064003230011F31010CE1037D027D0101E27E";

    // 2013 0x0704 blind-area batch of two
    static final String BATCH = "7E07040042013912345678000B000201001C000000000000000301D905C007088980000A01F400002403"
            + "1508000000" + "1F000000000000000301D90624070889E4000B01FE0001240315080030300114E67E";

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void printsOneJsonLinePerArgumentForAFrameAndForGarbage() {
        int status = run(new String[] {"decode", LOCATION, "not hex at all"}, "");

        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .isEqualTo("{\"messageId\":\"0x0200\",\"message\":\"LocationReport\",\"version\":2013,"
                        + "\"phone\":\"013912345678\",\"serial\":1,\"latitude\":31.123456,\"longitude\":118.345678,"
                        + "\"altitudeM\":50,\"speedKmh\":62.3,\"direction\":90,\"time\":\"2024-03-15T08:30:00+08:00\","
                        + "\"alarmFlags\":2,\"statusFlags\":3,\"extras\":{\"0x01\":300,\"0x02\":40,\"0x03\":61,"
                        + "\"0x04\":7,\"0x11\":{\"locationType\":1,\"areaId\":123},"
                        + "\"0x12\":{\"locationType\":2,\"areaId\":16,\"direction\":\"out\"},"
                        + "\"0x13\":{\"sectionId\":32,\"drivingSeconds\":3600,\"result\":1},\"0x25\":1,\"0x2A\":0,"
                        + "\"0x2B\":{\"ad0\":50,\"ad1\":100},\"0x30\":31,\"0x31\":12,\"0xE1\":\"7E7D01\"}}");
        assertThat(lines.get(1)).startsWith("{\"error\":").contains("\"reason\":\"NOT_HEX\"");
        assertThat(status).isEqualTo(1);
    }

    /**
     * A 0x0200 captured from a real device (an electronic-lock tracker; published by its maker as a
     * parsing example), with its vendor items 0xE3 and 0xD5.
     */
    static final String CAPTURED =
            "7E 02 00 00 52 00 20 02 60 43 23 00 A4 00 02 00 00 00 0C 00 02 01 58 B9 1B 06 CB 70 61 00 46"
                    + " 00 00 00 59 21 09 22 16 37 58 01 04 00 00 00 01 03 02 00 00 25 04 00 00 00 01 30 01 11 31 01 10 E3 01 00 D5"
                    + " 1B 02 20 02 60 43 23 27 95 93 78 61 60 00 12 20 00 00 12 34 27 95 93 78 61 58 00 12 86 7E";

    @Test
    void decodesAFrameCapturedFromARealDeviceKeepingItsVendorItems() {
        int status = run(new String[] {"decode", CAPTURED}, "");

        assertThat(lines())
                .containsExactly("{\"messageId\":\"0x0200\",\"message\":\"LocationReport\",\"version\":2013,"
                        + "\"phone\":\"002002604323\",\"serial\":164,\"latitude\":22.591771,\"longitude\":113.995873,"
                        + "\"altitudeM\":70,\"speedKmh\":0,\"direction\":89,\"time\":\"2021-09-22T16:37:58+08:00\","
                        + "\"alarmFlags\":131072,\"statusFlags\":786434,\"extras\":{\"0x01\":0.1,\"0x03\":0,\"0x25\":1,"
                        + "\"0x30\":17,\"0x31\":16,\"0xE3\":\"00\","
                        + "\"0xD5\":\"022002604323279593786160001220000012342795937861580012\"}}");
        assertThat(status).isZero();
    }

    @Test
    void readsFramesLinePerLineFromStandardInputIgnoringCaseWhitespaceAndDelimiters() {
        String spaced = LOCATION.toLowerCase().replaceAll("(..)", "$1 ");
        String bare = BATCH.substring(2, BATCH.length() - 2);
        String input = spaced + "\n\n" + bare + "\r\n" + "7E0102037E" + "\n";

        int status = run(new String[] {"decode"}, input);

        List<String> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"messageId\":\"0x0200\"", "\"latitude\":31.123456");
        assertThat(lines.get(1))
                .contains("\"messageId\":\"0x0704\"", "\"batchType\":1", "\"locations\":[{\"latitude\":31,")
                .contains("\"time\":\"2024-03-15T08:00:30+08:00\"", "\"extras\":{\"0x30\":20}");
        assertThat(lines.get(2)).contains("\"reason\":\"TRUNCATED\"");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void decodesSeveralDelimitedFramesOnOneLine() {
        String heartbeat = "7E000200000139123456780001337E";

        int status = run(new String[] {"decode", heartbeat + heartbeat}, "");

        assertThat(lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("\"messageId\":\"0x0002\"", "\"version\":2013"));
        assertThat(status).isZero();
    }

    @Test
    void printsSignedDegreesForTheSouthernAndWesternHemispheres() {
        String frame =
                "7E0200401C01000000000139123456780102000000000000000E0204C8E009034428FFF600000000231231235959007E";

        run(new String[] {"decode", frame}, "");

        assertThat(lines())
                .singleElement()
                .asString()
                .contains("\"version\":2019", "\"phone\":\"00000000013912345678\"")
                .contains("\"latitude\":-33.868", "\"longitude\":-151.209", "\"altitudeM\":-10");
    }

    @Test
    void printsUsageForAnUnknownCommand() {
        int status = run(new String[] {"encode"}, "");

        assertThat(status).isEqualTo(2);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("usage:");
    }

    private int run(String[] args, String stdin) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII));
        return Main.run(
                args,
                in,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return stdout.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
