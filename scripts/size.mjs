// `npm run size`: minified and gzip -9 bytes of the script-tag bundle and of the npm entry (deps excluded).
// Run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
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
    external: (id) => /^(lit|@lit|idb|@floating-ui)(\/|$)/.test(id),
    plugins: [
      nodeResolve(),
      terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  // The entry and what it imports statically: what a consumer's bundler splits off at a dynamic import
  // loads later, and is left out.
  const { output } = await bundle.generate({ format: 'es' });
  const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const reached = new Set();
  const visit = (name) => {
    if (reached.has(name) || !chunks.has(name)) return;
    reached.add(name);
    for (const dep of chunks.get(name).imports) visit(dep);
  };
  visit(output.find((c) => c.type === 'chunk' && c.isEntry).fileName);
  return [...reached].map((name) => chunks.get(name).code).join('\n');
}

/** What a consumer pays for one subpath import, everything it reaches included (deps excluded). */
const SUBPATHS = [
  ['define', 'dist/esm/define.js'],
  ['launcher', 'dist/esm/ui/handoff-launcher/handoff-launcher.js'],
  ['handoff-panel', 'dist/esm/ui/handoff-panel/handoff-panel.js'],
  ['receipt', 'dist/esm/ui/handoff-receipt/handoff-receipt.js'],
  ['outbox', 'dist/esm/outbox/index.js'],
  ['payload', 'dist/esm/payload/index.js'],
];

const file = (name) => readFileSync(`dist/${name}`, 'utf8');
const measure = (what, code) => ({ what, min: Buffer.byteLength(code), gzip: gzip(code) });

export async function measureSizes() {
  const first = file('handoff-panel.js');
  const lazyName = readdirSync('dist').find((name) => /^handoff-panel\.lazy-[\w-]+\.js$/.test(name));
  const lazy = file(lazyName);
  const directoryName = readdirSync('dist').find((name) => /^handoff-panel\.directory-[\w-]+\.js$/.test(name));
  const templateName = readdirSync('dist').find((name) => /^handoff-panel\.template-[\w-]+\.js$/.test(name));
  const receiptTag = file('handoff-receipt.js');
  const entry = await npmEntry('dist/esm/index.js');
  return [
    measure('script tag, first file (dist/handoff-panel.js)', first),
    measure(`script tag, the panel's file (dist/${lazyName})`, lazy),
    // Each file is compressed on its own on the wire: the sum of the two.
    {
      what: 'script tag, everything the sender loads (both files)',
      min: Buffer.byteLength(first) + Buffer.byteLength(lazy),
      gzip: gzip(first) + gzip(lazy),
    },
    measure(
      `script tag, the directory's file, loaded only with a directory (dist/${directoryName})`,
      file(directoryName),
    ),
    measure(
      `script tag, the template's file, loaded only with an organisation template (dist/${templateName})`,
      file(templateName),
    ),
    measure('script tag, one-file build (dist/handoff-panel.all.js)', file('handoff-panel.all.js')),
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
