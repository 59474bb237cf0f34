package org.redwheel.mobile;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redwheel.WebClient;
import org.redwheel.fleet.DriverData;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.TestDrivers;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseData;
import org.redwheel.organization.EnterpriseRegistry;

/**
 * Signs drivers in to the mobile pages over real HTTP, reading the one-time code from the page as
 * the demo shows it (the test profile runs with the demo's settings). For any test of {@code /m}.
 */
public final class DriverSignIn {

    private static final Pattern DEMO_CODE = Pattern.compile("data-testid=\"demo-code\">(\\d{6})<");

    private static Enterprise enterprise;

    private DriverSignIn() {}

    /** Asks for a code for the phone; returns the answer to the request (a redirect when accepted). */
    public static HttpResponse<String> requestCode(WebClient web, String phone) {
        return web.postForm("/m/login", "/m/login/code", Map.of("phone", phone));
    }

    /** Asks for a code and returns it as the code page shows it, or null when the page shows none. */
    public static String code(WebClient web, String phone) {
        var answer = requestCode(web, phone);
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("code request answered " + answer.statusCode() + ": " + answer.body());
        }
        Matcher m = DEMO_CODE.matcher(web.get("/m/login/code").body());
        return m.find() ? m.group(1) : null;
    }

    /** Posts a code for the phone on the code page; returns the answer (a redirect either way). */
    public static HttpResponse<String> submit(WebClient web, String phone, String code) {
        return web.postForm("/m/login", "/m/login", Map.of("phone", phone, "code", code));
    }

    /** Signs the driver of this phone in; fails unless the mobile home page opens. */
    public static void signIn(WebClient web, String phone) {
        String code = code(web, phone);
        var answer = submit(web, phone, code);
        if (answer.statusCode() != 302
                || !answer.headers().firstValue("Location").orElse("").endsWith("/m")) {
            throw new IllegalStateException(
                    "sign-in refused: " + answer.headers().map());
        }
    }

    /**
     * A new active driver of the mobile tests' enterprise (one for the whole run, with a safety
     * officer: tests do not grow the county's list of enterprises); returns his data with his id.
     */
    public static Registered register(Drivers drivers, EnterpriseRegistry enterprises, String prefix) {
        Enterprise enterprise = enterprise(enterprises);
        DriverData data = TestDrivers.valid(prefix, enterprise.id(), null);
        long id = drivers.create(DataScope.county(), data);
        return new Registered(id, data, enterprise.id(), enterprise.name());
    }

    private static synchronized Enterprise enterprise(EnterpriseRegistry enterprises) {
        if (enterprise == null) {
            var e = org.redwheel.TestEnterprises.valid("司机页面");
            long id = enterprises.create(new EnterpriseData(
                    e.name(),
                    e.creditCode(),
                    e.address(),
                    null,
                    null,
                    e.legalRepresentative(),
                    "测试安全员",
                    "0539-6219999",
                    5,
                    null,
                    null,
                    false,
                    false,
                    false,
                    false));
            enterprise = enterprises.get(DataScope.county(), id);
        }
        return enterprise;
    }

    /** A driver registered for a test. */
    public record Registered(long id, DriverData data, long enterpriseId, String enterpriseName) {

        public String phone() {
            return data.phone();
        }
    }
}
