import { Checker, compact } from './checker.js';
import { READ_BACK_FACTS } from './checks.js';
import type { BuildContext } from './handoff.js';
import type { FieldError } from './checker.js';
import type { Result } from './result.js';
import {
  HANDOFF_ACK_SCHEMA,
  LIMITS,
  type HandoffAckDraft,
  type HandoffAckV1,
  type HandoffV1,
  type ReadBackCheck,
  type ReadBackFact,
} from './types.js';

export type AckBuildResult = Result<HandoffAckV1>;

const ACK_KEYS = ['handoffId', 'by', 'readBack', 'accepted', 'declineReason', 'questions', 'readBackCheck'] as const;
const CHECK_LISTS = ['found', 'missing', 'dismissed'] as const;
const FIELD_PATH = /^[A-Za-z0-9_.[\]]{1,100}$/;

function readFacts(c: Checker, value: unknown, path: string): ReadBackFact[] {
  const list = c.list(value, path, { max: LIMITS.readBackFacts, required: true }, (entry, at) => {
    const fact = c.object(entry, at, ['kind', 'field', 'value'], true);
    if (!fact) return undefined;
    return compact({
      kind: c.choice(fact.kind, `${at}.kind`, READ_BACK_FACTS)!,
      field: c.pattern(fact.field, `${at}.field`, 'not-text', (t) => FIELD_PATH.test(t), true)!,
      value: c.text(fact.value, `${at}.value`, { max: 64, identifier: true }),
    });
  });
  return list ?? [];
}

function readCheck(c: Checker, value: unknown): ReadBackCheck | undefined {
  const check = c.object(value, 'readBackCheck', CHECK_LISTS);
  if (!check) return undefined;
  const [found, missing, dismissed] = CHECK_LISTS.map((key) => readFacts(c, check[key], `readBackCheck.${key}`));
  return { found: found!, missing: missing!, dismissed: dismissed! };
}
const GENERATED = ['schema', 'id', 'at'] as const;

function readAck(c: Checker, input: Record<string, unknown>): Omit<HandoffAckV1, 'schema' | 'id' | 'at'> {
  const by = c.object(input.by, 'by', ['agentId', 'name'], true) ?? {};
  const accepted = c.boolean(input.accepted, 'accepted');
  const text = { max: LIMITS.text, redact: true };
  return compact({
    handoffId: c.uuid(input.handoffId, 'handoffId', true)!,
    by: {
      agentId: c.text(by.agentId, 'by.agentId', { max: LIMITS.short, required: true, identifier: true })!,
      name: c.text(by.name, 'by.name', { max: LIMITS.short, required: true })!,
    },
    readBack: c.text(input.readBack, 'readBack', { ...text, required: true })!,
    accepted: accepted!,
    declineReason: c.text(input.declineReason, 'declineReason', { ...text, required: accepted === false }),
    questions: c.text(input.questions, 'questions', text),
    readBackCheck: readCheck(c, input.readBackCheck),
  });
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface AckBuildContext extends Pick<BuildContext, 'id' | 'now' | 'messages' | 'fieldLabels'> {
  /** The handoff being acknowledged: a read-back that only repeats its recap is refused. */
  handoff?: Pick<HandoffV1, 'recap'>;
}

/**
 * Builds a `handoff-ack/v1` from the receiver's input: their read-back in their own words, whether they
 * accept, and why not. A decline must say why, so the sender can turn to the contingency.
 */
export function buildAck(draft: HandoffAckDraft, context: AckBuildContext = {}): AckBuildResult {
  const c = new Checker({ mode: 'draft', messages: context.messages, fieldLabels: context.fieldLabels });
  const input = c.object(draft, '', ACK_KEYS, true) ?? {};
  const body = readAck(c, input);
  const recap = context.handoff?.recap.summary;
  if (body.readBack && recap && words(body.readBack) === words(recap)) c.fail('readBack', 'read-back-verbatim');
  if (c.errors.length) return { ok: false, errors: c.errors };
  const at = (context.now ?? (() => new Date()))().toISOString();
  return { ok: true, payload: { schema: HANDOFF_ACK_SCHEMA, id: context.id ?? crypto.randomUUID(), ...body, at } };
}

/** Checks a finished acknowledgement exactly as `schema/handoff-ack.v1.json` does. */
export function validateAck(
  payload: unknown,
  context: Pick<BuildContext, 'messages' | 'fieldLabels'> = {},
): FieldError[] {
  const c = new Checker({ mode: 'payload', messages: context.messages, fieldLabels: context.fieldLabels });
  const input = c.object(payload, '', [...ACK_KEYS, ...GENERATED], true);
  if (!input) return c.errors;
  c.exact(input.schema, 'schema', HANDOFF_ACK_SCHEMA);
  c.uuid(input.id, 'id', true);
  c.dateTime(input.at, 'at', true);
  readAck(c, input);
  return c.errors;
}
