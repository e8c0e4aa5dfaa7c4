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
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data?.code ?? 'error', data?.message ?? `Erreur ${response.status}`);
  }
  return data as T;
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
