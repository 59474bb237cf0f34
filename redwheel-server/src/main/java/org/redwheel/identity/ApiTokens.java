package org.redwheel.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Short-lived opaque bearer tokens for the REST API. Only a SHA-256 of each token is stored, so a
 * copy of the database grants no access; expiry is checked on every request.
 */
@Service
class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SecurityProperties properties;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(long accountId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.apiTokenLifetime());
        jdbc.sql("insert into identity_api_token (token_hash, account_id, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), accountId, Timestamp.from(now), Timestamp.from(expires))
                .update();
        return new IssuedToken(token, properties.apiTokenLifetime().toSeconds());
    }

    /** The account of a valid, unexpired token whose account is still active. */
    Optional<Account> accountOf(String token) {
        return jdbc.sql("select account_id from identity_api_token where token_hash = ? and expires_at > ?")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .flatMap(accounts::findById)
                .filter(Account::active)
                .filter(account -> !account.lockedAt(clock.instant()));
    }

    @Scheduled(fixedDelayString = "PT10M")
    void purgeExpired() {
        jdbc.sql("delete from identity_api_token where expires_at <= ?")
                .param(Timestamp.from(clock.instant()))
                .update();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record IssuedToken(String accessToken, long expiresInSeconds) {}
}
