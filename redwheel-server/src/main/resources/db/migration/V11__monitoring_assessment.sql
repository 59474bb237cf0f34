-- Assessment metrics (DOMAIN.md §3): one row per day and enterprise, and one for the county
-- (enterprise_id null), with the counts the rates come from, the rates, the points and the total.
-- Rates and points are null where they do not apply (an enterprise without vehicles is not assessed).
create table monitoring_assessment
(
    id                          bigint generated always as identity primary key,
    day                         date             not null,
    enterprise_id               bigint,
    vehicles                    int              not null,
    connected                   int              not null,
    online                      int              not null,
    fixes                       bigint           not null,
    valid_fixes                 bigint           not null,
    total_km                    double precision not null,
    complete_km                 double precision not null,
    drifting                    int              not null,
    overspeeds                  int              not null,
    fatigue_s                   bigint           not null,
    spot_checks                 int              not null,
    spot_checks_in_time         int              not null,
    connection_rate             double precision,
    online_rate                 double precision,
    completeness_rate           double precision,
    validity_rate               double precision,
    drift_rate                  double precision,
    overspeeds_per_vehicle      double precision,
    fatigue_min_per_vehicle     double precision,
    spot_check_rate             double precision,
    connection_points           numeric(5, 2),
    online_points               numeric(5, 2),
    completeness_points         numeric(5, 2),
    validity_points             numeric(5, 2),
    drift_points                numeric(5, 2),
    overspeed_points            numeric(5, 2),
    fatigue_points              numeric(5, 2),
    spot_check_points           numeric(5, 2),
    total_score                 numeric(5, 2),
    computed_at                 timestamptz      not null,
    computed_by                 text             not null,
    constraint monitoring_assessment_day_uk unique nulls not distinct (day, enterprise_id)
);
create index monitoring_assessment_enterprise_idx on monitoring_assessment (enterprise_id, day desc);

-- Spot-checks (查岗): the county's monitoring staff ask an enterprise's monitoring post to answer
-- within a deadline; the answer rate is an assessment metric.
create table monitoring_spot_check
(
    id            bigint generated always as identity primary key,
    enterprise_id bigint      not null,
    question      text        not null,
    sent_by       text        not null,
    sent_at       timestamptz not null,
    due_at        timestamptz not null,
    answered_at   timestamptz,
    answered_by   text,
    answer        text
);
create index monitoring_spot_check_enterprise_idx on monitoring_spot_check (enterprise_id, sent_at desc);
create index monitoring_spot_check_sent_idx on monitoring_spot_check (sent_at);

-- A terminal counts as connected (入网) from its first authentication on; connected_at only keeps
-- the latest one.
alter table monitoring_terminal_state add column first_connected_at timestamptz;
update monitoring_terminal_state set first_connected_at = connected_at where connected_at is not null;
