/**
 * What the sending agent says: the managing-up script about the receiver, the "inform before transfer"
 * line and the apology. Templates are per locale and replaceable by the integrator.
 */
import { parseTemplate, renderTemplate, type ParsedTemplate, type Slots } from './template.js';
import { REASON_CODES, type HandoffDraft, type Mode, type ReasonCode } from './types.js';

/** The slots script templates may use. */
export const SCRIPT_SLOTS = [
  'receiverName',
  'receiverTeam',
  'expertise',
  'customerName',
  'reason',
  'fallbackPhone',
] as const;
export type ScriptSlot = (typeof SCRIPT_SLOTS)[number];
export type ScriptSlots = Partial<Record<ScriptSlot, string>>;

export interface ScriptTemplates {
  /** Managing-up script, one per reason code. */
  managingUp: Record<ReasonCode, string>;
  /** Tells the customer, before the transfer, to whom and why; one per mode. */
  informCustomer: Record<Mode, string>;
  /** The sender's apology for the need to transfer. */
  apology: string;
  /** Phrases used when a slot outside an optional `[…]` section has no value. */
  fallbacks: ScriptSlots;
}

export const DEFAULT_SCRIPT_TEMPLATES_EN: ScriptTemplates = {
  managingUp: {
    escalation:
      "[{customerName}, ]I'm bringing in {receiverName}[ from {receiverTeam}], who has the authority to put this right[ and a lot of experience with {expertise}]. You're in very good hands.",
    specialist:
      "[{customerName}, ]{receiverName}[ in {receiverTeam}] is our specialist[ in {expertise}] and has solved problems like this many times. They'll take good care of you.",
    'shift-change':
      "[{customerName}, ]my shift is ending, so I'm handing you over to {receiverName}[ from {receiverTeam}]. I've passed on everything we discussed, so you won't need to repeat yourself.",
    'absence-cover':
      "[{customerName}, ]while I'm away, {receiverName}[ from {receiverTeam}] will look after your case. They have all the details, so you won't need to repeat anything.",
    other:
      "[{customerName}, ]I'm connecting you with {receiverName}[ from {receiverTeam}][, who knows {expertise} well]. I've shared everything we discussed, so you won't need to repeat yourself.",
  },
  informCustomer: {
    warm: "[{customerName}, ]I'm going to transfer you to {receiverName}[ in {receiverTeam}][ because {reason}]. I'll stay on the line to introduce you and explain everything we've covered.[ If we get cut off, you can reach them on {fallbackPhone}.]",
    blind:
      "[{customerName}, ]I'm going to transfer you to {receiverName}[ in {receiverTeam}][ because {reason}]. I've written down everything we've covered, so you won't need to repeat it.[ If we get cut off, you can reach them on {fallbackPhone}.]",
  },
  apology:
    "I'm sorry to have to pass you on[, {customerName}]. I know being transferred is frustrating, and I want to make sure you get the right help.",
  fallbacks: {
    receiverName: 'a colleague',
    customerName: '',
    reason: '',
  },
};

/** The parsed form of a template set, checked once so that rendering cannot fail. */
export interface CompiledScriptTemplates {
  managingUp: Record<ReasonCode, ParsedTemplate>;
  informCustomer: Record<Mode, ParsedTemplate>;
  apology: ParsedTemplate;
  fallbacks: ScriptSlots;
}

/**
 * Checks and parses a template set, throwing a {@link TemplateSyntaxError} that names the template
 * (e.g. `managingUp.escalation`) and every problem in it. Missing entries fall back to `base`.
 */
export function compileScriptTemplates(
  overrides: Partial<{
    managingUp: Partial<Record<ReasonCode, string>>;
    informCustomer: Partial<Record<Mode, string>>;
    apology: string;
    fallbacks: ScriptSlots;
  }> = {},
  base: ScriptTemplates = DEFAULT_SCRIPT_TEMPLATES_EN,
): CompiledScriptTemplates {
  const parse = (source: string, name: string) => parseTemplate(source, { allowedSlots: SCRIPT_SLOTS }, name);
  const managingUp = {} as Record<ReasonCode, ParsedTemplate>;
  for (const code of REASON_CODES) {
    managingUp[code] = parse(overrides.managingUp?.[code] ?? base.managingUp[code], `managingUp.${code}`);
  }
  const informCustomer = {} as Record<Mode, ParsedTemplate>;
  for (const mode of ['warm', 'blind'] as const) {
    informCustomer[mode] = parse(
      overrides.informCustomer?.[mode] ?? base.informCustomer[mode],
      `informCustomer.${mode}`,
    );
  }
  return {
    managingUp,
    informCustomer,
    apology: parse(overrides.apology ?? base.apology, 'apology'),
    fallbacks: { ...base.fallbacks, ...overrides.fallbacks },
  };
}

/**
 * The reason is quoted inside a sentence ("… because {reason}."): its capital first letter goes unless
 * the first word looks like a name or an acronym ("Dana", "VAT"), and a closing full stop goes.
 */
function midSentence(reason: string | undefined): string | undefined {
  if (!reason) return reason;
  const firstWord = /^\p{L}+/u.exec(reason)?.[0] ?? '';
  const plain = firstWord.slice(1) === firstWord.slice(1).toLocaleLowerCase() && COMMON_STARTS.test(firstWord);
  return (plain ? reason[0]!.toLocaleLowerCase() + reason.slice(1) : reason).replace(/\.\s*$/, '');
}

/** Words that start a reason as ordinary words, never as names (English and Spanish). */
const COMMON_STARTS =
  /^(a|an|the|this|these|that|only|refunds?|we|our|my|it|they|he|she|un|una|el|la|los|las|solo|no|mi|nuestro|nuestra|es)$/i;

/** The slot values a draft provides. */
export function scriptSlotsFromDraft(draft: HandoffDraft): ScriptSlots {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const slots: ScriptSlots = {
    receiverName: text(draft.to?.name),
    receiverTeam: text(draft.to?.team),
    expertise: text(draft.to?.expertise),
    customerName: text(draft.customer?.name),
    reason: midSentence(text(draft.reason?.detail)),
    fallbackPhone: text(draft.contingency?.fallback?.phone),
  };
  return slots;
}

export interface SuggestedScripts {
  managingUp: string;
  informCustomer: string;
  apology: string;
}

/** The lines the agent is offered for this draft; the agent edits them before use. */
export function suggestScripts(
  draft: HandoffDraft,
  templates: CompiledScriptTemplates = defaultTemplates(),
): SuggestedScripts {
  const slots: Slots = scriptSlotsFromDraft(draft);
  const code: ReasonCode = (REASON_CODES as readonly unknown[]).includes(draft.reason?.code)
    ? draft.reason!.code!
    : 'other';
  const mode: Mode = draft.mode === 'blind' ? 'blind' : 'warm';
  return {
    managingUp: renderTemplate(templates.managingUp[code], slots, templates.fallbacks),
    informCustomer: renderTemplate(templates.informCustomer[mode], slots, templates.fallbacks),
    apology: renderTemplate(templates.apology, slots, templates.fallbacks),
  };
}

let compiledDefaults: CompiledScriptTemplates | undefined;
function defaultTemplates(): CompiledScriptTemplates {
  return (compiledDefaults ??= compileScriptTemplates());
}
