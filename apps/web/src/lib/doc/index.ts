/** The browser's sync layer: the live class document as runes, its presence, and its context. */
export { ClassDocSession, type ConnectionStatus, wsUrl } from './class-doc-session.svelte.js';
export { getClassDoc, setClassDoc } from './context.js';
export { forgetLocalCopies } from './local-copies.js';
export { colorOf, type Peer, type PresenceFocus } from './presence.js';
export type { ReapplyRules, RefusedEdit } from './reapply.js';
export { rulesOf, writerOf } from './workspace-rules.js';
