// Schema migrations of the PostgreSQL store, applied in order on start and by `shouwen migrate`.
// Never edit a released migration; add the next one.
export interface Migration {
  version: number
  statements: string[]
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    statements: [
      `create table halls (id text primary key, data jsonb not null)`,
      `create table windows (
        hall_id text not null references halls(id),
        id text not null,
        data jsonb not null,
        primary key (hall_id, id))`,
      `create table staff (
        id text primary key,
        hall_id text not null references halls(id),
        window_id text,
        login text,
        password_hash text,
        openid text unique,
        data jsonb not null,
        unique (hall_id, login))`,
      `create table cases (
        id text primary key,
        hall_id text not null,
        no text not null unique,
        citizen_id text not null,
        request_id text not null,
        window_id text not null,
        status text not null,
        handler_id text,
        first_responder_id text,
        submitted_at timestamptz not null,
        updated_at timestamptz not null,
        next_due_at timestamptz,
        version int not null,
        state jsonb not null,
        unique (citizen_id, request_id))`,
      `create index cases_window_idx on cases (hall_id, window_id, status)`,
      `create index cases_citizen_idx on cases (citizen_id, submitted_at desc)`,
      `create index cases_handler_idx on cases (handler_id, status)`,
      // the sweep finds clocks by due time through this index, never by scanning cases
      `create index cases_next_due_idx on cases (next_due_at) where next_due_at is not null`,
      `create table case_events (
        case_id text not null references cases(id),
        seq int not null,
        type text not null,
        at timestamptz not null,
        actor_id text not null,
        request_id text,
        body jsonb not null,
        primary key (case_id, seq))`,
      // a repeated request of the same actor on the same case records nothing twice
      `create unique index case_events_request_idx on case_events (case_id, actor_id, request_id) where request_id is not null`,
      `create table counters (scope text primary key, value bigint not null)`,
      `create table calendar_overrides (
        hall_id text not null,
        date text not null check (date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        kind text not null check (kind in ('workday', 'restday')),
        note text not null default '',
        primary key (hall_id, date))`,
    ],
  },
  {
    version: 2,
    statements: [
      // every version of every hall's policy; a case keeps the version it was opened under
      `create table policy_versions (
        hall_id text not null references halls(id),
        version int not null,
        data jsonb not null,
        primary key (hall_id, version))`,
    ],
  },
  {
    version: 3,
    statements: [
      // the hall's matter catalog (事项清单, 003); matters are deactivated, never deleted
      `create table matters (
        hall_id text not null references halls(id),
        id text not null,
        window_id text not null,
        data jsonb not null,
        primary key (hall_id, id))`,
    ],
  },
  {
    version: 4,
    statements: [
      // the in-app inbox: one row per case event and recipient, written with the event
      `create table notifications (
        key text primary key,
        hall_id text not null,
        case_id text not null,
        recipient_id text not null,
        at timestamptz not null,
        read_at timestamptz,
        data jsonb not null)`,
      `create index notifications_recipient_idx on notifications (recipient_id, at desc)`,
      `create index notifications_unread_idx on notifications (recipient_id) where read_at is null`,
      // outside channels, delivered with retries and backoff; a failing channel never blocks a case
      `create table outbox (
        key text not null references notifications(key),
        channel text not null,
        status text not null default 'pending',
        attempts int not null default 0,
        next_attempt_at timestamptz not null,
        last_error text,
        primary key (key, channel))`,
      `create index outbox_due_idx on outbox (next_attempt_at) where status = 'pending'`,
      // WeChat subscribe-message grants per user and template; each allows one message
      `create table subscribe_grants (
        openid text not null,
        template_id text not null,
        remaining int not null check (remaining >= 0),
        primary key (openid, template_id))`,
    ],
  },
  {
    version: 5,
    statements: [
      // the month's assessment and reports read the cases changed since a time
      `create index cases_hall_updated_idx on cases (hall_id, updated_at)`,
    ],
  },
  {
    version: 6,
    statements: [
      // one-time invites that bind a WeChat account to a staff record; only the code's hash is kept
      `create table invites (
        code_hash text primary key,
        hall_id text not null references halls(id),
        staff_id text not null references staff(id),
        created_by text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        used_by_openid text,
        revoked_at timestamptz)`,
      `create index invites_staff_idx on invites (staff_id) where used_at is null and revoked_at is null`,
    ],
  },
  {
    version: 7,
    statements: [
      // photos citizens upload to the hall's own server; kept with the cases, unattached ones purged after a day
      `create table uploads (
        id text primary key,
        hall_id text not null references halls(id),
        owner_id text not null,
        mime text not null,
        size int not null,
        bytes bytea not null,
        created_at timestamptz not null,
        case_id text)`,
      `create index uploads_owner_idx on uploads (owner_id, created_at)`,
      `create index uploads_orphan_idx on uploads (created_at) where case_id is null`,
    ],
  },
  {
    version: 8,
    statements: [
      // 投诉: the hall office's complaint desk; the whole complaint as a document, versioned
      `create table complaints (
        id text primary key,
        hall_id text not null references halls(id),
        no text not null,
        citizen_id text not null,
        request_id text not null,
        status text not null,
        filed_at timestamptz not null,
        answered_at timestamptz,
        version int not null,
        data jsonb not null,
        unique (citizen_id, request_id))`,
      `create index complaints_hall_idx on complaints (hall_id, status, filed_at desc)`,
      `create index complaints_citizen_idx on complaints (citizen_id, filed_at desc)`,
      `create index complaints_answered_idx on complaints (hall_id, answered_at) where answered_at is not null`,
    ],
  },
  {
    version: 9,
    statements: [
      // the sweep finds complaints whose reminder or due time has come through this index
      `alter table complaints add column next_action_at timestamptz`,
      `create index complaints_next_action_idx on complaints (next_action_at) where next_action_at is not null`,
    ],
  },
  {
    version: 10,
    statements: [
      // what the month's assessment filters on, kept with each case (see core/assessment.ts mayDeduct)
      `alter table cases add column may_deduct boolean not null default false`,
      `alter table cases add column decided_at timestamptz`,
      `alter table cases add column round_rated boolean not null default false`,
      `update cases set
        may_deduct = jsonb_array_length(coalesce(state->'violations', '[]')) > 0
          or jsonb_array_length(coalesce(state->'notices', '[]')) > 1
          or exists (select 1 from jsonb_array_elements(coalesce(state->'ratings', '[]')) r where (r->>'bad')::boolean)
          or exists (select 1 from jsonb_array_elements(coalesce(state->'clocks', '[]')) c where c->>'kind' = 'promised' and c->>'breachedAt' is not null),
        decided_at = coalesce(state#>>'{reply,at}', state#>>'{completion,at}', state#>>'{refusal,at}')::timestamptz,
        round_rated = exists (select 1 from jsonb_array_elements(coalesce(state->'ratings', '[]')) r where r->'round' = state->'round')`,
      `create index cases_may_deduct_idx on cases (hall_id, updated_at) where may_deduct`,
      `create index cases_decided_idx on cases (hall_id, decided_at) where not round_rated`,
    ],
  },
  {
    version: 11,
    statements: [
      // 附件3: each closed case's ledger column and day, and the counts per window, day and column kept
      // with every change, so a sheet for a month or a year adds up at most a few thousand counters
      `alter table cases add column ledger_column text`,
      `alter table cases add column ledger_day date`,
      `update cases set ledger_column = state->>'ledgerColumn',
         ledger_day = ((state->>'closedAt')::timestamptz at time zone 'Asia/Shanghai')::date
       where state->>'status' = 'closed' and state->>'ledgerColumn' is not null and state->>'closedAt' is not null`,
      `create index cases_ledger_idx on cases (hall_id, window_id, ledger_day) where ledger_column is not null`,
      `create table ledger_counts (
        hall_id text not null,
        window_id text not null,
        day date not null,
        col text not null,
        n int not null,
        primary key (hall_id, window_id, day, col))`,
      `insert into ledger_counts (hall_id, window_id, day, col, n)
       select hall_id, window_id, ledger_day, ledger_column, count(*) from cases where ledger_column is not null group by 1, 2, 3, 4`,
    ],
  },
  {
    version: 12,
    statements: [
      // the audit log: append-only, hash-chained per hall (src/server/audit.ts)
      `create table audit_log (
        hall_id text not null,
        seq int not null,
        entry jsonb not null,
        primary key (hall_id, seq))`,
    ],
  },
  {
    version: 13,
    statements: [
      // the archive export reads the cases submitted in a period
      `create index cases_hall_submitted_idx on cases (hall_id, submitted_at)`,
    ],
  },
  {
    version: 14,
    statements: [
      // the dashboard's weekly trend: receipts, closures, replies on time or late and ratings counted per
      // window and day with every change (core/dashboard.ts trendDelta), so twelve weeks read a few
      // thousand counters instead of the cases
      `create table trend_counts (
        hall_id text not null,
        window_id text not null,
        day date not null,
        what text not null,
        n int not null,
        primary key (hall_id, window_id, day, what))`,
      `insert into trend_counts (hall_id, window_id, day, what, n)
       select hall_id, window_id, day, what, count(*)::int from (
         select hall_id, coalesce(state->>'firstWindowId', window_id) as window_id, (submitted_at at time zone 'Asia/Shanghai')::date as day, 'submitted' as what from cases
         union all
         select hall_id, window_id, ((state->>'closedAt')::timestamptz at time zone 'Asia/Shanghai')::date, 'closed' from cases where state->>'closedAt' is not null
         union all
         select hall_id, window_id, (coalesce(k->>'metAt', k->>'breachedAt')::timestamptz at time zone 'Asia/Shanghai')::date,
                case when k->>'metAt' is not null and k->>'breachedAt' is null and (k->>'metAt')::timestamptz <= (k->>'dueAt')::timestamptz then 'onTime' else 'late' end
         from cases, jsonb_array_elements(state->'clocks') k
         where k->>'kind' = 'reply' and coalesce(k->>'metAt', k->>'breachedAt') is not null
         union all
         select hall_id, r->>'windowId', ((r->>'at')::timestamptz at time zone 'Asia/Shanghai')::date, 'rating:' || (r->>'level')
         from cases, jsonb_array_elements(case when jsonb_typeof(state->'ratings') = 'array' then state->'ratings' else '[]'::jsonb end) r
       ) t group by 1, 2, 3, 4`,
    ],
  },
  {
    version: 15,
    statements: [
      // an outbox item's claim carries a token: only the deliverer holding the lease may settle it
      `alter table outbox add column lease text`,
      // staff sessions of the hall's own server, ended by sign-out, a new password or deactivation
      `create table staff_sessions (
        token_hash text primary key,
        staff_id text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz)`,
      `create index staff_sessions_staff_idx on staff_sessions (staff_id) where revoked_at is null`,
      // failed sign-ins per account and per address, with the lock they lead to
      `create table sign_in_failures (
        key text primary key,
        failures int not null,
        first_at timestamptz not null,
        locked_until timestamptz)`,
      // abuse limits per identity and per address, in fixed windows, shared by every server process
      `create table rate_counters (
        key text not null,
        window_start timestamptz not null,
        n int not null,
        primary key (key, window_start))`,
    ],
  },
  {
    version: 16,
    statements: [
      // the hall office's manual deductions (004 考核制度 三(二) 效能纪律): one per request, read by day
      `create table manual_deductions (
        hall_id text not null,
        id text not null,
        request_id text not null,
        staff_id text not null,
        occurred_on text not null,
        data jsonb not null,
        primary key (hall_id, id),
        unique (hall_id, request_id))`,
      `create index manual_deductions_hall_day_idx on manual_deductions (hall_id, occurred_on)`,
    ],
  },
  {
    version: 17,
    statements: [
      // 常见问答: one published question per case, and each citizen's 已解决 once
      `create table faqs (
        hall_id text not null,
        id text not null,
        case_id text not null,
        published_at text not null,
        data jsonb not null,
        resolved int not null default 0,
        primary key (hall_id, id),
        unique (hall_id, case_id))`,
      `create index faqs_hall_published_idx on faqs (hall_id, published_at desc)`,
      `create table faq_resolutions (
        hall_id text not null,
        faq_id text not null,
        citizen_id text not null,
        primary key (hall_id, faq_id, citizen_id))`,
    ],
  },
  {
    version: 18,
    statements: [
      // the hall office's audit log viewer: a kind or an action, a person, newest first (postgres/audit.ts queryAudit)
      `create index audit_log_action_idx on audit_log (hall_id, ((entry->>'action') collate "C"), seq)`,
      `create index audit_log_actor_idx on audit_log (hall_id, (entry#>>'{actor,id}'), seq)`,
    ],
  },
]
