import { Checker, compact, type Bag, type CheckerOptions, type FieldError } from './checker.js';
import type { ValidationMessages } from './messages.js';
import {
  ACTION_OWNERS,
  AVAILABILITY_STATUSES,
  CHANNELS,
  FOLLOW_UP_BY,
  HANDOFF_SCHEMA,
  IF_UNAVAILABLE,
  LIMITS,
  MODES,
  PRESENCES,
  PRIORITIES,
  REASON_CODES,
  REDACTION_KINDS,
  VERIFICATION_METHODS,
  VERIFICATION_STATUSES,
  type Action,
  type Contingency,
  type Customer,
  type HandoffDraft,
  type HandoffV1,
  type ReceiverAvailability,
  type Redaction,
  type Verification,
  type VerificationMethod,
} from './types.js';
import { readQuality, readTiming, REDACTION_FIELD } from './read-generated.js';
import { assessQuality } from './quality.js';
import { VERSION } from '../version.js';
import { checkRequiredMoves, checkTemplateShapes, readChecklist, readExtensions } from '../template/read-template.js';
import type { HandoffTemplate } from '../template/types.js';
import { templateFieldLabels } from '../template/applies.js';
import { timingWarnings, type TimingContext } from '../timing/timing-warnings.js';
import type { Result } from './result.js';

export interface BuildContext {
  /** The handoff id (also the Idempotency-Key). Default: `crypto.randomUUID()`. */
  id?: string;
  /** The clock; injectable for tests. Default: `() => new Date()`. */
  now?: () => Date;
  /** Locale of the panel, recorded in `client.locale`. Default `en`. */
  locale?: string;
  /** Marks demo and training traffic. Default: the draft's `training`, else false. */
  training?: boolean;
  /** Transfer count from which a contact is flagged for the priority lane. Default 2. */
  flagThreshold?: number;
  /** Country calling code for numbers typed in national form (`020…` with `44` → `+4420…`). */
  defaultCallingCode?: string;
  /** Replacement validation messages (templates with `{field}`, `{max}`, …), e.g. for another locale. */
  messages?: Partial<ValidationMessages>;
  /** Replacement field labels by path (see DEFAULT_FIELD_LABELS_EN). */
  fieldLabels?: Record<string, string>;
  /** Maskings already applied upstream (e.g. by the panel as the agent typed), listed in `redactions`. */
  redactions?: readonly Redaction[];
  /**
   * `false` leaves `quality` out (for an endpoint that still validates with the v1 schema from before it).
   * @default true
   */
  quality?: boolean;
  /** The organisation's template, as `checkTemplate` returned it: its fields, checklist and required moves. */
  template?: HandoffTemplate;
  /** What the receiver's time allows (their hours from the directory; the notice defaults to the template's). */
  timing?: Omit<TimingContext, 'now'>;
}

export type BuildResult = Result<HandoffV1>;

export const SDK_ID = `handoff-panel@${VERSION}`;
export const DEFAULT_FLAG_THRESHOLD = 2;

const TEXT = { max: LIMITS.text } as const;
const REQUIRED_TEXT = { ...TEXT, required: true } as const;
const SHORT = { max: LIMITS.short } as const;
const REQUIRED_SHORT = { ...SHORT, required: true } as const;
/** Ids and references: refused if they hold a card number, never masked into something else. */
const ID = { ...SHORT, identifier: true } as const;
const REQUIRED_ID = { ...ID, required: true } as const;

const KEYS = {
  draft: [
    'mode',
    'channel',
    'reason',
    'priority',
    'case',
    'customer',
    'from',
    'to',
    'recap',
    'actions',
    'nextSteps',
    'followUp',
    'script',
    'contingency',
    'transfer',
    'training',
    'extensions',
  ],
  generated: ['schema', 'id', 'createdAt', 'redactions', 'quality', 'client', 'template', 'timing'],
  reason: ['code', 'detail'],
  case: ['id', 'url'],
  customer: ['name', 'accountId', 'contact', 'verification', 'language'],
  contact: ['phone', 'email'],
  verification: ['status', 'method', 'methodDetail', 'by', 'at'],
  from: ['agentId', 'name', 'team', 'callback'],
  to: ['agentId', 'name', 'team', 'expertise', 'availability'],
  availability: ['status', 'checkedAt', 'opensAt', 'closesAt', 'timeZone', 'presence'],
  recap: ['summary', 'tried', 'expectation'],
  action: ['text', 'owner', 'due'],
  followUp: ['at', 'by', 'note'],
  script: ['managingUp', 'customerInformed', 'apologyGiven', 'detailsConfirmed'],
  contingency: ['fallback', 'ifUnavailable', 'plans', 'note'],
  fallback: ['phone', 'name', 'hours'],
  plan: ['if', 'then'],
  transfer: ['count', 'flagged', 'priorHandoffIds'],
  redaction: ['field', 'kind', 'count'],
  client: ['sdk', 'locale'],
} as const;

/** A list the contract requires, which a draft may leave out (it means none). */
const requiredList = (c: Checker, max: number) => ({ max, required: true, fallback: c.draft ? [] : undefined });

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list?.length ? list : undefined);

function readCustomer(c: Checker, value: unknown): Customer | undefined {
  const customer = c.object(value, 'customer', KEYS.customer, true);
  if (!customer) return undefined;
  const contact = c.object(customer.contact, 'customer.contact', KEYS.contact, !c.draft) ?? {};
  const verification = c.object(customer.verification, 'customer.verification', KEYS.verification, !c.draft) ?? {};
  const status = c.choice(verification.status, 'customer.verification.status', VERIFICATION_STATUSES);
  return {
    ...compact({
      name: c.text(customer.name, 'customer.name', REQUIRED_SHORT)!,
      accountId: c.text(customer.accountId, 'customer.accountId', ID),
    }),
    contact: compact({
      phone: c.phone(contact.phone, 'customer.contact.phone'),
      email: c.email(contact.email, 'customer.contact.email'),
    }),
    verification: compact({
      status: status!,
      ...readVerificationMethod(c, verification, status === 'verified'),
      by: c.text(verification.by, 'customer.verification.by', SHORT),
      at: c.dateTime(verification.at, 'customer.verification.at'),
    }),
    ...compact({ language: c.language(customer.language, 'customer.language') }),
  };
}

/** Free-text methods a host's prefill (or a draft saved before the method was a choice) may give. */
const METHOD_WORDS: [RegExp, VerificationMethod][] = [
  [/security (question|answer)|preguntas? de seguridad/i, 'security-questions'],
  [/one[- ]time|otp|sms code|passcode|c[oó]digo/i, 'one-time-code'],
  [/\bid\b|passport|driv(ing|er'?s) licen[cs]e|document|dni|pasaporte/i, 'id-document'],
  [/voice|voz/i, 'voice-biometrics'],
  [/call ?back|rellamada|devoluci[oó]n de llamada/i, 'callback'],
];

/**
 * The method is a choice. In draft mode free text is read as the method it names, or as "other" with
 * the text as its detail (masked like any text, so a secret typed there does not survive).
 */
function readVerificationMethod(
  c: Checker,
  verification: Bag,
  required: boolean,
): Pick<Verification, 'method' | 'methodDetail'> {
  let { method, methodDetail } = verification;
  if (
    c.draft &&
    typeof method === 'string' &&
    method.trim() &&
    !(VERIFICATION_METHODS as readonly string[]).includes(method)
  ) {
    const named = METHOD_WORDS.find(([words]) => words.test(method as string))?.[1];
    methodDetail = named ? methodDetail : [method, methodDetail].filter(Boolean).join(' — ');
    method = named ?? 'other';
  }
  const chosen =
    c.isBlank(method) && !required ? undefined : c.choice(method, 'customer.verification.method', VERIFICATION_METHODS);
  const detail = c.text(methodDetail, 'customer.verification.methodDetail', { ...TEXT, required: chosen === 'other' });
  return compact({ method: chosen, methodDetail: detail });
}

function readAction(c: Checker, value: unknown, path: string): Action | undefined {
  const action = c.object(value, path, KEYS.action, true);
  if (!action) return undefined;
  return compact({
    text: c.text(action.text, `${path}.text`, REQUIRED_TEXT)!,
    owner: c.choice(action.owner, `${path}.owner`, ACTION_OWNERS, c.draft ? 'receiver' : undefined)!,
    due: c.dateTime(action.due, `${path}.due`),
  });
}

function readContingency(c: Checker, value: unknown, channel: unknown): Contingency | undefined {
  const required = channel === 'phone';
  const bag = c.object(value, 'contingency', KEYS.contingency, required);
  if (!bag || (c.draft && !required && c.isEmptyEntry(bag))) return undefined;
  const fallback = c.object(bag.fallback, 'contingency.fallback', KEYS.fallback, true) ?? {};
  return compact({
    fallback: compact({
      phone: c.phone(fallback.phone, 'contingency.fallback.phone', true)!,
      name: c.text(fallback.name, 'contingency.fallback.name', SHORT),
      hours: c.text(fallback.hours, 'contingency.fallback.hours', TEXT),
    }),
    ifUnavailable: c.choice(bag.ifUnavailable, 'contingency.ifUnavailable', IF_UNAVAILABLE)!,
    plans: nonEmpty(
      c.list(bag.plans, 'contingency.plans', { max: LIMITS.plans }, (entry, path) => {
        const plan = c.object(entry, path, KEYS.plan, true);
        if (!plan) return undefined;
        return {
          if: c.text(plan.if, `${path}.if`, REQUIRED_TEXT)!,
          then: c.text(plan.then, `${path}.then`, REQUIRED_TEXT)!,
        };
      }),
    ),
    note: c.text(bag.note, 'contingency.note', TEXT),
  });
}

function readAvailability(c: Checker, value: unknown): ReceiverAvailability | undefined {
  const bag = c.object(value, 'to.availability', KEYS.availability);
  if (!bag) return undefined;
  return compact({
    status: c.choice(bag.status, 'to.availability.status', AVAILABILITY_STATUSES)!,
    checkedAt: c.dateTime(bag.checkedAt, 'to.availability.checkedAt', true)!,
    opensAt: c.dateTime(bag.opensAt, 'to.availability.opensAt'),
    closesAt: c.dateTime(bag.closesAt, 'to.availability.closesAt'),
    timeZone: c.text(bag.timeZone, 'to.availability.timeZone', SHORT),
    presence: bag.presence === undefined ? undefined : c.choice(bag.presence, 'to.availability.presence', PRESENCES),
  });
}

/** Reads everything the agent provides; the caller adds or checks the generated fields. */
function readBody(
  c: Checker,
  input: Bag,
): Omit<HandoffV1, 'schema' | 'id' | 'createdAt' | 'redactions' | 'client' | 'training' | 'transfer'> {
  const reason = c.object(input.reason, 'reason', KEYS.reason, true) ?? {};
  const kase = c.object(input.case, 'case', KEYS.case, true) ?? {};
  const from = c.object(input.from, 'from', KEYS.from, true) ?? {};
  const to = c.object(input.to, 'to', KEYS.to, true) ?? {};
  const recap = c.object(input.recap, 'recap', KEYS.recap, true) ?? {};
  const script = c.object(input.script, 'script', KEYS.script, !c.draft) ?? {};
  const followUp = c.object(input.followUp, 'followUp', KEYS.followUp);

  return compact({
    mode: c.choice(input.mode, 'mode', MODES)!,
    channel: c.choice(input.channel, 'channel', CHANNELS)!,
    reason: {
      code: c.choice(reason.code, 'reason.code', REASON_CODES)!,
      detail: c.text(reason.detail, 'reason.detail', REQUIRED_TEXT)!,
    },
    priority: c.choice(input.priority, 'priority', PRIORITIES, c.draft ? 'normal' : undefined)!,
    case: compact({ id: c.text(kase.id, 'case.id', REQUIRED_ID)!, url: c.url(kase.url, 'case.url') }),
    customer: readCustomer(c, input.customer)!,
    from: compact({
      agentId: c.text(from.agentId, 'from.agentId', REQUIRED_ID)!,
      name: c.text(from.name, 'from.name', REQUIRED_SHORT)!,
      team: c.text(from.team, 'from.team', SHORT),
      callback: c.phone(from.callback, 'from.callback'),
    }),
    to: compact({
      agentId: c.text(to.agentId, 'to.agentId', ID),
      name: c.text(to.name, 'to.name', SHORT),
      team: c.text(to.team, 'to.team', REQUIRED_SHORT)!,
      expertise: c.text(to.expertise, 'to.expertise', TEXT),
      availability: readAvailability(c, to.availability),
    }),
    recap: compact({
      summary: c.text(recap.summary, 'recap.summary', { max: LIMITS.summary, required: true })!,
      tried: c.list(
        c.lines(recap.tried, 'recap.tried', LIMITS.tried),
        'recap.tried',
        requiredList(c, LIMITS.tried),
        (entry, path) => c.text(entry, path, REQUIRED_TEXT),
      )!,
      expectation: c.text(recap.expectation, 'recap.expectation', TEXT),
    }),
    actions: c.list(input.actions, 'actions', requiredList(c, LIMITS.actions), (entry, path) =>
      readAction(c, entry, path),
    )!,
    nextSteps: c.text(input.nextSteps, 'nextSteps', TEXT),
    followUp:
      followUp && !(c.draft && c.isEmptyEntry(followUp))
        ? compact({
            at: c.dateTime(followUp.at, 'followUp.at', true)!,
            by: c.choice(followUp.by, 'followUp.by', FOLLOW_UP_BY)!,
            note: c.text(followUp.note, 'followUp.note', TEXT),
          })
        : undefined,
    script: {
      managingUp: c.text(script.managingUp, 'script.managingUp', REQUIRED_TEXT)!,
      customerInformed: c.boolean(script.customerInformed, 'script.customerInformed', c.draft ? false : undefined)!,
      apologyGiven: c.boolean(script.apologyGiven, 'script.apologyGiven', c.draft ? false : undefined)!,
      detailsConfirmed: c.boolean(script.detailsConfirmed, 'script.detailsConfirmed', c.draft ? false : undefined)!,
    },
    contingency: readContingency(c, input.contingency, input.channel),
  });
}

function readPriorIds(c: Checker, transfer: Bag) {
  return c.list(transfer.priorHandoffIds, 'transfer.priorHandoffIds', { max: LIMITS.priorHandoffIds }, (entry, path) =>
    c.text(entry, path, REQUIRED_ID),
  );
}

/** An organisation's labels as literal text in the message templates (`{`, `[` as written). */
const literal = (labels: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(labels).map(([path, label]) => [path, label.replace(/[{}[\]]/g, '$&$&')]));

function checkerFor(mode: 'draft' | 'payload', context: BuildContext): Checker {
  const options: CheckerOptions = {
    mode,
    messages: context.messages,
    fieldLabels: { ...literal(templateFieldLabels(context.template, context.locale)), ...context.fieldLabels },
    defaultCallingCode: context.defaultCallingCode,
  };
  return new Checker(options);
}

/**
 * Turns what the agent filled in into a complete `handoff/v1` payload: generates the id and
 * timestamp, normalises phone numbers to E.164, masks card numbers (listed in `redactions`), sets the
 * priority-lane flag from the transfer count. Never throws on user input: every problem comes back
 * as a {@link FieldError} with a message that names the field and says what to fix.
 */
export function buildHandoff(draft: HandoffDraft, context: BuildContext = {}): BuildResult {
  const c = checkerFor('draft', context);
  const input = c.object(draft, '', [...KEYS.draft, 'checklist'], true) ?? {};
  const body = readBody(c, input);
  const transfer = c.object(input.transfer, 'transfer', ['count', 'priorHandoffIds']) ?? {};
  const count = c.count(transfer.count, 'transfer.count', 1, 1);
  const priorHandoffIds = readPriorIds(c, transfer);
  const training = c.boolean(input.training, 'training', context.training ?? false);
  const { template } = context;
  const extensions = readExtensions(c, input.extensions, template, {
    reason: (input.reason as Bag | undefined)?.code,
    channel: input.channel,
  });
  const record = template && readChecklist(c, input.checklist, template, context.locale);
  const redactions = mergeRedactions([...(context.redactions ?? []), ...c.redactions]);
  if (template) checkRequiredMoves(c, template, { ...body, transfer: { count }, redactions }, record!);
  if (c.errors.length) return { ok: false, errors: c.errors };

  const now = (context.now ?? (() => new Date()))();
  const threshold = context.flagThreshold ?? DEFAULT_FLAG_THRESHOLD;
  const notice = context.timing?.minimumNoticeMinutes ?? template?.timing?.minimumNoticeMinutes;
  const timing = timingWarnings(body, { ...context.timing, minimumNoticeMinutes: notice, now: now.getTime() });
  const payload: HandoffV1 = {
    schema: HANDOFF_SCHEMA,
    id: context.id ?? crypto.randomUUID(),
    createdAt: now.toISOString(),
    ...body,
    transfer: compact({ count: count!, flagged: count! >= threshold, priorHandoffIds: nonEmpty(priorHandoffIds) }),
    redactions,
    client: { sdk: SDK_ID, locale: context.locale ?? 'en' },
    training: context.training ?? training!,
    ...compact({ extensions, template: record, timing: nonEmpty(timing) }),
  };
  if (context.quality !== false) payload.quality = assessQuality(payload);
  return { ok: true, payload: orderLikeSchema(payload) };
}

/**
 * Checks a finished payload exactly as `schema/handoff.v1.json` does (receivers use it too).
 * Returns the list of problems; empty means valid.
 */
export function validateHandoff(
  payload: unknown,
  context: Pick<BuildContext, 'messages' | 'fieldLabels'> = {},
): FieldError[] {
  const c = checkerFor('payload', context);
  const input = c.object(payload, '', [...KEYS.draft, ...KEYS.generated], true);
  if (!input) return c.errors;
  readBody(c, input);
  c.exact(input.schema, 'schema', HANDOFF_SCHEMA);
  c.uuid(input.id, 'id', true);
  c.dateTime(input.createdAt, 'createdAt', true);
  const transfer = c.object(input.transfer, 'transfer', KEYS.transfer, true);
  if (transfer) {
    c.count(transfer.count, 'transfer.count', 1);
    c.boolean(transfer.flagged, 'transfer.flagged');
    readPriorIds(c, transfer);
  }
  c.list(
    input.redactions,
    'redactions',
    { max: LIMITS.redactions, required: true },
    (entry, path): Redaction | undefined => {
      const r = c.object(entry, path, KEYS.redaction, true);
      if (r) {
        c.pattern(r.field, `${path}.field`, 'not-text', (t) => REDACTION_FIELD.test(t), true);
        c.choice(r.kind, `${path}.kind`, REDACTION_KINDS);
        if (r.count !== undefined) c.count(r.count, `${path}.count`, 1);
      }
      return undefined;
    },
  );
  readQuality(c, input.quality);
  const client = c.object(input.client, 'client', KEYS.client, true);
  if (client) {
    c.pattern(client.sdk, 'client.sdk', 'not-text', (t) => /^.+@.+$/.test(t), true);
    c.text(client.locale, 'client.locale', REQUIRED_SHORT);
  }
  c.boolean(input.training, 'training');
  checkTemplateShapes(c, input);
  readTiming(c, input.timing);
  return c.errors;
}

/** One entry per field and kind, with a count where a field was masked more than once. */
export function mergeRedactions(list: readonly Redaction[]): Redaction[] {
  const merged = new Map<string, Redaction>();
  for (const r of list) {
    const key = `${r.field}\u0000${r.kind}`;
    const count = (merged.get(key)?.count ?? 0) + (r.count ?? 1);
    merged.set(key, { field: r.field, kind: r.kind, count });
  }
  return [...merged.values()]
    .slice(0, LIMITS.redactions)
    .map((r) => (r.count === 1 ? { field: r.field, kind: r.kind } : r));
}

const FIELD_ORDER = [
  ...KEYS.generated.slice(0, 3),
  ...KEYS.draft.filter((key) => key !== 'training'),
  'redactions',
  'quality',
  'client',
  'training',
  'template',
  'timing',
];

/** Orders keys as the contract lists them, so the JSON reads top-down like the handoff itself. */
function orderLikeSchema(payload: HandoffV1): HandoffV1 {
  const bag = payload as unknown as Bag;
  return Object.fromEntries(
    FIELD_ORDER.filter((k) => bag[k] !== undefined).map((k) => [k, bag[k]]),
  ) as unknown as HandoffV1;
}
