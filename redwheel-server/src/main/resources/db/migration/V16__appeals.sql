-- Hard problems (难题) on the escort alliance's claim-and-solve board (领题攻坚): posted by the
-- industry committee's office, claimed by exactly one department (the conditional update on
-- claimed_unit_id decides), worked and solved. Title, description and solution are public once
-- solved, so they are checked for personal data when written.
create table appeals_problem
(
    id              bigint generated always as identity primary key,
    category        text        not null,
    title           text        not null,
    description     text        not null,
    status          text        not null,
    posted_at       timestamptz not null,
    posted_by       text        not null,
    claimed_unit_id bigint,
    claimed_at      timestamptz,
    claimed_by      text,
    started_at      timestamptz,
    solved_at       timestamptz,
    solved_by       text,
    solution        text,
    constraint appeals_problem_claim check ((claimed_unit_id is null) = (claimed_at is null)),
    constraint appeals_problem_solution check (status <> 'SOLVED' or (solution is not null and solved_at is not null))
);
create index appeals_problem_status_idx on appeals_problem (status, posted_at desc);
create index appeals_problem_unit_idx on appeals_problem (claimed_unit_id);

-- Drivers' appeals (诉求) from every channel. The driver's enterprise and village are kept as they
-- were at intake, for supervision by village; the route is where intake sent it, the handler who
-- works it now (the office, a department, or the driver's helper).
create table appeals_appeal
(
    id                   bigint generated always as identity primary key,
    driver_id            bigint      not null,
    driver_name          text        not null,
    enterprise_id        bigint,
    village_id           bigint,
    township_id          bigint,
    category             text        not null,
    channel              text        not null,
    description          text        not null,
    latitude             numeric(9, 6),
    longitude            numeric(9, 6),
    source_alarm_id      bigint,
    status               text        not null,
    route_kind           text        not null,
    route_unit_id        bigint,
    route_account_id     bigint,
    handler_kind         text,
    handler_unit_id      bigint,
    handler_account_id   bigint,
    problem_id           bigint references appeals_problem (id),
    submitted_at         timestamptz not null,
    submitted_by         text        not null,
    accept_due_at        timestamptz not null,
    resolve_due_at       timestamptz not null,
    accepted_at          timestamptz,
    resolved_at          timestamptz,
    solution             text,
    confirmed_at         timestamptz,
    rating               smallint,
    feedback             text,
    reopen_count         int         not null default 0,
    accept_escalated_at  timestamptz,
    resolve_escalated_at timestamptz,
    driver_seen_at       timestamptz,
    updated_at           timestamptz not null,
    constraint appeals_appeal_rating check (rating between 1 and 5),
    constraint appeals_appeal_location check ((latitude is null) = (longitude is null))
);
create index appeals_appeal_driver_idx on appeals_appeal (driver_id, submitted_at desc);
create index appeals_appeal_status_idx on appeals_appeal (status, submitted_at desc);
create index appeals_appeal_submitted_idx on appeals_appeal (submitted_at desc);
create index appeals_appeal_unit_idx on appeals_appeal (handler_unit_id);
create index appeals_appeal_route_unit_idx on appeals_appeal (route_unit_id);
create index appeals_appeal_account_idx on appeals_appeal (handler_account_id);
create index appeals_appeal_problem_idx on appeals_appeal (problem_id);

-- Every step of an appeal, timestamped: what happened, who did it, the status after it, and
-- whether the driver sees it on his mobile page (his status messages).
create table appeals_step
(
    id             bigint generated always as identity primary key,
    appeal_id      bigint      not null references appeals_appeal (id),
    kind           text        not null,
    status         text        not null,
    at             timestamptz not null,
    actor          text        not null,
    actor_kind     text        not null,
    handler_label  text,
    note           text,
    driver_visible boolean     not null
);
create index appeals_step_appeal_idx on appeals_step (appeal_id, at, id);

-- The photo a driver attached (JPEG or PNG, at most 5 MB), served only to those who see the appeal.
create table appeals_photo
(
    appeal_id    bigint primary key references appeals_appeal (id),
    content_type text        not null,
    content      bytea       not null,
    uploaded_at  timestamptz not null
);
