/**
 * Typed errors the outbox throws, so the UI can keep the agent's input on screen and say what happened.
 */

export type OutboxStorageProblem =
  /** IndexedDB is missing or refused (private mode, disabled storage, sandboxed frame). */
  | 'unavailable'
  /** Another tab holds an older version of the outbox open and does not let go. */
  | 'blocked'
  /** Storage is full. */
  | 'quota'
  /** Another tab upgraded the outbox to a newer version than this page knows: reload the page. */
  | 'version-change'
  /** The page is not a secure context (https or localhost), so the browser offers no encryption. */
  | 'insecure-context'
  /** Any other storage failure. */
  | 'failed';

const ADVICE: Record<OutboxStorageProblem, string> = {
  unavailable:
    'This browser does not allow storage here (private mode or storage disabled), so the handoff could not be saved.',
  blocked:
    'Another tab with an older version of this page is keeping the outbox closed. Close or reload other tabs of this app, then try again.',
  quota:
    'The browser has no storage space left for this site, so the handoff could not be saved. Free some space or deliver queued handoffs, then try again.',
  'version-change': 'A newer version of this app upgraded the outbox in another tab. Reload this page, then try again.',
  'insecure-context':
    'This page is not served over https, so the browser offers no encryption and nothing typed is stored here. Serve the page over https (or localhost).',
  failed: 'The handoff could not be saved in the browser.',
};

/** Nothing was saved. `problem` says why; the message says what to do. */
export class OutboxStorageError extends Error {
  override name = 'OutboxStorageError';
  constructor(
    readonly problem: OutboxStorageProblem,
    options?: { cause?: unknown },
  ) {
    super(ADVICE[problem], options);
  }
}

/** enqueue() was given something that is not a valid handoff or acknowledgement. */
export class OutboxPayloadError extends Error {
  override name = 'OutboxPayloadError';
  constructor(
    message: string,
    readonly problems: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Maps a DOMException from IndexedDB to the problem an agent can act on. */
export function storageErrorFrom(error: unknown): OutboxStorageError {
  if (error instanceof OutboxStorageError) return error;
  const name = (error as { name?: string } | null)?.name;
  const problem: OutboxStorageProblem =
    name === 'QuotaExceededError'
      ? 'quota'
      : name === 'VersionError'
        ? 'version-change'
        : name === 'SecurityError' || (name === 'InvalidStateError' && typeof indexedDB === 'undefined')
          ? 'unavailable'
          : 'failed';
  return new OutboxStorageError(problem, { cause: error });
}
