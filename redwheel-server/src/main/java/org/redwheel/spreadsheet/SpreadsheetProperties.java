package org.redwheel.spreadsheet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of spreadsheet imports ({@code redwheel.spreadsheet.*}). The upload size limit itself is
 * Spring's {@code spring.servlet.multipart.max-file-size}.
 *
 * @param maxRows the most data rows one upload may hold
 * @param workers imports that run at the same time
 * @param queue imports that may wait for a worker; more are refused with a message
 * @param jobRetention how long a finished import's summary and annotated file are kept
 * @param problemsShown how many problems the summary on screen lists
 */
@ConfigurationProperties("redwheel.spreadsheet")
record SpreadsheetProperties(
        Integer maxRows, Integer workers, Integer queue, Duration jobRetention, Integer problemsShown) {

    SpreadsheetProperties {
        maxRows = maxRows == null ? 50_000 : maxRows;
        workers = workers == null ? 2 : workers;
        queue = queue == null ? 8 : queue;
        jobRetention = jobRetention == null ? Duration.ofMinutes(30) : jobRetention;
        problemsShown = problemsShown == null ? 20 : problemsShown;
    }
}
