// The JSON Schema files and the runtime validator (which mirrors the TypeScript types) must agree:
// every fixture is checked against both, with ajv as the reference JSON Schema implementation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { validateAck, validateHandoff } from '../../src/payload/index.js';
import {
  FULL_PAYLOAD,
  INVALID_ACKS,
  INVALID_HANDOFFS,
  MINIMAL_PAYLOAD,
  VALID_ACKS,
  clone,
} from '../fixtures/handoffs.js';

const loadSchema = (name: string) => JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const schemaValid = ajv.compile(loadSchema('handoff.v1.json'));
const ackSchemaValid = ajv.compile(loadSchema('handoff-ack.v1.json'));

const agrees = (payload: unknown) => {
  const bySchema = schemaValid(payload);
  const errors = validateHandoff(payload);
  return { bySchema, byValidator: errors.length === 0, errors, schemaErrors: schemaValid.errors };
};

describe('handoff/v1: JSON Schema and runtime validator agree', () => {
  const valid: [string, unknown][] = [
    ['full payload', FULL_PAYLOAD],
    ['minimal payload', MINIMAL_PAYLOAD],
    [
      '2,001 emoji fit a 4,000 code-point summary',
      { ...clone(FULL_PAYLOAD), recap: { ...FULL_PAYLOAD.recap, summary: '😀'.repeat(2001) } },
    ],
    ['XSS-looking text is just data', { ...clone(FULL_PAYLOAD), nextSteps: '<img src=x onerror=alert(1)>' }],
    [
      "an organisation's fields, checklist and timing",
      {
        ...clone(FULL_PAYLOAD),
        extensions: { orderNumber: 'NW-204518', orderValue: 54.99, giftWrap: false },
        template: {
          id: 'northwind-retail',
          version: '2026-12',
          checklist: [{ id: 'offered', label: 'Offered', checked: true }],
        },
        timing: [{ field: 'actions[0].due', kind: 'before-receiver-can-act', canActAt: '2026-11-25T09:00:00Z' }],
      },
    ],
    ['in-person channel needs no contingency', { ...clone(MINIMAL_PAYLOAD), channel: 'in-person' }],
    [
      'a decline path for each enum',
      {
        ...clone(FULL_PAYLOAD),
        mode: 'blind',
        priority: 'urgent',
        reason: { code: 'absence-cover', detail: 'On leave' },
      },
    ],
  ];
  for (const [name, payload] of valid) {
    it(`accepts: ${name}`, () => {
      const r = agrees(payload);
      assert.equal(r.bySchema, true, JSON.stringify(r.schemaErrors));
      assert.deepEqual(r.errors, []);
    });
  }

  for (const { name, path, mutate } of INVALID_HANDOFFS) {
    it(`rejects: ${name}`, () => {
      const payload = clone(FULL_PAYLOAD) as unknown as Record<string, unknown>;
      mutate(payload);
      const r = agrees(payload);
      assert.equal(r.bySchema, false, 'the JSON Schema accepted it');
      assert.ok(
        r.errors.some((e) => e.path === path),
        `validator reported ${JSON.stringify(r.errors.map((e) => e.path))}, expected ${path}`,
      );
    });
  }
});

describe('handoff-ack/v1: JSON Schema and runtime validator agree', () => {
  VALID_ACKS.forEach((ack, i) => {
    it(`accepts valid acknowledgement ${i + 1}`, () => {
      assert.equal(ackSchemaValid(ack), true, JSON.stringify(ackSchemaValid.errors));
      assert.deepEqual(validateAck(ack), []);
    });
  });
  for (const { name, path, mutate } of INVALID_ACKS) {
    it(`rejects: ${name}`, () => {
      const ack = clone(VALID_ACKS[0]) as unknown as Record<string, unknown>;
      mutate(ack);
      assert.equal(ackSchemaValid(ack), false, 'the JSON Schema accepted it');
      const errors = validateAck(ack);
      assert.ok(
        errors.some((e) => e.path === path),
        `validator reported ${JSON.stringify(errors.map((e) => e.path))}, expected ${path}`,
      );
    });
  }
});

describe('package metadata', () => {
  it('src/version.ts matches package.json', async () => {
    const { VERSION } = await import('../../src/version.js');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(VERSION, pkg.version);
  });
});
