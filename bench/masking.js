// The masking alone, for the masking benchmark (built by bench/run.mjs with esbuild).
import { maskText } from '../src/payload/redact.ts';

globalThis.benchMask = maskText;
