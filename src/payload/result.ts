import type { FieldError } from './checker.js';

/** What building a payload gives: the payload, or every problem at its field. */
export type Result<T> =
  { ok: true; payload: T; errors?: undefined } | { ok: false; errors: FieldError[]; payload?: undefined };
