-- Drivers' sign-in on the mobile pages: one-time codes sent by SMS, and the lock of a phone number
-- after repeated wrong codes. A code is kept only as a keyed hash (HMAC-SHA-256). Rows are also the
-- record the send limits count (per phone and per address), including requests for numbers that
-- are not in the survey (no code, no SMS), so both answer alike. Old rows are purged after a day.
create table mobile_login_code
(
    id             bigint generated always as identity primary key,
    phone          text        not null,
    driver_id      bigint,
    code_hash      text,
    requested_at   timestamptz not null,
    expires_at     timestamptz not null,
    used_at        timestamptz,
    remote_address text        not null,
    constraint mobile_login_code_known check ((driver_id is null) = (code_hash is null))
);
create index mobile_login_code_phone_idx on mobile_login_code (phone, requested_at desc);
create index mobile_login_code_address_idx on mobile_login_code (remote_address, requested_at desc);

-- Wrong codes in a row per phone number (known or not), and until when the number is locked.
create table mobile_login_lock
(
    phone           text primary key,
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    updated_at      timestamptz not null
);
