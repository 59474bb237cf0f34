-- The fleet registry's first slice: vehicles and their JT/T 808 terminals. The survey issue adds
-- drivers, certificates and assignments. enterprise_id refers to the organisation module by id.
create table fleet_vehicle
(
    id            bigint generated always as identity primary key,
    plate         text        not null,
    plate_color   smallint    not null default 2,
    vehicle_type  text,
    enterprise_id bigint,
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint fleet_vehicle_plate_uk unique (plate)
);
create index fleet_vehicle_enterprise_idx on fleet_vehicle (enterprise_id);

create table fleet_terminal
(
    id               bigint generated always as identity primary key,
    phone            text        not null,
    device_id        text,
    model            text,
    protocol_version text        not null default 'V2013',
    sim              text,
    vehicle_id       bigint references fleet_vehicle (id),
    auth_code        text,
    registered_at    timestamptz,
    active           boolean     not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint fleet_terminal_phone_uk unique (phone),
    constraint fleet_terminal_phone_format check (phone ~ '^[1-9][0-9]{0,19}$'),
    constraint fleet_terminal_vehicle_uk unique (vehicle_id)
);
