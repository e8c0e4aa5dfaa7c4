/**
 * The database schema (drizzle). One source of truth for the tables; migrations in server/drizzle are
 * generated from it (`pnpm --filter @livret/server db:generate`) and committed.
 *
 * bilan_versions, publications, visas, unlocks and audit_log are append-only IN THE DATABASE: a trigger
 * (migration `append_only`) refuses UPDATE, DELETE and TRUNCATE on them.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** Binary Yjs updates. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // postgres.js wants a Buffer; both drivers hand back a Uint8Array (PGlite) or a Buffer (postgres.js).
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

const id = () => uuid('id').primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const schools = pgTable(
  'schools',
  {
    id: id(),
    uai: text('uai').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    academie: text('academie').notNull(),
    city: text('city'),
  },
  (t) => [
    check('schools_kind', sql`${t.kind} in ('1D', '2D')`),
    check('schools_uai', sql`${t.uai} ~ '^[0-9]{7}[A-Z]$'`),
  ],
);

export const schoolYears = pgTable(
  'school_years',
  {
    id: id(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    millesime: integer('millesime').notNull(),
  },
  (t) => [unique('school_years_school_millesime').on(t.schoolId, t.millesime)],
);

export const periods = pgTable(
  'periods',
  {
    id: id(),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id),
    indice: integer('indice').notNull(),
    count: integer('count').notNull(),
    label: text('label').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [
    unique('periods_year_indice').on(t.schoolYearId, t.indice),
    check('periods_indice', sql`${t.indice} between 1 and ${t.count}`),
    check('periods_dates', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const classes = pgTable(
  'classes',
  {
    id: id(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    niveaux: text('niveaux').array().notNull(),
  },
  (t) => [unique('classes_year_code').on(t.schoolYearId, t.code)],
);

export const classSettings = pgTable(
  'class_settings',
  {
    classId: uuid('class_id')
      .primaryKey()
      .references(() => classes.id),
    dataSource: text('data_source').notNull().default('manuelle'),
    positioning: text('positioning').notNull().default('notes-sans-moyenne'),
    showSocle: boolean('show_socle').notNull().default(false),
  },
  (t) => [
    check('class_settings_source', sql`${t.dataSource} in ('manuelle', 'sconet-notes', 'editeurs')`),
    check(
      'class_settings_positioning',
      sql`${t.positioning} in ('objectifs', 'notes-sans-moyenne', 'notes-avec-moyenne')`,
    ),
  ],
);

export const students = pgTable(
  'students',
  {
    id: id(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    ine: text('ine').notNull().unique(),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').notNull(),
    /** Identifier in the base élèves (SIECLE), the `id-be` of LSU collège files. */
    idBe: integer('id_be'),
  },
  (t) => [
    check('students_sex', sql`${t.sex} in ('M', 'F')`),
    check('students_ine', sql`${t.ine} ~ '^[0-9A-Z]{11}$'`),
  ],
);

export const enrolments = pgTable(
  'enrolments',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id),
    /** The student's own niveau (a double-level class has two). */
    niveau: text('niveau').notNull(),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.classId] }), index('enrolments_class').on(t.classId)],
);

export const groups = pgTable('groups', {
  id: id(),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => schools.id),
  schoolYearId: uuid('school_year_id')
    .notNull()
    .references(() => schoolYears.id),
  code: text('code').notNull(),
  label: text('label').notNull(),
});

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.studentId] }), index('group_members_student').on(t.studentId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    /** An e-mail address, stored lower-case. */
    login: text('login').notNull().unique(),
    /** argon2id; null for an account that cannot sign in yet. */
    passwordHash: text('password_hash'),
    kind: text('kind').notNull(),
    civilite: text('civilite'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    /** STS-Web identifier of a teacher, the `id-sts` of LSU collège files. */
    idSts: integer('id_sts'),
    /** Set by a reset by the direction: the temporary password must be replaced at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
  },
  (t) => [
    check('accounts_kind', sql`${t.kind} in ('staff', 'family')`),
    check('accounts_civilite', sql`${t.civilite} in ('M.', 'Mme')`),
  ],
);

export const staffRoles = pgTable(
  'staff_roles',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.schoolId, t.role] }),
    check('staff_roles_role', sql`${t.role} in ('direction', 'enseignant', 'cpe', 'psyen')`),
  ],
);

export const classPrincipals = pgTable(
  'class_principals',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.classId, t.accountId] })],
);

export const guardianLinks = pgTable(
  'guardian_links',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    relation: text('relation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.studentId] }),
    index('guardian_links_student').on(t.studentId),
  ],
);

export const disciplines = pgTable(
  'disciplines',
  {
    id: id(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** SIECLE subject code (2D) or LSU domaine code such as FRA-LGO (1D). */
    code: text('code').notNull(),
    label: text('label').notNull(),
    rank: integer('rank').notNull().default(0),
  },
  (t) => [unique('disciplines_school_code').on(t.schoolId, t.code)],
);

export const teachingServices = pgTable(
  'teaching_services',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    disciplineId: uuid('discipline_id')
      .notNull()
      .references(() => disciplines.id),
    classId: uuid('class_id').references(() => classes.id),
    groupId: uuid('group_id').references(() => groups.id),
  },
  (t) => [
    check('teaching_services_target', sql`(${t.classId} is null) <> (${t.groupId} is null)`),
    index('teaching_services_account').on(t.accountId),
    index('teaching_services_class').on(t.classId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: the token itself is never stored. */
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    /** Last request seen with this session (refreshed at most once a minute), for the idle timeout. */
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_account').on(t.accountId), index('sessions_expires').on(t.expiresAt)],
);

/**
 * Failed sign-ins, one row per key: `pair:<login> <address>` (exponential backoff) or `address:<address>` (the
 * per-address ceiling). A success clears its pair and marks it known, so the ceiling never slows it.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: at('last_failure_at'),
  blockedUntil: at('blocked_until'),
  lastSuccessAt: at('last_success_at'),
});

/**
 * The one-time code printed at the first start on an empty PostgreSQL: only its SHA-256 is kept; it expires and
 * is used once, to create the first direction account.
 */
export const setupCodes = pgTable('setup_codes', {
  id: id(),
  codeHash: text('code_hash').notNull().unique(),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

export const docUpdates = pgTable(
  'doc_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    docName: text('doc_name').notNull(),
    data: bytea('data').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('doc_updates_doc_id').on(t.docName, t.id)],
);

export const docSnapshots = pgTable('doc_snapshots', {
  docName: text('doc_name').primaryKey(),
  state: bytea('state').notNull(),
  lastUpdateId: bigint('last_update_id', { mode: 'number' }).notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const bilanVersions = pgTable(
  'bilan_versions',
  {
    id: id(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    periodId: uuid('period_id').references(() => periods.id),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    /** The frozen bilan, as validated by its schema in @livret/domain. */
    content: jsonb('content').notNull(),
    /** SHA-256 of the canonical JSON of `content`. */
    contentHash: text('content_hash').notNull(),
    /**
     * `chain_hash` of the previous version of the same bilan (student, kind, period); null for version 1.
     * Both are set by the database on insert (trigger `bilan_versions_chain`, migration `frozen_chain`).
     */
    previousHash: text('previous_hash'),
    /** SHA-256 over `previous_hash` and `content_hash`: rewriting any older version breaks every later link. */
    chainHash: text('chain_hash')
      .notNull()
      .$defaultFn(() => ''),
    frozenBy: uuid('frozen_by').references(() => accounts.id),
    frozenAt: at('frozen_at').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    // A bilan de fin de cycle has no period: NULLS NOT DISTINCT keeps its versions unique too.
    unique('bilan_versions_student_period_kind_version')
      .on(t.studentId, t.periodId, t.kind, t.version)
      .nullsNotDistinct(),
    check('bilan_versions_kind', sql`${t.kind} in ('periodique', 'fin-de-cycle')`),
    check('bilan_versions_source', sql`${t.source} in ('app', 'import-editeurs')`),
  ],
);

/**
 * Where each bilan stands and which version is current: one row per student and period for a bilan périodique,
 * one per student (no period) for the bilan de fin de cycle.
 */
export const bilanStates = pgTable(
  'bilan_states',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    periodId: uuid('period_id').references(() => periods.id),
    kind: text('kind').notNull().default('periodique'),
    status: text('status').notNull(),
    currentVersionId: uuid('current_version_id').references(() => bilanVersions.id),
    lockedAt: at('locked_at'),
    lockedBy: uuid('locked_by').references(() => accounts.id),
  },
  (t) => [
    unique('bilan_states_student_period_kind').on(t.studentId, t.periodId, t.kind).nullsNotDistinct(),
    check('bilan_states_status', sql`${t.status} in ('open', 'locked')`),
    check(
      'bilan_states_kind_period',
      sql`(${t.kind} = 'periodique' and ${t.periodId} is not null) or (${t.kind} = 'fin-de-cycle' and ${t.periodId} is null)`,
    ),
  ],
);

export const publications = pgTable('publications', {
  id: id(),
  bilanVersionId: uuid('bilan_version_id')
    .notNull()
    .unique()
    .references(() => bilanVersions.id),
  publishedAt: at('published_at').notNull(),
});

export const visas = pgTable(
  'visas',
  {
    id: id(),
    bilanVersionId: uuid('bilan_version_id')
      .notNull()
      .references(() => bilanVersions.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    at: at('at').notNull(),
  },
  (t) => [unique('visas_version_account').on(t.bilanVersionId, t.accountId)],
);

export const unlocks = pgTable('unlocks', {
  id: id(),
  studentId: uuid('student_id')
    .notNull()
    .references(() => students.id),
  periodId: uuid('period_id')
    .notNull()
    .references(() => periods.id),
  bilanVersionId: uuid('bilan_version_id')
    .notNull()
    .references(() => bilanVersions.id),
  unlockedBy: uuid('unlocked_by')
    .notNull()
    .references(() => accounts.id),
  reason: text('reason').notNull(),
  at: at('at').notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    actorId: uuid('actor_id').references(() => accounts.id),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    details: jsonb('details').notNull().default({}),
    /** The school whose journal shows the entry; filled from `details.studentId` by a trigger when absent. */
    schoolId: uuid('school_id').references(() => schools.id),
  },
  (t) => [index('audit_log_subject').on(t.subject), index('audit_log_school').on(t.schoolId, t.id)],
);

/**
 * LSU imports (menu Bilans > Import): one row per uploaded file, with its report (synthèse d'import), kept so
 * it can be reopened. A row is written when the job starts and completed when it ends.
 */
export const imports = pgTable(
  'imports',
  {
    id: id(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    mode: text('mode').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull(),
    report: jsonb('report'),
    createdAt: at('created_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    check('imports_mode', sql`${t.mode} in ('sconet-notes', 'editeurs')`),
    check('imports_status', sql`${t.status} in ('running', 'done', 'failed')`),
    index('imports_school').on(t.schoolId, t.createdAt),
  ],
);

/**
 * The synthèse last imported from Sconet-Notes for a student and period: a synthèse that differs from it was
 * typed in the app, and a new import must not overwrite it (the bilan is rejected instead).
 */
export const importedSyntheses = pgTable(
  'imported_syntheses',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    text: text('text').notNull(),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.periodId] })],
);

/**
 * Éditions (PDF of the locked bilans of a class, a period or the school): one row per job, its progress while it
 * runs, and the file it made (one merged PDF, or a zip of one PDF per student), kept a week. Cancelling sets the
 * status; the job sees it at its next progress write and stops.
 */
export const editions = pgTable(
  'editions',
  {
    id: id(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    classId: uuid('class_id').references(() => classes.id),
    periodId: uuid('period_id').references(() => periods.id),
    format: text('format').notNull(),
    status: text('status').notNull(),
    /** Number of bilans in the édition. */
    total: integer('total').notNull(),
    /** 0 to 1. */
    progress: real('progress').notNull().default(0),
    step: text('step').notNull(),
    fileName: text('file_name').notNull(),
    file: bytea('file'),
    error: text('error'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    check('editions_format', sql`${t.format} in ('pdf', 'zip')`),
    check('editions_status', sql`${t.status} in ('running', 'done', 'failed', 'cancelled')`),
    index('editions_school').on(t.schoolId, t.createdAt),
  ],
);
