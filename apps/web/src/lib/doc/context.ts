/** Typed context for the live document of the open workspace (created by the page, read by its components). */
import { getContext, setContext } from 'svelte';
import type { ClassDocSession } from './class-doc-session.svelte.js';

const KEY = Symbol('class-doc');

export function setClassDoc(session: ClassDocSession): ClassDocSession {
  return setContext(KEY, session);
}

export function getClassDoc(): ClassDocSession {
  const session = getContext<ClassDocSession | undefined>(KEY);
  if (!session) throw new Error('getClassDoc() outside a workspace page');
  return session;
}
