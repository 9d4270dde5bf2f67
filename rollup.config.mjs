// The script-tag bundle: everything inlined, minified, one global `HandoffPanel`.
// (The ESM library build is plain `tsc` output: one file per module, dependencies external.)
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const iife = (input, file) => ({
  input,
  output: {
    file,
    // No exports: src/bundle.ts installs the global itself, after replaying the stub's queue.
    format: 'iife',
    sourcemap: true,
    generatedCode: 'es2015',
  },
  plugins: [
    // The production build of lit, without dev-mode warnings.
    nodeResolve({ exportConditions: ['production'], browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { declaration: false, declarationMap: false, outDir: 'dist', rootDir: 'src' },
      outputToFilesystem: false,
    }),
    // Lit's html`` and css`` literals: whitespace and comments out (every byte reaches every CRM page).
    minifyHTMLLiterals(),
    // module: false, or terser drops the top-level `var HandoffPanel` of the IIFE.
    terser({ module: false, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
  ],
});

export default [
  // The sender's side: panel, launcher, outbox status, the global `HandoffPanel`.
  iife('src/bundle.ts', 'dist/handoff-panel.js'),
  // The receiver's side, kept apart so every CRM page does not download it.
  iife('src/receipt-bundle.ts', 'dist/handoff-receipt.js'),
];
