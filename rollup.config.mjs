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

/** Files of their own, each loaded only by a panel given what it serves: the directory, the template. */
const OWN_FILES = {
  directory:
    /[\\/]src[\\/](directory[\\/]|ui[\\/]handoff-panel[\\/](directory-feature|directory-source|receiver-picker)\.ts$)/,
  template: /[\\/]src[\\/]ui[\\/]handoff-panel[\\/]template-fields\.ts$/,
};
const ownFile = (id) => Object.keys(OWN_FILES).find((name) => OWN_FILES[name].test(id));

/**
 * Everything the first file does not import statically goes into one second file, except what only
 * the directory's or the template's code imports, which goes into a file of its own.
 */
function lazyChunk(id, { getModuleInfo, getModuleIds }) {
  lazyChunk.names ??= chunkNames([...getModuleIds()], getModuleInfo);
  return lazyChunk.names(id);
}

function chunkNames(ids, getModuleInfo) {
  const entry = ids.find((m) => getModuleInfo(m).isEntry);
  const first = staticGraph(entry, getModuleInfo);
  const roots = ids.filter((m) => getModuleInfo(m).dynamicImporters.length > 0);
  // What the panel's file needs (the directory's hours for the timing warnings too) is in it, so that
  // the files never import each other; what two own files share is in it as well.
  const lazy = new Set(roots.filter((m) => !ownFile(m)).flatMap((m) => [...staticGraph(m, getModuleInfo)]));
  const owner = new Map();
  for (const root of roots.filter(ownFile))
    for (const m of staticGraph(root, getModuleInfo)) {
      if (first.has(m) || lazy.has(m)) continue;
      owner.set(m, owner.has(m) && owner.get(m) !== ownFile(root) ? 'lazy' : ownFile(root));
    }
  // All named: rollup would otherwise pull the first file's modules into the lazy one with their importers.
  return (id) => (first.has(id) ? 'first' : (owner.get(id) ?? 'lazy'));
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
