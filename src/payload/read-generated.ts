/** Shape checks of the fields the SDK generates, as the JSON Schema states them (payload mode). */
import type { Checker } from './checker.js';
import { QUALITY_CHECKS } from './checks.js';
import { LIMITS, TIMING_KINDS } from './types.js';

/** A field path as `redactions`, `quality.missing` and `timing` name it: `actions[0].due`. */
export const REDACTION_FIELD = /^[A-Za-z0-9_.[\]]{1,100}$/;

/** Checks `quality`'s shape only: receivers that rely on the score recompute it with `assessQuality`. */
export function readQuality(c: Checker, value: unknown): void {
  const quality = c.object(value, 'quality', ['score', 'max', 'missing']);
  if (!quality) return;
  c.count(quality.score, 'quality.score', 0);
  c.count(quality.max, 'quality.max', 1);
  c.list(quality.missing, 'quality.missing', { max: LIMITS.qualityMissing, required: true }, (entry, path) => {
    const miss = c.object(entry, path, ['check', 'field'], true);
    if (miss) {
      c.choice(miss.check, `${path}.check`, QUALITY_CHECKS);
      c.pattern(miss.field, `${path}.field`, 'not-text', (t) => REDACTION_FIELD.test(t), true);
    }
    return undefined;
  });
}

/** Checks `timing`'s shape: receivers that act on it recompute it with `timingWarnings`. */
export function readTiming(c: Checker, value: unknown): void {
  if (value === null) {
    c.fail('timing', 'not-a-list');
    return;
  }
  c.list(value, 'timing', { max: LIMITS.timing }, (entry, path) => {
    const warning = c.object(entry, path, ['field', 'kind', 'canActAt'], true);
    if (warning) {
      c.pattern(warning.field, `${path}.field`, 'not-text', (t) => REDACTION_FIELD.test(t), true);
      c.choice(warning.kind, `${path}.kind`, TIMING_KINDS);
      c.dateTime(warning.canActAt, `${path}.canActAt`);
    }
    return undefined;
  });
}
