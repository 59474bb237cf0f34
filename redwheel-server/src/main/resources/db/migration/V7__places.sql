-- Places that serve drivers: the Party-mass service centre, driver homes, red post stations,
-- temporary parking areas, talk corners, and highway service areas.
create table places_place
(
    id            bigint generated always as identity primary key,
    kind          text             not null,
    name          text             not null,
    address       text,
    latitude      double precision not null,
    longitude     double precision not null,
    services      text,
    opening_hours text,
    phone         text,
    active        boolean          not null default true,
    created_at    timestamptz      not null default now(),
    updated_at    timestamptz      not null default now(),
    constraint places_place_name_uk unique (name),
    constraint places_place_latitude check (latitude between 3.85 and 53.55),
    constraint places_place_longitude check (longitude between 73.55 and 135.083)
);
create index places_place_kind_idx on places_place (kind);
