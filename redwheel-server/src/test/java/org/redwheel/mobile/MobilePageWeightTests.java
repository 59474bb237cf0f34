package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.WebClient;
import org.redwheel.fleet.Drivers;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every driver page loads in under 100 KB of HTML, CSS and JavaScript beyond the cached WebJars
 * libraries (Bootstrap's CSS, Leaflet). The weights are written to target/mobile-page-weights.txt.
 */
@RedWheelTest
class MobilePageWeightTests {

    private static final int BUDGET = 100 * 1024;
    private static final Pattern ASSET = Pattern.compile("<(?:link[^>]+href|script[^>]+src)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Drivers drivers;

    @Autowired
    EnterpriseRegistry enterprises;

    @Test
    void everyDriverPageWeighsLessThanOneHundredKilobytesBeyondTheLibraries() throws Exception {
        var driver = DriverSignIn.register(drivers, enterprises, "页面");
        var web = new WebClient(port);
        List<String> report = new ArrayList<>();
        report.add(String.format("%-16s %8s %8s %8s %10s", "page", "HTML", "own CSS/JS", "total", "+ WebJars"));
        weigh(web, "/m/login", web.get("/m/login"), report);
        DriverSignIn.requestCode(web, driver.phone());
        var codePage = web.get("/m/login/code");
        weigh(web, "/m/login/code", codePage, report);
        String code = codePage.body().replaceAll("(?s).*data-testid=\"demo-code\">(\\d{6})<.*", "$1");
        DriverSignIn.submit(web, driver.phone(), code);
        for (String page : List.of("/m", "/m/places", "/m/help", "/m/profile")) {
            weigh(web, page, web.get(page), report);
        }
        Path file = Path.of("target", "mobile-page-weights.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report);
        report.forEach(System.out::println);
    }

    private void weigh(WebClient web, String page, HttpResponse<String> response, List<String> report) {
        assertThat(response.statusCode()).as(page).isEqualTo(200);
        int html = response.body().getBytes(StandardCharsets.UTF_8).length;
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = ASSET.matcher(response.body());
        while (m.find()) {
            assets.add(m.group(1).replace("&amp;", "&"));
        }
        int own = 0;
        int libraries = 0;
        for (String asset : assets) {
            int size = web.getBytes(asset).length;
            if (asset.startsWith("/webjars/")) {
                libraries += size;
            } else {
                own += size;
            }
        }
        report.add(String.format("%-16s %8d %8d %8d %10d", page, html, own, html + own, html + own + libraries));
        assertThat(html + own).as("%s: HTML + own CSS/JS in bytes", page).isLessThan(BUDGET);
    }
}
