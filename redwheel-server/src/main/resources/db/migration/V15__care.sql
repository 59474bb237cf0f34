-- Care (关爱服务): helper Party members and their drivers, the "three ones" logs, care packages,
-- talk corners and confidential counselling. driver_id, village_id, party_organization_id,
-- account_id and corner_id refer to other modules by id (no foreign keys across modules).

-- A helper Party member (帮扶党员) of a village; account_id is his console account (role HELPER),
-- null while he has none.
create table care_helper
(
    id                    bigint generated always as identity primary key,
    name                  text        not null,
    phone                 text,
    village_id            bigint      not null,
    party_organization_id bigint,
    account_id            bigint,
    active                boolean     not null default true,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    constraint care_helper_account_uk unique (account_id)
);
create index care_helper_village_idx on care_helper (village_id);

-- Which helper cares for which driver, over time. A reassignment ends the current row and starts a
-- new one naming the previous helper and the reason; the history is never rewritten.
create table care_assignment
(
    id                 bigint generated always as identity primary key,
    driver_id          bigint      not null,
    helper_id          bigint      not null references care_helper (id),
    starts_on          date        not null,
    ends_on            date,
    previous_helper_id bigint references care_helper (id),
    reason             text,
    confirmed_by       text        not null,
    confirmed_at       timestamptz not null,
    ended_by           text,
    ended_at           timestamptz,
    constraint care_assignment_period check (ends_on is null or ends_on >= starts_on)
);
create unique index care_assignment_current_uk on care_assignment (driver_id) where ends_on is null;
create index care_assignment_helper_idx on care_assignment (helper_id, ends_on);

-- The weekly contact (phone, message, in person).
create table care_contact
(
    id           bigint generated always as identity primary key,
    helper_id    bigint      not null references care_helper (id),
    driver_id    bigint      not null,
    kind         text        not null check (kind in ('PHONE', 'MESSAGE', 'IN_PERSON')),
    contacted_at timestamptz not null,
    note         text,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index care_contact_driver_idx on care_contact (driver_id, contacted_at);
create index care_contact_time_idx on care_contact (contacted_at);

-- The monthly visit, with an optional photo (JPEG or PNG) and the place it was made.
create table care_visit
(
    id          bigint generated always as identity primary key,
    helper_id   bigint      not null references care_helper (id),
    driver_id   bigint      not null,
    visited_at  timestamptz not null,
    note        text,
    latitude    double precision check (latitude between 3.85 and 53.55),
    longitude   double precision check (longitude between 73.55 and 135.083),
    photo       bytea,
    photo_type  text check (photo_type in ('image/jpeg', 'image/png')),
    recorded_by text        not null,
    recorded_at timestamptz not null,
    constraint care_visit_location check ((latitude is null) = (longitude is null)),
    constraint care_visit_photo check ((photo is null) = (photo_type is null))
);
create index care_visit_driver_idx on care_visit (driver_id, visited_at);
create index care_visit_time_idx on care_visit (visited_at);

-- A problem the helper solved for his driver (the yearly "one"), optionally the appeal it answered.
create table care_problem
(
    id          bigint generated always as identity primary key,
    helper_id   bigint      not null references care_helper (id),
    driver_id   bigint      not null,
    solved_on   date        not null,
    note        text        not null,
    appeal_id   bigint,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index care_problem_helper_idx on care_problem (helper_id, solved_on);

-- The weekly reminders sent to helpers who fell behind: one per helper and ISO week.
create table care_reminder
(
    id        bigint generated always as identity primary key,
    helper_id bigint      not null references care_helper (id),
    iso_week  text        not null,
    sent_at   timestamptz not null,
    constraint care_reminder_uk unique (helper_id, iso_week)
);

-- The care package's kinds (爱"新"大礼包) of a quarter, and who received which.
create table care_package_kind
(
    id          bigint generated always as identity primary key,
    year        int         not null check (year between 2000 and 2100),
    quarter     int         not null check (quarter between 1 and 4),
    name        text        not null,
    category    text        not null check (category in ('SERVICE', 'POLICY_ADVICE', 'GOODS')),
    description text,
    created_at  timestamptz not null,
    constraint care_package_kind_uk unique (year, quarter, name)
);

create table care_package_distribution
(
    id             bigint generated always as identity primary key,
    kind_id        bigint      not null references care_package_kind (id),
    driver_id      bigint      not null,
    distributed_on date        not null,
    distributed_by text        not null,
    note           text,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    constraint care_package_distribution_uk unique (kind_id, driver_id)
);
create index care_package_distribution_driver_idx on care_package_distribution (driver_id);

-- Sessions of a talk corner (畅言吧, a place of kind TALK_CORNER): questions and answers.
create table care_talk_session
(
    id                bigint generated always as identity primary key,
    corner_id         bigint      not null,
    held_on           date        not null,
    topic             text        not null,
    questions_answers text,
    attendees         int         not null check (attendees between 1 and 1000),
    recorded_by       text        not null,
    recorded_at       timestamptz not null
);
create index care_talk_session_corner_idx on care_talk_session (corner_id, held_on);

-- Counselling is confidential: its content is stored only encrypted (AES-GCM) and shown only to the
-- counsellor who wrote it and to the driver concerned. Only its existence is counted.
create table care_counselling
(
    id                    bigint generated always as identity primary key,
    corner_id             bigint,
    driver_id             bigint      not null,
    counsellor_account_id bigint      not null,
    held_on               date        not null,
    content_encrypted     text        not null check (content_encrypted like 'v1:%'),
    recorded_at           timestamptz not null
);
create index care_counselling_counsellor_idx on care_counselling (counsellor_account_id, held_on);
create index care_counselling_driver_idx on care_counselling (driver_id);
