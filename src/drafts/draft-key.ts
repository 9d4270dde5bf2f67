/**
 * What a case's draft is filed under. A panel without a case id keeps its draft for its own tab only
 * (sessionStorage survives a reload or a crash of the tab, not another tab or a new session), so the
 * next customer at a shared desk never gets the last one's draft.
 */

const SESSION_ITEM = 'handoff-panel:draft-session';
let pageSession: string | undefined;

export function draftKey(caseId: string): string {
  if (caseId !== '') return `case:${caseId}`;
  return `session:${tabSession()}`;
}

function tabSession(): string {
  try {
    let id = sessionStorage.getItem(SESSION_ITEM);
    if (!id) {
      id = crypto.randomUUID();
      sessionStorage.setItem(SESSION_ITEM, id);
    }
    return id;
  } catch {
    // No sessionStorage (a sandboxed frame): the draft lasts as long as the page.
    pageSession ??= crypto.randomUUID();
    return pageSession;
  }
}
