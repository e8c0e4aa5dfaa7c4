/**
 * The typed client of the Livret API (docs/api.md). Errors come back as ApiError with the server's French
 * message, ready to show.
 */
import type {
  Account,
  ClassSummary,
  FamilyBilan,
  FamilyBilanSummary,
  LockResult,
  Me,
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
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'offline', 'Serveur injoignable : vérifiez votre connexion.');
  }
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
  return data as T;
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
  familyBilans: () => request<FamilyBilanSummary[]>('GET', '/api/family/bilans'),
  familyBilan: (versionId: string) => request<FamilyBilan>('GET', `/api/family/bilans/${id(versionId)}`),
  visa: (versionId: string) =>
    request<{ visa: { at: string } }>('POST', `/api/family/bilans/${id(versionId)}/visa`),
  pdfUrl: (versionId: string) => `/api/family/bilans/${id(versionId)}/pdf`,
};
