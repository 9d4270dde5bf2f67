// The read-back check alone, for the read-back benchmark (built by bench/run.mjs with esbuild).
import { checkReadBack } from '../src/read-back/index.ts';
import { FULL_PAYLOAD } from '../test/fixtures/handoffs.ts';

globalThis.benchReadBack = (text) => checkReadBack(FULL_PAYLOAD, text, { timeZone: 'Europe/London' });
