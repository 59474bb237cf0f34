package org.redwheel.mobile;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * When another one-time code may be sent: not sooner than the interval after the phone's last code,
 * at most so many per phone and per network address in any hour. Requests for numbers outside the
 * survey count like the others, so the limits tell nobody whether a number is known.
 */
record SendLimits(Duration interval, int perPhonePerHour, int perAddressPerHour) {

    static final Duration WINDOW = Duration.ofHours(1);

    /** Why a request is refused. */
    enum Refusal {
        PHONE_TOO_SOON,
        PHONE_HOURLY,
        ADDRESS_HOURLY
    }

    /**
     * @param refusal null when the code may be sent
     * @param retryAt when a request would be accepted again (as far as this limit goes); null when
     *     accepted
     */
    record Decision(Refusal refusal, Instant retryAt) {

        static final Decision ALLOWED = new Decision(null, null);

        boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * @param phoneSends when codes were requested for the phone (at least the last hour's)
     * @param addressSends when codes were requested from the address (at least the last hour's)
     */
    Decision decide(Collection<Instant> phoneSends, Collection<Instant> addressSends, Instant now) {
        List<Instant> phone = inWindow(phoneSends, now);
        if (!phone.isEmpty()) {
            Instant next = phone.get(phone.size() - 1).plus(interval);
            if (now.isBefore(next)) {
                return new Decision(Refusal.PHONE_TOO_SOON, next);
            }
        }
        if (phone.size() >= perPhonePerHour) {
            return new Decision(Refusal.PHONE_HOURLY, retryAt(phone, perPhonePerHour));
        }
        List<Instant> address = inWindow(addressSends, now);
        if (address.size() >= perAddressPerHour) {
            return new Decision(Refusal.ADDRESS_HOURLY, retryAt(address, perAddressPerHour));
        }
        return Decision.ALLOWED;
    }

    /** The sends of the last hour (those less than an hour old), oldest first. */
    private static List<Instant> inWindow(Collection<Instant> sends, Instant now) {
        Instant from = now.minus(WINDOW);
        return sends.stream()
                .filter(t -> t.isAfter(from) && !t.isAfter(now))
                .sorted()
                .toList();
    }

    /** When enough of the window's sends have aged out for one more to fit under the limit. */
    private static Instant retryAt(List<Instant> sends, int limit) {
        return sends.get(sends.size() - limit).plus(WINDOW);
    }
}
