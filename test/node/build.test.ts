// The built artifacts: what `npm run build` must produce (scripts/test.mjs builds before the Node tests).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const exists = (path: string) => existsSync(new URL(`../../${path}`, import.meta.url));
const pkg = JSON.parse(read('package.json'));

describe('script-tag bundle', () => {
  it('is minified with lit in production mode and a source map', () => {
    const code = read('dist/handoff-panel.js');
    assert.ok(code.split('\n').length < 5, 'not minified');
    assert.ok(!code.includes('Lit is in dev mode'));
    assert.ok(exists('dist/handoff-panel.js.map'));
  });
});

describe('ESM library build', () => {
  it('emits .js, .d.ts and source maps for every module, importing lit and idb as packages', () => {
    const files = readdirSync(new URL('../../dist/esm/', import.meta.url), { recursive: true }).map(String);
    const modules = files.filter((f) => f.endsWith('.js'));
    assert.ok(modules.length > 5);
    for (const js of modules) {
      assert.ok(files.includes(js.replace(/\.js$/, '.d.ts')), `${js} has no .d.ts`);
      assert.ok(files.includes(`${js}.map`), `${js} has no source map`);
    }
  });

  it('resolves every path in the exports map, with types first', () => {
    for (const [entry, target] of Object.entries<string | Record<string, string>>(pkg.exports)) {
      const paths = typeof target === 'string' ? [target] : Object.values(target);
      if (typeof target !== 'string')
        assert.equal(Object.keys(target)[0], 'types', `${entry}: "types" must come first`);
      for (const path of paths) assert.ok(exists(path), `${entry} → ${path} is missing`);
    }
  });

  it("declares the stack's three runtime dependencies (@floating-ui/dom, idb, lit) and no others", () => {
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['@floating-ui/dom', 'idb', 'lit']);
  });

  it('imports the payload entry in Node without a DOM', async () => {
    const payload = await import(new URL('../../dist/esm/payload/index.js', import.meta.url).href);
    assert.equal(typeof payload.buildHandoff, 'function');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  });
});
