// Rollup plugins of the script-tag builds.
import { readFileSync } from 'node:fs';

const AMD_RUNTIME = readFileSync(new URL('./amd-runtime.js', import.meta.url), 'utf8');

/**
 * Wraps the two-step build's AMD files: the first file carries the private runtime (build/amd-runtime.js)
 * and runs at once; every other file hands its `define` call to that runtime. Nothing reaches the page's
 * own `define`/`require` (RequireJS on a CRM page), and no window property is added.
 */
export function amdRuntime() {
  return {
    name: 'handoff-amd-runtime',
    renderChunk(code, chunk) {
      const wrapped = chunk.isEntry
        ? `(function(){${AMD_RUNTIME}\nvar define=handoffAmd.define;\n${code}\n})();`
        : `(function(define){${code}\n})(globalThis[Symbol.for('handoff-panel:amd')].define);`;
      return { code: wrapped, map: null };
    },
  };
}

/**
 * Lit creates a Trusted Types policy named `lit-html` when its module runs. Our two script tags each
 * carry a copy of lit, and under a `trusted-types lit-html` directive without 'allow-duplicates' the
 * second copy's `createPolicy` throws and takes the whole bundle down. The copies share one policy
 * (lit's is the identity function) under a registered symbol; a name already taken by the page's own
 * Lit is reported with what to add, instead of failing to load.
 */
export function shareLitPolicy() {
  const pattern = /(\w+)\.createPolicy\("lit-html",(\{createHTML:(\w+)=>\3\})\)/;
  return {
    name: 'handoff-share-lit-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!pattern.test(code))
        this.error(
          `lit-html's Trusted Types policy was not found in ${id}: update shareLitPolicy() for this lit version.`,
        );
      return {
        code: code.replace(
          pattern,
          (_, tt, options) =>
            `(globalThis[Symbol.for("handoff-panel:lit-html-policy")]??=(()=>{try{return ${tt}.createPolicy("lit-html",${options})}catch(e){console.error("handoff-panel: Trusted Types refused the policy lit-html (another Lit on this page?): add 'allow-duplicates' to the trusted-types directive.",e)}})())`,
        ),
        map: null,
      };
    },
  };
}
