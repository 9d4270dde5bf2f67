// The npm package as consumers get it: `npm pack`, then a React 19 app and a plain rollup app install the
// tarball, build, typecheck against the shipped .d.ts, and complete a handoff in Chromium.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import { ReceiverControl, fillHandoff, useHarness, waitFor } from './harness.js';

const ROOT = resolve('.');
/** Served by the harness under /e2e/apps-build/ (and ignored by git). */
const APPS = join(ROOT, 'test/e2e/pages/apps-build');
const version = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string;
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    stdio: 'pipe',
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });

const REACT_APP = `
import { createRoot } from 'react-dom/client';
import { useEffect, useRef, useState } from 'react';
import 'handoff-panel/define';

const ns = new URLSearchParams(location.search).get('ns');

function App() {
  const panel = useRef(null);
  const [status, setStatus] = useState('idle');
  useEffect(() => {
    const el = panel.current;
    const onQueued = (e) => setStatus('queued ' + e.detail.payload.id);
    const onDelivered = (e) => setStatus('delivered ' + e.detail.id);
    el.addEventListener('handoff-queued', onQueued);
    el.addEventListener('handoff-delivered', onDelivered);
    return () => { el.removeEventListener('handoff-queued', onQueued); el.removeEventListener('handoff-delivered', onDelivered); };
  }, []);
  return (
    <main>
      <h1>React {React19Version}</h1>
      <handoff-panel ref={panel} case-id="C-R19" endpoint={'/r/' + ns + '/handoffs'}
        agent={{ agentId: 'react-1', name: 'React Agent' }} customer={{ name: 'Ada from React' }}
        config={{ outbox: { name: 'react-' + ns }, drafts: false }} />
      <p id="status">{status}</p>
    </main>
  );
}
createRoot(document.getElementById('root')).render(<App />);
`;

const TYPES_CHECK = `
import type { HandoffPanel } from 'handoff-panel';
import 'handoff-panel/define';
import { buildHandoff, type HandoffDraft } from 'handoff-panel/payload';

const panel: HandoffPanel = document.querySelector('handoff-panel')!;
const draft: HandoffDraft = { channel: 'chat', customer: { name: 'Ada' } };
panel.prefill(draft);
panel.addEventListener('handoff-delivered', (e) => e.detail.id.toUpperCase());
panel.addEventListener('handoff-submit', (e) => e.detail.recap.summary.length);
document.createElement('handoff-launcher').show();
// @ts-expect-error: events are typed, so a wrong field is an error
panel.addEventListener('handoff-delivered', (e) => e.detail.nope);
// @ts-expect-error: so are the draft's enums
buildHandoff({ channel: 'fax' });
`;

const PLAIN_APP = `
import 'handoff-panel/define';
import { Outbox } from 'handoff-panel/outbox';
const ns = new URLSearchParams(location.search).get('ns');
const outbox = new Outbox({ endpoint: '/r/' + ns + '/handoffs', name: 'plain-' + ns });
const panel = document.querySelector('handoff-panel');
panel.config = { outbox: { name: 'plain-' + ns }, drafts: false };
panel.endpoint = '/r/' + ns + '/handoffs';
panel.addEventListener('handoff-delivered', async () => {
  document.getElementById('status').textContent = 'delivered, ' + (await outbox.counts()).delivered + ' in the outbox';
});
`;

const page = (
  title: string,
  body: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>${title}</title>
<script type="module" src="app.js"></script></head><body>${body}</body></html>`;

describe('the npm package in apps (Chromium)', () => {
  const h = useHarness();
  let tarball: string;

  before(() => {
    rmSync(APPS, { recursive: true, force: true });
    mkdirSync(APPS, { recursive: true });
    tarball = join(APPS, npm(['pack', '--silent', '--pack-destination', APPS], ROOT).trim().split('\n').pop()!);
    const app = {
      private: true,
      type: 'module',
      dependencies: { 'handoff-panel': `file:${tarball}`, react: version('react'), 'react-dom': version('react-dom') },
    };
    writeFileSync(join(APPS, 'package.json'), JSON.stringify(app));
    npm(['install', '--no-package-lock', '--prefer-offline', '--ignore-scripts'], APPS);
  });

  it('the tarball ships the builds, types, schemas and custom-elements.json, and no sources or tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const f of [
      'package/dist/handoff-panel.js',
      'package/dist/esm/index.d.ts',
      'package/dist/custom-elements.json',
      'package/schema/handoff.v1.json',
      'package/README.md',
    ]) {
      assert.ok(files.includes(f), `${f} is missing`);
    }
    assert.deepEqual(
      files.filter((f) => /^package\/(src|test|demo)\//.test(f)),
      [],
    );
    const pkg = JSON.parse(readFileSync(join(APPS, 'node_modules/handoff-panel/package.json'), 'utf8'));
    assert.equal(pkg.customElements.replace(/^\.\//, ''), 'dist/custom-elements.json');
  });

  it('typechecks a consumer against the shipped .d.ts: tag names, events and drafts are typed', () => {
    writeFileSync(join(APPS, 'types-check.ts'), TYPES_CHECK);
    const compilerOptions = {
      noEmit: true,
      strict: true,
      target: 'es2022',
      module: 'es2022',
      moduleResolution: 'bundler',
      lib: ['es2022', 'dom', 'dom.iterable'],
      types: [],
    };
    writeFileSync(join(APPS, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['types-check.ts'] }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: APPS, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      assert.fail(`the consumer does not typecheck:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
  });

  it('a React 19 app sets properties, listens to events and completes a handoff', async () => {
    const dir = join(APPS, 'react');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.jsx'), REACT_APP.replace('{React19Version}', version('react')));
    writeFileSync(join(dir, 'index.html'), page('React app', '<div id="root"></div>'));
    await build({
      entryPoints: [join(dir, 'main.jsx')],
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      outfile: join(dir, 'app.js'),
      absWorkingDir: APPS,
      define: { 'process.env.NODE_ENV': '"production"' },
      minify: true,
      logLevel: 'silent',
    });

    const receiver = new ReceiverControl(h.current.origin);
    const tab = await h.current.browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${h.current.origin}/e2e/apps-build/react/index.html?ns=${receiver.ns}`);
    const panel = tab.locator('handoff-panel');
    assert.equal(await panel.getByLabel('Customer name').inputValue(), 'Ada from React'); // an object property
    assert.equal(await panel.getByLabel('Your name').inputValue(), 'React Agent');
    await fillHandoff(panel, { channel: 'email', summary: 'Sent from a React 19 app.' });
    await panel.getByRole('button', { name: 'Send handoff' }).click();
    await waitFor(
      async () => (await tab.locator('#status').innerText()).startsWith('delivered '),
      'React to hear the delivery',
    );
    const stats = await receiver.stats();
    assert.equal(stats.distinctIds, 1);
    assert.equal(await tab.locator('#status').innerText(), `delivered ${stats.ids[0]}`);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('a plain rollup app imports the elements and the outbox, and completes a handoff', async () => {
    const dir = join(APPS, 'plain');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.js'), PLAIN_APP);
    writeFileSync(
      join(dir, 'index.html'),
      page(
        'plain app',
        '<handoff-panel case-id="C-P" agent-id="p-1" agent-name="Plain" customer-name="Ada"></handoff-panel><p id="status"></p>',
      ),
    );
    const bundle = await rollup({
      input: join(dir, 'main.js'),
      plugins: [nodeResolve({ rootDir: APPS, exportConditions: ['production'] })],
      onwarn: () => undefined,
    });
    // output.dir: the launcher's panel and the outbox's validators are dynamic imports, split into files
    // of their own (with output.file, rollup needs inlineDynamicImports; see the README).
    await bundle.write({ dir, format: 'es', entryFileNames: 'app.js' });

    const receiver = new ReceiverControl(h.current.origin);
    const tab = await h.current.browser.newPage();
    await tab.goto(`${h.current.origin}/e2e/apps-build/plain/index.html?ns=${receiver.ns}`);
    const panel = tab.locator('handoff-panel');
    await fillHandoff(panel, {
      reason: 'escalation',
      mode: 'Warm (I stay on until they take over)',
      summary: 'Sent from a plain rollup app.',
      team: 'Billing',
    });
    await panel.getByRole('button', { name: 'Send handoff' }).click();
    await waitFor(
      async () => (await tab.locator('#status').innerText()) === 'delivered, 1 in the outbox',
      'the delivery',
    );
    assert.equal((await receiver.stats()).distinctIds, 1);
    await tab.close();
  });

  it('tree-shakes: an app that imports only the payload core bundles no Lit, no idb and no element', async () => {
    const entry = join(APPS, 'payload-only.js');
    writeFileSync(entry, "import { buildHandoff } from 'handoff-panel/payload';\nconsole.log(buildHandoff({}).ok);\n");
    const bundle = await rollup({ input: entry, plugins: [nodeResolve({ rootDir: APPS })], onwarn: () => undefined });
    const { output } = await bundle.generate({ format: 'es' });
    const code = output[0].code;
    for (const marker of ['LitElement', 'customElements', 'indexedDB', 'computePosition'])
      assert.ok(!code.includes(marker), `${marker} was bundled`);
    assert.ok(code.includes('buildHandoff'));
  });
});
