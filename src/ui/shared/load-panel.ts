/**
 * `<handoff-panel>` on demand. The launcher and the script tag's global need the panel only when an agent
 * hands off, so they load it here: bundlers split the dynamic import into its own file, and the script
 * tag's two-step build loads that file beside the first one.
 */

/**
 * `load` run once, its promise shared by later calls, until it fails: a failed download (offline, a
 * deploy in between) is tried again on the next call.
 */
export function onceUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** Loads and defines `<handoff-panel>` (once; later calls share the first load). */
export const loadPanel: () => Promise<void> = onceUntilFailure(async () => {
  await import('../handoff-panel/handoff-panel.js');
});

/**
 * Loads the panel at once when the page already has one, and otherwise when the browser is next idle, so
 * that the first click on a launcher opens without waiting for the network.
 */
export function preloadPanel(load: () => Promise<unknown> = loadPanel): void {
  // A failure here is reported when the panel is opened (with a "Try again"), not on every page view.
  const quietly = (): void => void load().catch(() => undefined);
  const start = (): void => {
    if (document.querySelector('handoff-panel')) quietly();
    else whenIdle(quietly);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/** `requestIdleCallback` where there is one (not in Safari), else a task after the page's own. */
export function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
