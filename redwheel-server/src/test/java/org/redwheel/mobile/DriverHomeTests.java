package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.LicenceClass;
import org.redwheel.fleet.PartyStatus;

class DriverHomeTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final LocalDate LIMIT = TODAY.plusDays(30);

    private static Driver driver(LocalDate licence, LocalDate qualification) {
        return new Driver(
                1,
                "张师傅",
                "13905390001",
                "371329********1234",
                LicenceClass.values()[0],
                licence,
                "371329********1234",
                qualification,
                null,
                null,
                null,
                null,
                null,
                null,
                PartyStatus.NONE,
                null,
                null,
                null,
                null,
                true,
                null,
                null);
    }

    @Test
    void documentsExpiringWithinTheWarningDaysAreDueSoonestFirst() {
        var due = DriverHome.due(driver(LIMIT, TODAY.plusDays(3)), TODAY, LIMIT);

        assertThat(due)
                .extracting(DriverHome.DueDocument::nameKey)
                .containsExactly("mobile.due.qualification", "mobile.due.licence");
        assertThat(due).noneMatch(DriverHome.DueDocument::expired);
    }

    @Test
    void aDocumentExpiringTheDayAfterTheLimitIsNotDueAndAnExpiredOneIsMarked() {
        var due = DriverHome.due(driver(LIMIT.plusDays(1), TODAY.minusDays(1)), TODAY, LIMIT);

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.nameKey()).isEqualTo("mobile.due.qualification");
            assertThat(d.expired()).isTrue();
        });
        assertThat(DriverHome.due(driver(null, TODAY), TODAY, LIMIT))
                .singleElement()
                .extracting(DriverHome.DueDocument::expired)
                .isEqualTo(false);
    }
}
