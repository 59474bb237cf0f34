-- Driving-safety rule sets: every version kept whole, in the text form the replay command reads
-- (key=value # source per line), with the version it was made from (an edit's base, or the version
-- active when a file was imported). Exactly one version is active; the application stores the
-- engine's defaults as the first version at its first start.
create table monitoring_rule_set
(
    id           bigint generated always as identity primary key,
    version      text        not null,
    body         text        not null,
    based_on     bigint references monitoring_rule_set (id),
    note         text,
    created_by   text        not null,
    created_at   timestamptz not null,
    active       boolean     not null default false,
    activated_at timestamptz,
    activated_by text,
    constraint monitoring_rule_set_version_uk unique (version)
);
-- At most one active version; activation switches it in one transaction.
create unique index monitoring_rule_set_active_uk on monitoring_rule_set (active) where active;

-- Speed zones drawn on the map (school, town centre, work zone): a polygon, or a corridor along a
-- centre line with a width. Vertices are a JSON array of {"lat": .., "lon": ..} in WGS-84 degrees.
create table monitoring_speed_zone
(
    id         bigint generated always as identity primary key,
    name       text             not null,
    limit_kmh  int              not null check (limit_kmh between 5 and 130),
    kind       text             not null check (kind in ('POLYGON', 'CORRIDOR')),
    vertices   jsonb            not null,
    width_m    double precision check (width_m is null or width_m > 0),
    active     boolean          not null default true,
    note       text,
    created_by text             not null,
    created_at timestamptz      not null,
    updated_by text             not null,
    updated_at timestamptz      not null
);
create index monitoring_speed_zone_active_idx on monitoring_speed_zone (active, name);
