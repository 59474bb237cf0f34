-- Alarms: every safety event (computed by the engine or raised by the terminal) with its handling,
-- the monitoring ledger (动态监控台账). Kept at least three years (DOMAIN.md §2).
create table monitoring_alarm
(
    id                   bigint generated always as identity primary key,
    episode_id           text        not null,
    type                 text        not null,
    status               text        not null,
    vehicle_id           bigint,
    terminal_id          bigint,
    enterprise_id        bigint,
    plate                text,
    driver_id            text,
    realtime             boolean     not null,
    start_time           timestamptz not null,
    end_time             timestamptz,
    latitude             double precision,
    longitude            double precision,
    limit_kmh            int,
    max_speed_kmh        real,
    grade                text,
    limit_source         text,
    continuous_driving_s bigint,
    daily_driving_s      bigint,
    terminal_alarm_bit   int,
    rule_set_version     text        not null,
    raised_at            timestamptz not null,
    due_at               timestamptz not null,
    reminder_count       int         not null default 0,
    last_reminder_at     timestamptz,
    reminded_at          timestamptz,
    acknowledged_at      timestamptz,
    acknowledged_by      text,
    handled_at           timestamptz,
    handled_by           text,
    handling_action      text,
    handling_note        text,
    escalated_at         timestamptz,
    closed_at            timestamptz,
    constraint monitoring_alarm_episode_uk unique (episode_id)
);
create index monitoring_alarm_open_idx on monitoring_alarm (status, due_at);
create index monitoring_alarm_vehicle_idx on monitoring_alarm (vehicle_id, start_time desc);
create index monitoring_alarm_enterprise_idx on monitoring_alarm (enterprise_id, start_time desc);
create index monitoring_alarm_start_idx on monitoring_alarm (start_time desc);

-- What happened to an alarm, step by step: reminders sent and answered, acknowledgement, handling,
-- escalation, closing.
create table monitoring_alarm_step
(
    id        bigint generated always as identity primary key,
    alarm_id  bigint      not null references monitoring_alarm (id),
    at        timestamptz not null,
    actor     text        not null,
    step      text        not null,
    detail    text
);
create index monitoring_alarm_step_alarm_idx on monitoring_alarm_step (alarm_id, at);
