/**
 * The `handoff/v1` and `handoff-ack/v1` contracts (see schema/*.json, which must agree with these).
 */

import type { QUALITY_CHECKS, READ_BACK_FACTS } from './checks.js';

export const HANDOFF_SCHEMA = 'handoff/v1';
export const HANDOFF_ACK_SCHEMA = 'handoff-ack/v1';

export const MODES = ['warm', 'blind'] as const;
export const CHANNELS = ['phone', 'chat', 'email', 'in-person'] as const;
export const REASON_CODES = ['escalation', 'specialist', 'shift-change', 'absence-cover', 'other'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const AVAILABILITY_STATUSES = ['open', 'closed', 'unavailable'] as const;
/** What a host's presence system says about a receiver. */
export const PRESENCES = ['available', 'busy', 'away', 'offline'] as const;
export const VERIFICATION_STATUSES = ['verified', 'unverified'] as const;
export const ACTION_OWNERS = ['receiver', 'sender', 'customer'] as const;
export const FOLLOW_UP_BY = ['receiver', 'sender'] as const;
export const IF_UNAVAILABLE = ['callback', 'voicemail', 'requeue', 'other'] as const;
/** How a customer was verified: a choice, so that the secret itself is never typed where the method goes. */
export const VERIFICATION_METHODS = [
  'security-questions',
  'one-time-code',
  'id-document',
  'voice-biometrics',
  'callback',
  'other',
] as const;
/** What the SDK masks, each recorded in `redactions` by its kind. */
export const REDACTION_KINDS = [
  'card-number',
  'card-security-code',
  'card-expiry',
  'one-time-code',
  'pin',
  'password',
  'security-answer',
] as const;
/** What a timing warning says about a due time or a follow-up (see timingWarnings). */
export const TIMING_KINDS = ['past', 'before-receiver-can-act', 'outside-hours'] as const;

export type Mode = (typeof MODES)[number];
export type Channel = (typeof CHANNELS)[number];
export type ReasonCode = (typeof REASON_CODES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];
export type Presence = (typeof PRESENCES)[number];
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export type ActionOwner = (typeof ACTION_OWNERS)[number];
export type FollowUpBy = (typeof FOLLOW_UP_BY)[number];
export type IfUnavailable = (typeof IF_UNAVAILABLE)[number];
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];
export type RedactionKind = (typeof REDACTION_KINDS)[number];
export type TimingKind = (typeof TIMING_KINDS)[number];
export type QualityCheck = (typeof QUALITY_CHECKS)[number];
export type ReadBackFactKind = (typeof READ_BACK_FACTS)[number];

/** Limits of the contract; the JSON Schema states the same numbers. */
/**
 * Per-field limits, in code points and entries, as the JSON Schema states them. Together they keep the
 * largest valid handoff under 0.7 MiB of JSON (4 bytes a code point at most, as control characters
 * and unpaired surrogates are not allowed), inside the receiver's 1 MiB and nginx's default 1m.
 */
export const LIMITS = {
  summary: 4000,
  text: 2000,
  /** Identifiers and names. */
  short: 200,
  tried: 20,
  actions: 20,
  plans: 10,
  priorHandoffIds: 20,
  /** Entries of `redactions`: one per field and kind. */
  redactions: 200,
  /** Entries of `quality.missing`: one per check, and one per undated action. */
  qualityMissing: 40,
  /** Entries of `timing`: one per action, and the follow-up. */
  timing: 21,
  /** Keys of `extensions`, and the code points of a text value there. */
  extensions: 20,
  extensionText: 1000,
  /** Items of `template.checklist`. */
  checklist: 10,
  /** Entries of each list of `readBackCheck`. */
  readBackFacts: 60,
} as const;

/** An RFC 3339 date-time with an offset, e.g. `2026-11-24T15:30:00Z`. */
export type IsoDateTime = string;
/** A phone number in E.164 form, e.g. `+442079460958`. */
export type E164 = string;

export interface Verification {
  status: VerificationStatus;
  /** How the customer was verified. Required when verified. */
  method?: VerificationMethod;
  /** What "other" method was used; required with `other`. Never the secret itself (it is masked). */
  methodDetail?: string;
  by?: string;
  at?: IsoDateTime;
}

export interface Customer {
  name: string;
  accountId?: string;
  contact: { phone?: E164; email?: string };
  verification: Verification;
  /** BCP 47 language tag of the customer's preferred language. */
  language?: string;
}

export interface Agent {
  agentId: string;
  name: string;
  team?: string;
  /** The sender's own number, for the customer or the receiver to call back. */
  callback?: E164;
}

export interface Receiver {
  agentId?: string;
  name?: string;
  team: string;
  expertise?: string;
  /** What the panel showed the agent about the receiver's hours and presence (from the directory). */
  availability?: ReceiverAvailability;
}

/** What the agent was shown about the receiver when sending. */
export interface ReceiverAvailability {
  /** `closed`: outside their hours; `unavailable`: in hours, but their presence says they cannot take it. */
  status: AvailabilityStatus;
  checkedAt: IsoDateTime;
  /** When closed: when they open next (within two weeks). */
  opensAt?: IsoDateTime;
  /** When open: when this opening ends. */
  closesAt?: IsoDateTime;
  /** The receiver's IANA time zone, when the directory gives hours. */
  timeZone?: string;
  /** What the host's presence system said. */
  presence?: Presence;
}

export interface Action {
  text: string;
  owner: ActionOwner;
  due?: IsoDateTime;
}

export interface FollowUp {
  at: IsoDateTime;
  by: FollowUpBy;
  note?: string;
}

export interface ContingencyPlan {
  if: string;
  then: string;
}

export interface Contingency {
  fallback: { phone: E164; name?: string; hours?: string };
  ifUnavailable: IfUnavailable;
  plans?: ContingencyPlan[];
  note?: string;
}

export interface Redaction {
  /** Path of the field that was masked, e.g. `recap.summary` or `actions[2].text`. */
  field: string;
  kind: RedactionKind;
  /** How many maskings of this kind the field had, when more than one. */
  count?: number;
}

/** One thing a good handoff has and this one lacks, at the field that would hold it. */
export interface QualityMiss {
  check: QualityCheck;
  /** Path of the field to fill, e.g. `actions[1].due`. */
  field: string;
}

/** The handoff judged on the moves of a good handoff, from the payload alone (see README, "Quality"). */
export interface HandoffQuality {
  score: number;
  max: number;
  missing: QualityMiss[];
}

/** A complete handoff as stored and sent. */
export interface HandoffV1 {
  schema: typeof HANDOFF_SCHEMA;
  id: string;
  createdAt: IsoDateTime;
  mode: Mode;
  channel: Channel;
  reason: { code: ReasonCode; detail: string };
  priority: Priority;
  case: { id: string; url?: string };
  customer: Customer;
  from: Agent;
  to: Receiver;
  recap: { summary: string; tried: string[]; expectation?: string };
  actions: Action[];
  nextSteps?: string;
  followUp?: FollowUp;
  script: { managingUp: string; customerInformed: boolean; apologyGiven: boolean; detailsConfirmed: boolean };
  /** Required on the phone channel. */
  contingency?: Contingency;
  transfer: { count: number; flagged: boolean; priorHandoffIds?: string[] };
  redactions: Redaction[];
  /** Always set by the SDK; optional in the contract, as payloads queued by older versions lack it. */
  quality?: HandoffQuality;
  client: { sdk: string; locale: string };
  training: boolean;
  /** The organisation's own fields, by the keys its template gives them. */
  extensions?: HandoffExtensions;
  /** The organisation's template the handoff followed, and its checklist as the agent ticked it. */
  template?: HandoffTemplateRecord;
  /** Due times and follow-ups the receiver cannot meet, as the sender was warned when sending. */
  timing?: TimingWarning[];
}

export type HandoffExtensions = Record<string, string | number | boolean>;

export interface HandoffTemplateRecord {
  id: string;
  version?: string;
  checklist?: { id: string; label: string; checked: boolean }[];
}

export interface TimingWarning {
  /** `actions[0].due` or `followUp.at`. */
  field: string;
  kind: TimingKind;
  /** When the receiver can act on it, if known. */
  canActAt?: IsoDateTime;
}

/** One fact of the handoff the receiver must carry, by the field that holds it. */
export interface ReadBackFact {
  kind: ReadBackFactKind;
  /** Path in the handoff, e.g. `actions[0].due`, `recap.summary`. */
  field: string;
  /** Which one, where a field holds several: an amount (`325 GBP`), a due time, `verified`. */
  value?: string;
}

/** The read-back compared with the handoff: what it carried, what it missed, what the receiver dismissed. */
export interface ReadBackCheck {
  found: ReadBackFact[];
  missing: ReadBackFact[];
  dismissed: ReadBackFact[];
}

/** The receiver's acknowledgement of a handoff. */
export interface HandoffAckV1 {
  schema: typeof HANDOFF_ACK_SCHEMA;
  id: string;
  handoffId: string;
  at: IsoDateTime;
  by: { agentId: string; name: string };
  /** The receiver's synthesis of the handoff in their own words. */
  readBack: string;
  accepted: boolean;
  /** Required when `accepted` is false. */
  declineReason?: string;
  questions?: string;
  /** Set by `<handoff-receipt>`: what the read-back carried of the handoff's facts. */
  readBackCheck?: ReadBackCheck;
}

/** Every field optional, all the way down (lists of partial entries). */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * What the agent (and the host's prefill) has filled in so far. Every field is optional; the SDK
 * fills `schema`, `id`, `createdAt`, `client`, `redactions`, `quality` and `transfer.flagged` itself.
 */
export type HandoffDraft = DeepPartial<
  Omit<
    HandoffV1,
    'schema' | 'id' | 'createdAt' | 'client' | 'redactions' | 'quality' | 'transfer' | 'template' | 'timing'
  >
> & {
  transfer?: { count?: number; priorHandoffIds?: string[] };
  /** The template's checklist items the agent ticked, by id. */
  checklist?: Record<string, boolean>;
};

/** What the receiver has filled in so far. */
export type HandoffAckDraft = DeepPartial<Omit<HandoffAckV1, 'schema' | 'id' | 'at'>>;
