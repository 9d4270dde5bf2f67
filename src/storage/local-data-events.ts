/**
 * "Local data was cleared", told to this page's panels and to other tabs, so that no pending autosave
 * writes a draft back after `clearLocalData()`.
 */

const CHANNEL = 'handoff-panel:local-data';
const here = new EventTarget();
let channel: BroadcastChannel | undefined;

function broadcast(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
}

export function announceLocalDataCleared(): void {
  here.dispatchEvent(new Event('cleared'));
  broadcast()?.postMessage('cleared');
}

/** Calls `listener` whenever local data is cleared, here or in another tab; returns the unsubscribe. */
export function onLocalDataCleared(listener: () => void): () => void {
  here.addEventListener('cleared', listener);
  const remote = broadcast();
  remote?.addEventListener('message', listener);
  return () => {
    here.removeEventListener('cleared', listener);
    remote?.removeEventListener('message', listener);
  };
}
