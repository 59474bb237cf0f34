package org.redwheel.identity;

import java.time.Clock;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns on TOTP two-factor login for an account once it has proven a working authenticator. */
@Service
class TotpEnrolment {

    private final Accounts accounts;
    private final FieldEncryptor encryptor;
    private final Clock clock;

    TotpEnrolment(Accounts accounts, FieldEncryptor encryptor, Clock clock) {
        this.accounts = accounts;
        this.encryptor = encryptor;
        this.clock = clock;
    }

    boolean enabled(long accountId) {
        return accounts.findById(accountId).map(Account::totpEnabled).orElse(false);
    }

    @Transactional
    void enable(long accountId, String secret, String code) {
        accounts.findById(accountId).orElseThrow(() -> new RecordNotFoundException("account", accountId));
        if (!Totp.verify(secret, code, clock.instant())) {
            throw InvalidInputException.of("code", "totp.codeWrong");
        }
        accounts.storeTotpSecret(accountId, encryptor.encrypt(secret), true, clock.instant());
    }
}
