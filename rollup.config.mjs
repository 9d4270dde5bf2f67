// The script-tag builds: everything inlined and minified, one global `HandoffPanel`.
// (The ESM library build is plain `tsc` output: one file per module, dependencies external.)
//
// - dist/handoff-panel.js, the two-step script tag: a first file with what every CRM page needs (the
//   global and its call queue, <handoff-launcher>, <handoff-outbox-status>, the outbox), and the panel in
//   a second file (handoff-panel.lazy-<hash>.js) it loads beside itself when the panel is first needed.
// - dist/handoff-panel.all.js, the same in one file, for integrators who prefer one request.
// - dist/handoff-receipt.js, the receiving side, kept apart so every CRM page does not download it.
// - dist/handoff-insights.js, the team lead's view the reference receiver serves with /insights.html.
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { amdRuntime, shareLitPolicy } from './build/rollup-plugins.mjs';

const plugins = (...extra) => [
  // The production build of lit, without dev-mode warnings.
  nodeResolve({ exportConditions: ['production'], browser: true }),
  shareLitPolicy(),
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { declaration: false, declarationMap: false, outDir: 'dist', rootDir: 'src' },
    outputToFilesystem: false,
  }),
  // Lit's html`` and css`` literals: whitespace and comments out (every byte reaches every CRM page).
  minifyHTMLLiterals(),
  ...extra,
  // module: false, or terser drops the top-level `var HandoffPanel` of the IIFE.
  terser({ module: false, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
];

// No exports: src/bundle.ts installs the global itself, after replaying the stub's queue.
const iife = (input, file) => ({
  input,
  output: { file, format: 'iife', sourcemap: true, generatedCode: 'es2015', inlineDynamicImports: true },
  plugins: plugins(),
});

/** The receiver directory's modules: a third file, loaded only by a panel given a directory. */
const DIRECTORY =
  /[\\/]src[\\/](directory[\\/]|ui[\\/]handoff-panel[\\/](directory-feature|directory-source|receiver-picker)\.ts$)/;

/**
 * Everything the first file does not import statically goes into one second file, except the
 * directory, which goes into a third (with what only it imports).
 */
function lazyChunk(id, { getModuleInfo, getModuleIds }) {
  const ids = [...getModuleIds()];
  const entry = ids.find((m) => getModuleInfo(m).isEntry);
  const first = (lazyChunk.first ??= staticGraph(entry, getModuleInfo));
  // All named: rollup would otherwise pull the first file's modules into the lazy one with their importers.
  if (first.has(id)) return 'first';
  // What the panel's file needs (the directory's hours for the timing warnings too) is in it: the
  // directory's file holds only what nothing else imports, so that the two never import each other.
  lazyChunk.lazy ??= lazyReach(ids, getModuleInfo);
  return lazyChunk.lazy.has(id) ? 'lazy' : 'directory';
}

/** Every module a dynamic import other than the directory's reaches statically. */
function lazyReach(ids, getModuleInfo) {
  const roots = ids.filter((m) => getModuleInfo(m).dynamicImporters.length > 0 && !DIRECTORY.test(m));
  const reached = new Set();
  for (const root of roots) for (const m of staticGraph(root, getModuleInfo)) reached.add(m);
  return reached;
}

function staticGraph(entry, getModuleInfo) {
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const dep of getModuleInfo(id).importedIds) visit(dep);
  };
  visit(entry);
  return seen;
}

export default [
  {
    input: { 'handoff-panel': 'src/bundle.ts' },
    // Chunks that import each other never finish loading (the panel's file waited forever): a build error.
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_CHUNK') throw new Error(warning.message);
      warn(warning);
    },
    output: {
      dir: 'dist',
      format: 'amd',
      sourcemap: true,
      generatedCode: 'es2015',
      entryFileNames: '[name].js',
      chunkFileNames: 'handoff-panel.[name]-[hash].js',
      manualChunks: lazyChunk,
    },
    plugins: plugins(amdRuntime()),
  },
  iife('src/bundle.ts', 'dist/handoff-panel.all.js'),
  iife('src/receipt-bundle.ts', 'dist/handoff-receipt.js'),
  iife('src/insights-bundle.ts', 'dist/handoff-insights.js'),
];
