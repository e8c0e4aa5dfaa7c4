/**
 * The typed client of the Livret API (docs/api.md). Errors come back as ApiError with the server's French
 * message, ready to show.
 */
import type {
  Account,
  BilanPreview,
  ClassSummary,
  EditionFormat,
  EditionJob,
  FamilyBilan,
  FamilyBilanSummary,
  ImportJob,
  ImportMode,
  InstallForm,
  JournalKind,
  JournalPage,
  LockResult,
  Me,
  SchoolAccount,
  Workspace,
} from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await readJson(response)) as T;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'offline', 'Serveur injoignable : vérifiez votre connexion.');
  }
}

/** The answer's JSON, or the server's `{ code, message }` as an ApiError. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const body = (data ?? {}) as { code?: unknown; message?: unknown };
    throw new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : 'error',
      typeof body.message === 'string' ? body.message : fallbackMessage(response.status),
    );
  }
  return data;
}

/** A file the server sends as an attachment, with the name it gives. */
async function download(path: string): Promise<{ blob: Blob; fileName: string; warnings: string[] }> {
  const response = await send(path, { method: 'GET' });
  if (!response.ok) await readJson(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const warnings = response.headers.get('x-export-warnings');
  return {
    blob: await response.blob(),
    fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export.xml',
    warnings: warnings ? (JSON.parse(decodeURIComponent(warnings)) as string[]) : [],
  };
}

/** When the server sent no `{code, message}` body (a proxy error, say). */
function fallbackMessage(status: number): string {
  if (status === 401) return 'Votre session a expiré : reconnectez-vous.';
  if (status === 403) return 'Vous n’avez pas accès à cette page.';
  if (status === 404) return 'Page introuvable.';
  if (status === 429) return 'Trop de tentatives : patientez quelques minutes avant de réessayer.';
  return `Le serveur a répondu par une erreur (${status}). Réessayez dans un instant.`;
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  login: (login: string, password: string) =>
    request<{ account: Account }>('POST', '/api/auth/login', { login, password }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),
  me: () => request<Me>('GET', '/api/me'),
  /** Changes one's own password; the account's other sessions end. */
  changePassword: (current: string, next: string) =>
    request<{ ok: true; closedSessions: number }>('POST', '/api/auth/password', { current, next }),
  /** Whether a first installation is possible (no account yet). */
  setupNeeded: () => request<{ needed: boolean }>('GET', '/api/setup'),
  install: (form: InstallForm) =>
    request<{ schoolId: string; accountId: string }>('POST', '/api/setup', form),
  /** The accounts of the direction's school. */
  schoolAccounts: () => request<SchoolAccount[]>('GET', '/api/accounts'),
  /** A temporary password for an account of the school, shown once; its sessions end. */
  resetPassword: (accountId: string) =>
    request<{ temporaryPassword: string; closedSessions: number }>(
      'POST',
      `/api/accounts/${id(accountId)}/password-reset`,
    ),
  /** A page of the school's «Journal d'activité», newest first. */
  journal: (query: { kind?: JournalKind; studentId?: string; before?: number }) => {
    const params = new URLSearchParams();
    if (query.kind) params.set('kind', query.kind);
    if (query.studentId) params.set('studentId', query.studentId);
    if (query.before) params.set('before', String(query.before));
    return request<JournalPage>('GET', `/api/audit${params.size ? `?${params}` : ''}`);
  },
  classes: () => request<ClassSummary[]>('GET', '/api/classes'),
  workspace: (classId: string, periodId: string) =>
    request<Workspace>('GET', `/api/classes/${id(classId)}/periods/${id(periodId)}/workspace`),
  lock: (classId: string, periodId: string, studentIds: string[]) =>
    request<LockResult>('POST', `/api/classes/${id(classId)}/periods/${id(periodId)}/lock`, { studentIds }),
  unlock: (classId: string, periodId: string, studentId: string, reason: string) =>
    request<{ studentId: string }>(
      'POST',
      `/api/classes/${id(classId)}/periods/${id(periodId)}/students/${id(studentId)}/unlock`,
      { reason },
    ),
  /** A student's bilan as the lock would freeze it now (direction; stores nothing). */
  preview: (classId: string, periodId: string, studentId: string) =>
    request<BilanPreview>(
      'GET',
      `/api/classes/${id(classId)}/periods/${id(periodId)}/students/${id(studentId)}/preview`,
    ),
  /** That preview as a PDF marked «Aperçu — non verrouillé». */
  previewPdfUrl: (classId: string, periodId: string, studentId: string) =>
    `/api/classes/${id(classId)}/periods/${id(periodId)}/students/${id(studentId)}/preview/pdf`,
  familyBilans: () => request<FamilyBilanSummary[]>('GET', '/api/family/bilans'),
  familyBilan: (versionId: string) => request<FamilyBilan>('GET', `/api/family/bilans/${id(versionId)}`),
  visa: (versionId: string) =>
    request<{ visa: { at: string } }>('POST', `/api/family/bilans/${id(versionId)}/visa`),
  pdfUrl: (versionId: string) => `/api/family/bilans/${id(versionId)}/pdf`,
  /** Sends an LSU file; the import runs on the server, follow it with `importJob`. */
  startImport: async (file: File, mode: ImportMode) => {
    const form = new FormData();
    form.set('mode', mode);
    form.set('file', file);
    return (await readJson(await send('/api/imports', { method: 'POST', body: form }))) as { id: string };
  },
  imports: () => request<ImportJob[]>('GET', '/api/imports'),
  importJob: (importId: string) => request<ImportJob>('GET', `/api/imports/${id(importId)}`),
  /** The locked bilans as an LSU file (a class and period, a period, or the whole school). */
  exportLsu: (scope: { classId?: string; periodId?: string }) => {
    const query = new URLSearchParams(Object.entries(scope).filter(([, v]) => v) as [string, string][]);
    return download(`/api/exports/lsu${query.size ? `?${query}` : ''}`);
  },
  /** Starts a PDF édition (a class and period, a period, or the whole school); follow it with `edition`. */
  startEdition: (input: { classId?: string; periodId?: string; format: EditionFormat }) =>
    request<{ id: string }>('POST', '/api/editions', input),
  editions: () => request<EditionJob[]>('GET', '/api/editions'),
  edition: (editionId: string) => request<EditionJob>('GET', `/api/editions/${id(editionId)}`),
  cancelEdition: (editionId: string) => request<EditionJob>('POST', `/api/editions/${id(editionId)}/cancel`),
  editionFileUrl: (editionId: string) => `/api/editions/${id(editionId)}/file`,
  /** The PDF of a student's locked bilan for a period (direction). */
  lockedBilanPdfUrl: (studentId: string, periodId: string) =>
    `/api/editions/students/${id(studentId)}/periods/${id(periodId)}/pdf`,
};
