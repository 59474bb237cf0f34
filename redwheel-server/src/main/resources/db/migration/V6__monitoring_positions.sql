-- Positions reported by terminals, one partition per day (Beijing time). Partitions are created
-- by the ingestion as fixes for a new day arrive and dropped after the retention period.
-- (terminal_id, fix_time) is the identity of a fix: a re-sent frame inserts nothing.
create table monitoring_position
(
    terminal_id  bigint           not null,
    vehicle_id   bigint,
    fix_time     timestamptz      not null,
    received_at  timestamptz      not null,
    latitude     double precision not null,
    longitude    double precision not null,
    altitude_m   smallint         not null,
    speed_kmh    real             not null,
    direction    smallint         not null,
    alarm_flags  bigint           not null,
    status_flags bigint           not null,
    mileage_km   real,
    blind_area   boolean          not null default false,
    primary key (terminal_id, fix_time)
) partition by range (fix_time);

-- Fixes whose time lies outside the partition window (far past, future): kept, never lost, and
-- out of the way of the daily partitions.
create table monitoring_position_outlier
(
    like monitoring_position including defaults,
    primary key (terminal_id, fix_time)
);

-- Each terminal's connection state and last position, persisted from memory every few seconds.
create table monitoring_terminal_state
(
    terminal_id      bigint primary key,
    vehicle_id       bigint,
    online           boolean     not null default false,
    protocol_version text,
    connected_at     timestamptz,
    disconnected_at  timestamptz,
    last_fix_time    timestamptz,
    latitude         double precision,
    longitude        double precision,
    speed_kmh        real,
    direction        smallint,
    alarm_flags      bigint,
    status_flags     bigint,
    updated_at       timestamptz not null default now()
);
