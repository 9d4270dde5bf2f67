// `npm run size`: minified and gzip -9 bytes of the script-tag bundle and of the npm entry (deps excluded).
// Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The npm entry as a consumer's bundler would see it: minified, with lit and idb external. */
async function npmEntry(input) {
  const bundle = await rollup({
    input,
    external: (id) => /^(lit|@lit|idb)(\/|$)/.test(id),
    plugins: [
      nodeResolve(),
      terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  return output[0].code;
}

/** What a consumer pays for one subpath import, everything it reaches included (deps excluded). */
const SUBPATHS = [
  ['define', 'dist/esm/define.js'],
  ['handoff-panel', 'dist/esm/ui/handoff-panel/handoff-panel.js'],
  ['receipt', 'dist/esm/ui/handoff-receipt/handoff-receipt.js'],
  ['outbox', 'dist/esm/outbox/index.js'],
  ['payload', 'dist/esm/payload/index.js'],
];

export async function measureSizes() {
  const scriptTag = readFileSync('dist/handoff-panel.js', 'utf8');
  const receiptTag = readFileSync('dist/handoff-receipt.js', 'utf8');
  const entry = await npmEntry('dist/esm/index.js');
  return [
    {
      what: 'script-tag bundle (dist/handoff-panel.js, all inlined)',
      min: Buffer.byteLength(scriptTag),
      gzip: gzip(scriptTag),
    },
    {
      what: 'receiving side script tag (dist/handoff-receipt.js, all inlined)',
      min: Buffer.byteLength(receiptTag),
      gzip: gzip(receiptTag),
    },
    { what: 'npm entry (handoff-panel, deps excluded)', min: Buffer.byteLength(entry), gzip: gzip(entry) },
    ...(await Promise.all(
      SUBPATHS.map(async ([subpath, file]) => {
        const code = await npmEntry(file);
        return {
          what: `\`handoff-panel/${subpath}\` imported alone (deps excluded)`,
          min: Buffer.byteLength(code),
          gzip: gzip(code),
        };
      }),
    )),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measureSizes();
  console.log('| build | min | gzip -9 |\n|---|---:|---:|');
  for (const r of rows) console.log(`| ${r.what} | ${r.min} B (${kb(r.min)}) | ${r.gzip} B (${kb(r.gzip)}) |`);
}
