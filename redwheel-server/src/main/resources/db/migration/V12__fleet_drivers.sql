-- The precise survey (精准摸排) of freight drivers, the vehicles' documents, driver-vehicle
-- assignments over time, and the expiry warnings already sent. enterprise_id, township_id and
-- village_id refer to the organisation module by id (no foreign keys across modules).

-- ID numbers are sensitive personal information (PIPL art. 28): stored only encrypted (AES-GCM),
-- with a keyed hash (HMAC-SHA-256) for uniqueness and exact search, and the masked form shown to
-- people (first 6 + last 4 characters: the region and the last four, never the birth date).
create table fleet_driver
(
    id                      bigint generated always as identity primary key,
    name                    text        not null,
    phone                   text        not null,
    id_number_encrypted     text        not null,
    id_number_hash          text        not null,
    id_number_masked        text        not null,
    licence_class           text        not null,
    licence_expiry          date,
    qualification_encrypted text,
    qualification_masked    text,
    qualification_expiry    date,
    enterprise_id           bigint,
    township_id             bigint,
    village_id              bigint,
    party_status            text        not null default 'NONE',
    emergency_contact_name  text,
    emergency_contact_phone text,
    consent_version         text,
    consent_date            date,
    active                  boolean     not null default true,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    constraint fleet_driver_id_number_uk unique (id_number_hash),
    constraint fleet_driver_phone_uk unique (phone),
    constraint fleet_driver_masked check (id_number_masked ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$'),
    constraint fleet_driver_encrypted check (id_number_encrypted like 'v1:%'),
    constraint fleet_driver_consent check ((consent_version is null) = (consent_date is null))
);
create index fleet_driver_enterprise_idx on fleet_driver (enterprise_id);
create index fleet_driver_village_idx on fleet_driver (village_id);
create index fleet_driver_licence_expiry_idx on fleet_driver (licence_expiry);
create index fleet_driver_qualification_expiry_idx on fleet_driver (qualification_expiry);

-- Consent to location monitoring, given or withdrawn: the history is kept (PIPL art. 29).
create table fleet_driver_consent
(
    id          bigint generated always as identity primary key,
    driver_id   bigint      not null references fleet_driver (id),
    given       boolean     not null,
    version     text,
    consent_date date,
    recorded_at timestamptz not null,
    recorded_by text
);
create index fleet_driver_consent_driver_idx on fleet_driver_consent (driver_id, recorded_at);

alter table fleet_vehicle
    add column total_mass_kg          int check (total_mass_kg between 1 and 100000),
    add column length_m               numeric(3, 1) check (length_m between 1 and 30),
    add column transport_permit       text,
    add column inspection_expiry      date;
create index fleet_vehicle_inspection_expiry_idx on fleet_vehicle (inspection_expiry);

-- Who drives which vehicle, over time. An open assignment has no end; a vehicle has at most one
-- open primary driver; ended assignments are kept as history.
create table fleet_assignment
(
    id         bigint generated always as identity primary key,
    driver_id  bigint      not null references fleet_driver (id),
    vehicle_id bigint      not null references fleet_vehicle (id),
    primary_driver boolean not null,
    starts_on  date        not null,
    ends_on    date,
    created_at timestamptz not null default now(),
    constraint fleet_assignment_period check (ends_on is null or ends_on >= starts_on)
);
create unique index fleet_assignment_one_primary_uk on fleet_assignment (vehicle_id) where primary_driver and ends_on is null;
create unique index fleet_assignment_open_pair_uk on fleet_assignment (driver_id, vehicle_id) where ends_on is null;
create index fleet_assignment_driver_idx on fleet_assignment (driver_id);

-- One warning per document and expiry date: a renewed document (a new expiry date) warns again.
create table fleet_expiry_warning
(
    id         bigint generated always as identity primary key,
    document   text        not null,
    subject_id bigint      not null,
    expires_on date        not null,
    sent_at    timestamptz not null,
    recipients int         not null,
    constraint fleet_expiry_warning_uk unique (document, subject_id, expires_on)
);
