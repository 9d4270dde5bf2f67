// The demo server (`npm start`) in front of the reference receiver: it serves only what it mounts,
// never dot-paths or the stored handoffs, survives bad URLs, and answers only its loopback names.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { relative } from 'node:path';
// @ts-expect-error -- plain JavaScript module without declarations
import { checkDataFile, createDemoServer, DEFAULT_DATA_FILE, MOUNTS, ROOT } from '../../demo/server.mjs';
// @ts-expect-error -- plain JavaScript module without declarations
import { createReceiver } from '../../receiver/receiver.mjs';

/** A raw GET, so the path and Host header go out exactly as written. */
function rawGet(
  port: number,
  path: string,
  host = `127.0.0.1:${port}`,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('demo server', () => {
  let server: Server;
  let port: number;
  let receiver: { close(): Promise<void> };
  before(async () => {
    receiver = await createReceiver();
    server = createDemoServer({ receiver });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await receiver.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps its data outside every folder it serves', () => {
    const data = relative(ROOT, DEFAULT_DATA_FILE);
    for (const folder of Object.values(MOUNTS) as string[])
      assert.ok(!data.startsWith(`${folder}/`), `${data} is under ${folder}`);
    assert.match(data, /^\.data\//);
  });

  it('refuses to start with RECEIVER_DATA inside a folder it serves', () => {
    assert.throws(() => checkDataFile('demo/handoffs.jsonl'), /is inside .*demo\/, which the demo serves/);
    assert.throws(() => checkDataFile(`${ROOT}/dist/x.jsonl`), /which the demo serves/);
    assert.equal(checkDataFile(DEFAULT_DATA_FILE), DEFAULT_DATA_FILE);
  });

  it('never serves a dot-path: not the data, not .git, not an encoded one', async () => {
    for (const path of [
      '/.data/handoffs.jsonl',
      '/.git/config',
      '/%2egit/config',
      '/scenarios/.hidden.json',
      '/dist/.cache',
      '/..%2f.data/handoffs.jsonl',
    ]) {
      const res = await rawGet(port, path);
      assert.equal(res.status, 404, path);
    }
  });

  it('answers 400 to a badly encoded path and keeps running', async () => {
    assert.equal((await rawGet(port, '/%')).status, 400);
    assert.equal((await rawGet(port, '/%E0%A4%A')).status, 400);
    assert.equal((await rawGet(port, '/')).status, 200);
  });

  it('answers only to its loopback names (no DNS rebinding)', async () => {
    assert.equal((await rawGet(port, '/', `localhost:${port}`)).status, 200);
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`]) {
      assert.equal((await rawGet(port, '/', host)).status, 421, host);
      assert.equal((await rawGet(port, '/handoffs', host)).status, 421, host);
    }
  });

  it('forbids framing of its pages and sniffing of what it sends', async () => {
    const res = await rawGet(port, '/');
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
    const json = await rawGet(port, '/handoffs');
    assert.equal(json.headers['x-content-type-options'], 'nosniff');
  });
});
