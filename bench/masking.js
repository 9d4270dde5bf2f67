// The masking alone, for the masking benchmark (built by bench/run.mjs with esbuild).
import { maskText } from '../src/payload/redact.ts';

window.benchMask = maskText;
