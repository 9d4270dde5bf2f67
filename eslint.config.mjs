import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.test-results/', 'coverage/', 'test/e2e/pages/apps-build/'] },
  js.configs.recommended,
  {
    files: ['src/**/*.ts'],
    extends: [
      ...tseslint.configs.strictTypeChecked,
      ...tseslint.configs.stylisticTypeChecked,
      litConfigs['flat/recommended'],
    ],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Templates and messages interpolate numbers on purpose.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Checked non-null assertions mark values a reader already validated and reported on.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // The checker's `fail()` returns undefined on purpose: "report, and there is no value".
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // It cannot see flags changed inside callbacks (a timeout's `timedOut`, a pump's `again`) nor that
      // `navigator` may be missing in workers and Node, so it flags exactly the checks that matter.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Wrapped around the script tag's files at build time: a classic browser script.
    files: ['build/amd-runtime.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['src/ui/**/*.ts'],
    // Lit calls template event listeners (@click=${this.method}) with `this` bound to the host element.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    extends: [...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  {
    files: ['demo/**/*.js', 'test/e2e/pages/**/*.js', 'bench/bare-element.js'],
    languageOptions: { globals: globals.browser },
  },
  // The benchmark runner is Node, but most of it runs inside the page through page.evaluate().
  { files: ['bench/run.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
