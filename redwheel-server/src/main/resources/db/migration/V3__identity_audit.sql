-- The security audit log (MLPS level 3): append-only. The application has no update or delete
-- path; the triggers below also refuse them in the database, except purging rows past the
-- six-month retention (Cybersecurity Law art. 21).
create table identity_audit_event
(
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    actor          text        not null,
    action         text        not null,
    target_type    text,
    target_id      text,
    result         text        not null,
    detail         text,
    remote_address text
);
create index identity_audit_event_time_idx on identity_audit_event (occurred_at desc);
create index identity_audit_event_actor_idx on identity_audit_event (actor, occurred_at desc);

create function identity_audit_event_immutable() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' and old.occurred_at < now() - interval '180 days' then
        return old;
    end if;
    raise exception 'identity_audit_event is append-only (% refused)', tg_op;
end;
$$;

create trigger identity_audit_event_no_update
    before update on identity_audit_event
    for each row execute function identity_audit_event_immutable();
create trigger identity_audit_event_no_delete
    before delete on identity_audit_event
    for each row execute function identity_audit_event_immutable();
