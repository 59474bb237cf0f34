create table organization_township
(
    id       bigint generated always as identity primary key,
    name     text    not null,
    code     text    not null,
    active   boolean not null default true,
    constraint organization_township_name_uk unique (name),
    constraint organization_township_code_uk unique (code)
);

create table organization_village
(
    id          bigint generated always as identity primary key,
    township_id bigint  not null references organization_township (id),
    name        text    not null,
    active      boolean not null default true,
    constraint organization_village_name_uk unique (township_id, name)
);

-- The Party organisation tree: industry committee -> (general) branches -> groups.
-- path holds the ids from the root, e.g. '/1/7/', so a subtree is a prefix match.
create table organization_party_org
(
    id            bigint generated always as identity primary key,
    parent_id     bigint references organization_party_org (id),
    kind          text        not null,
    name          text        not null,
    secretary     text,
    members_count int         not null default 0 check (members_count >= 0),
    founded_on    date,
    village_id    bigint references organization_village (id),
    path          text        not null default '',
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint organization_party_org_name_uk unique (name),
    constraint organization_party_org_root check ((kind = 'COMMITTEE') = (parent_id is null))
);
create index organization_party_org_path_idx on organization_party_org (path text_pattern_ops);

create table organization_enterprise
(
    id                    bigint generated always as identity primary key,
    name                  text         not null,
    credit_code           char(18)     not null,
    address               text         not null,
    latitude              numeric(9, 6),
    longitude             numeric(9, 6),
    legal_representative  text         not null,
    safety_officer_name   text,
    safety_officer_phone  text,
    fleet_size            int          not null default 0 check (fleet_size >= 0),
    township_id           bigint references organization_township (id),
    party_org_id          bigint references organization_party_org (id),
    has_union             boolean      not null default false,
    has_youth_league      boolean      not null default false,
    has_womens_federation boolean      not null default false,
    demonstration_site    boolean      not null default false,
    active                boolean      not null default true,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    constraint organization_enterprise_name_uk unique (name),
    constraint organization_enterprise_credit_code_uk unique (credit_code)
);
create index organization_enterprise_party_org_idx on organization_enterprise (party_org_id);

-- Government units: joint-meeting members (联席会议) and escort-alliance departments (护行联盟).
create table organization_government_unit
(
    id                  bigint generated always as identity primary key,
    name                text    not null,
    short_name          text,
    duties              text,
    contact_name        text,
    contact_phone       text,
    joint_meeting       boolean not null default false,
    joint_meeting_lead  boolean not null default false,
    escort_alliance     boolean not null default false,
    active              boolean not null default true,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint organization_government_unit_name_uk unique (name)
);
