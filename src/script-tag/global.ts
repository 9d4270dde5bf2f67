/**
 * The script tag's global `HandoffPanel`: configure the page's elements, open and close the launcher,
 * reach the outbox. Calls made through the two-line stub before the script loaded are replayed in order.
 */
import { Outbox } from '../outbox/outbox.js';
import { absoluteEndpoint } from '../outbox/routes.js';
import type { HandoffDraft } from '../payload/types.js';
import type { AvailabilityHook, DirectoryEntry } from '../directory/types.js';
import type { HandoffTemplate } from '../template/types.js';
import type { ScriptTemplates } from '../payload/scripts.js';
import type { AckWatchOptions } from '../acks/watch-acks.js';
import type { HttpOptions } from '../outbox/transport.js';
import type { HandoffMessages, HandoffMessagesOverride } from '../ui/messages/catalogue.js';
import type { HandoffLauncher } from '../ui/handoff-launcher/handoff-launcher.component.js';
import { setElementDefaults, type ElementDefaults } from '../ui/shared/defaults.js';
import { sharedOutbox } from '../ui/shared/outbox-registry.js';
import { onceUntilFailure } from '../ui/shared/load-panel.js';
import { reportProblem } from '../ui/shared/report.js';
import type { ClearLocalDataOptions, LocalDataCleared } from '../storage/clear-local-data.js';

/** `HandoffPanel.configure()`'s options: the page's outbox and every element's defaults. */
export interface GlobalConfig extends Omit<HttpOptions, 'fetch'> {
  /** Where handoffs are POSTed. */
  endpoint?: string;
  /**
   * Where acknowledgements are POSTed.
   * @default `${endpoint}/${handoffId}/ack`
   */
  ackEndpoint?: string;
  /**
   * The elements' language (a BCP 47 tag with a shipped catalogue, e.g. `es`).
   * @default the nearest `lang` attribute around the element, else `en`
   */
  locale?: string;
  messages?: HandoffMessages | HandoffMessagesOverride;
  /** Script templates, merged over the locale's. */
  templates?: Partial<ScriptTemplates>;
  /**
   * How long undelivered handoffs are kept before they are reported as expired.
   * @default 7
   */
  retentionDays?: number;
  /**
   * How long an unsent draft is kept in this browser after its last change; then it is deleted.
   * @default 24
   */
  draftHours?: number;
  /** CSS custom properties for every element, e.g. `{ '--handoff-color-accent': '#0a7' }`. */
  theme?: Record<string, string>;
  /** Country calling code for numbers typed in national form, e.g. `44`. */
  defaultCallingCode?: string;
  /**
   * How the panel learns of the receiver's acknowledgement; `false` turns it off.
   * @default { transport: 'poll' }: GET `<endpoint>/<id>`
   */
  acks?: false | AckWatchOptions;
  /**
   * `false` leaves `quality` out of the payloads, for an endpoint that validates with the v1 schema
   * published before it.
   * @default true
   */
  quality?: boolean;
  /** The receiver directory: entries, or the URL of a JSON array of them. */
  directory?: readonly DirectoryEntry[] | string;
  /** Asks the host's presence system whether a directory entry can take a transfer now. */
  availability?: AvailabilityHook;
  /**
   * The organisation's handoff template (not `templates`, the script lines): its fields, required moves,
   * checklist and notice. The panel checks it and says what to fix (and on the console); npm users have
   * `checkTemplate()`, which throws the same list.
   */
  template?: HandoffTemplate;
}

export interface OpenOptions {
  caseId?: string;
  /** A partial handoff, as for `panel.prefill()`. */
  prefill?: HandoffDraft;
}

const CONFIG_TYPES: Record<keyof GlobalConfig, string> = {
  endpoint: 'string',
  ackEndpoint: 'string',
  headers: 'function',
  credentials: 'string',
  locale: 'string',
  messages: 'object',
  templates: 'object',
  retentionDays: 'number',
  draftHours: 'number',
  theme: 'object',
  defaultCallingCode: 'string',
  acks: 'object',
  quality: 'boolean',
  directory: 'object',
  availability: 'function',
  template: 'object',
};

/** Throws a TypeError that says exactly which key is wrong and what it should be. */
function checkConfig(config: unknown): asserts config is GlobalConfig {
  if (!config || typeof config !== 'object')
    throw new TypeError('HandoffPanel.configure() takes an object, e.g. { endpoint: "/api/handoffs" }.');
  for (const [key, value] of Object.entries(config)) {
    const expected = CONFIG_TYPES[key as keyof GlobalConfig] as string | undefined;
    if (!expected)
      throw new TypeError(
        `HandoffPanel.configure(): unknown option "${key}"; the options are ${Object.keys(CONFIG_TYPES).join(', ')}.`,
      );
    if ((key === 'acks' && value === false) || (key === 'directory' && typeof value === 'string')) continue;
    if (key === 'directory' && value !== undefined && !Array.isArray(value))
      throw new TypeError('HandoffPanel.configure(): "directory" must be an array of entries or the URL of one.');
    if (value !== undefined && typeof value !== expected)
      throw new TypeError(`HandoffPanel.configure(): "${key}" must be a ${expected}, not ${typeof value}.`);
  }
  const { theme, retentionDays, draftHours, endpoint } = config as GlobalConfig;
  if (endpoint !== undefined) {
    try {
      absoluteEndpoint(endpoint);
    } catch (error) {
      throw new TypeError(`HandoffPanel.configure(): ${(error as Error).message}`);
    }
  }
  const badTheme = Object.keys(theme ?? {}).find((name) => !name.startsWith('--handoff-'));
  if (badTheme)
    throw new TypeError(
      `HandoffPanel.configure(): theme keys are --handoff-* custom properties; "${badTheme}" is not one.`,
    );
  if (retentionDays !== undefined && !(retentionDays > 0))
    throw new TypeError('HandoffPanel.configure(): "retentionDays" must be a number above 0.');
  if (draftHours !== undefined && !(draftHours > 0))
    throw new TypeError('HandoffPanel.configure(): "draftHours" must be a number of hours above 0.');
}

function toDefaults(config: GlobalConfig): ElementDefaults {
  const outbox: ElementDefaults['outbox'] = {};
  if (config.endpoint) outbox.endpoint = config.endpoint;
  if (config.ackEndpoint) outbox.ackEndpoint = config.ackEndpoint;
  if (config.headers) outbox.headers = config.headers;
  if (config.credentials) outbox.credentials = config.credentials;
  if (config.retentionDays) outbox.retentionMs = config.retentionDays * 86_400_000;
  const messages = config.templates
    ? { ...config.messages, templates: { ...config.messages?.templates, ...config.templates } }
    : config.messages;
  return {
    endpoint: config.endpoint,
    outbox,
    locale: config.locale,
    messages: messages,
    defaultCallingCode: config.defaultCallingCode,
    acks: config.acks,
    quality: config.quality,
    directory: config.directory,
    availability: config.availability,
    template: config.template,
    ...(config.draftHours ? { drafts: { ttlMs: config.draftHours * 3_600_000 } } : {}),
  };
}

/** What the second file adds to the global (at once in the one-file build). */
export type PanelApi = typeof import('./panel-api.js');

/** Members of the global that arrive with the panel: `HandoffPanel.load()` first. */
const PANEL_API: readonly (keyof PanelApi)[] = [
  'buildHandoff',
  'buildAck',
  'validateHandoff',
  'suggestScripts',
  'compileScriptTemplates',
  'HandoffPanel',
];

export type HandoffPanelGlobal = ((method: string, ...args: unknown[]) => unknown) & {
  version: string;
  configure(config: GlobalConfig): void;
  /** Loads the panel and the payload functions (the two-step script tag's second file). */
  load(): Promise<HandoffPanelGlobal & PanelApi>;
  /** Opens the launcher (creating one when the page has none); resolves once the panel is shown. */
  open(options?: OpenOptions): Promise<void>;
  close(): void;
  /**
   * Removes every draft and the log of sent handoffs from this browser, and with
   * `{ undelivered: 'discard' }` the outbox's undelivered items too. For sign-out; see the README.
   */
  clearLocalData(options?: ClearLocalDataOptions): Promise<LocalDataCleared>;
  readonly outbox: Outbox | undefined;
  readonly config: Readonly<GlobalConfig>;
};

export function createGlobal(
  version: string,
  extras: Record<string, unknown>,
  loadPanelApi: () => Promise<PanelApi>,
): HandoffPanelGlobal {
  let config: GlobalConfig = {};
  /** The page's shared outbox for the configured endpoint (the one the elements use too). */
  const pageOutbox = (): Outbox | undefined =>
    config.endpoint ? sharedOutbox({ ...toDefaults(config).outbox, endpoint: config.endpoint }) : undefined;

  function launcher(): HandoffLauncher {
    let found = document.querySelector('handoff-launcher');
    if (!found) {
      found = document.createElement('handoff-launcher');
      found.dataset.floating = '';
      document.body.append(found);
    }
    return found;
  }

  const methods = {
    configure(next: GlobalConfig): void {
      checkConfig(next);
      config = { ...config, ...next };
      setElementDefaults(toDefaults(config));
      for (const [name, value] of Object.entries(config.theme ?? {}))
        document.documentElement.style.setProperty(name, value);
      // Every CRM page that knows the endpoint delivers what earlier pages left queued, panel or not.
      pageOutbox();
    },
    load: onceUntilFailure(async () => Object.assign(api, await loadPanelApi())),
    async open(options: OpenOptions = {}): Promise<void> {
      const target = launcher();
      const panel = target.panel;
      if (options.caseId) panel.caseId = options.caseId;
      target.show();
      // The payload functions arrive on the global with the panel; a failed load is shown in the popover.
      void methods.load().catch(() => undefined);
      const { prefill } = options;
      // Once the panel is defined: now, or after the popover's "Try again" when the first load failed.
      if (prefill) void customElements.whenDefined('handoff-panel').then(() => panel.prefill(prefill));
      await target.updateComplete; // `positioned` is this open's only after the launcher's update
      await target.positioned;
    },
    close(): void {
      document.querySelector('handoff-launcher')?.hide();
    },
    async clearLocalData(options: ClearLocalDataOptions = {}): Promise<LocalDataCleared> {
      const { clearLocalData } = await import('../storage/clear-local-data.js');
      return clearLocalData(options);
    },
  };

  const api = function HandoffPanel(method: string, ...args: unknown[]): unknown {
    const fn = (api as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function' && PANEL_API.includes(method as keyof PanelApi))
      throw new TypeError(`HandoffPanel.${method} comes with the panel: call it after \`await HandoffPanel.load()\`.`);
    if (typeof fn !== 'function')
      throw new TypeError(`HandoffPanel("${method}"): no such method; use ${Object.keys(methods).join(', ')}.`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  } as HandoffPanelGlobal;
  Object.assign(api, extras, methods, { version });
  Object.defineProperties(api, {
    /** The page's shared outbox (once an endpoint is configured). */
    outbox: { get: pageOutbox },
    config: { get: () => ({ ...config }) },
  });
  return api;
}

/**
 * Configuration written on the script tag: `data-endpoint`, `data-ack-endpoint`, `data-locale`,
 * `data-retention-days`, `data-default-calling-code`, `data-acks` (`poll`, `sse` or `off`).
 */
export function configFromScript(script: HTMLOrSVGScriptElement | null): GlobalConfig {
  const data = (script as HTMLScriptElement | null)?.dataset ?? {};
  const config: GlobalConfig = {};
  if (data.endpoint) config.endpoint = data.endpoint;
  if (data.ackEndpoint) config.ackEndpoint = data.ackEndpoint;
  if (data.locale) config.locale = data.locale;
  if (data.defaultCallingCode) config.defaultCallingCode = data.defaultCallingCode;
  if (data.retentionDays) config.retentionDays = Number(data.retentionDays);
  if (data.acks === 'off') config.acks = false;
  else if (data.acks === 'poll' || data.acks === 'sse') config.acks = { transport: data.acks };
  else if (data.acks)
    reportProblem(
      'data-attribute',
      'handoff-panel',
      `data-acks="${data.acks}" is not one of poll, sse, off; polling is used.`,
    );
  return config;
}
