create table identity_account
(
    id                   bigint generated always as identity primary key,
    username             text        not null,
    display_name         text        not null,
    phone                text,
    password_hash        text        not null,
    role                 text        not null,
    scope_kind           text        not null,
    scope_id             bigint,
    must_change_password boolean     not null default true,
    failed_attempts      int         not null default 0,
    locked_until         timestamptz,
    totp_secret          text,
    totp_enabled         boolean     not null default false,
    active               boolean     not null default true,
    last_login_at        timestamptz,
    password_changed_at  timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint identity_account_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    constraint identity_account_scope check ((scope_kind in ('COUNTY', 'ASSIGNED')) = (scope_id is null))
);
create unique index identity_account_username_uk on identity_account (username);

-- Bearer tokens of the REST API; only a SHA-256 of the token is stored.
create table identity_api_token
(
    token_hash text primary key,
    account_id bigint      not null references identity_account (id),
    issued_at  timestamptz not null,
    expires_at timestamptz not null
);
create index identity_api_token_expiry_idx on identity_api_token (expires_at);
