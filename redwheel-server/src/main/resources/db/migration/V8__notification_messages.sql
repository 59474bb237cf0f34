-- Messages to staff (in-app) and to phones (SMS through the provider), each kept with its outcome.
create table notification_message
(
    id                   bigint generated always as identity primary key,
    channel              text        not null,
    recipient_account_id bigint,
    recipient_phone      text,
    title                text        not null,
    body                 text        not null,
    link                 text,
    created_at           timestamptz not null default now(),
    read_at              timestamptz,
    delivery             text        not null default 'DELIVERED',
    constraint notification_message_recipient check (recipient_account_id is not null or recipient_phone is not null)
);
create index notification_message_inbox_idx on notification_message (recipient_account_id, read_at, created_at desc);
