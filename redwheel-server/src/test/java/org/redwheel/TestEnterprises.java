package org.redwheel;

import java.util.concurrent.atomic.AtomicLong;
import org.redwheel.organization.CreditCode;
import org.redwheel.organization.EnterpriseData;

/**
 * Valid enterprise input with unique names and credit codes. The codes use the city's division
 * (371300), never the demo county's (371329), so tests can tell demo data apart.
 */
public final class TestEnterprises {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 5_000_000);

    private TestEnterprises() {}

    public static EnterpriseData valid(String prefix) {
        long n = SEQUENCE.incrementAndGet();
        String first17 = "91371300MA" + String.format("%07d", n % 10_000_000);
        return new EnterpriseData(
                prefix + "物流有限公司" + n,
                first17 + CreditCode.checkCharacter(first17),
                "临沭县测试路1号",
                null,
                null,
                "测试法人",
                null,
                null,
                5,
                null,
                null,
                false,
                false,
                false,
                false);
    }
}
