// Crashes and disk failures under the reference receiver's JSON-lines log: every request answered 2xx
// is still there after restarts, a torn tail is repaired, corruption in the middle stops the start,
// and a failed fsync fails only its own request.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';
import { post, startReceiver } from './receiver-helpers.js';
// @ts-expect-error -- plain JavaScript module without declarations
import { openStore, CorruptLogError } from '../../receiver/stores/json-lines-log.mjs';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'receiver-store-'));
  dirs.push(dir);
  return join(dir, 'handoffs.jsonl');
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The file system, with `beforeSync(path)` called before every fsync (it may throw to fail it). */
function watchingSyncs(beforeSync: (path: string) => void) {
  return {
    ...fs,
    open: async (path: string, flags: string) => {
      const handle = await fs.open(path, flags);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        beforeSync(path);
        return sync();
      };
      return handle;
    },
  };
}

const fresh = () => ({ ...clone(FULL_PAYLOAD), id: crypto.randomUUID() });
const send = (url: string, payload: { id: string }) =>
  post(`${url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
const inboxIds = async (url: string) =>
  ((await (await fetch(`${url}/handoffs`)).json()) as { id: string }[]).map((h) => h.id).sort();

describe('the receiver’s log after a crash', () => {
  it('cuts a torn last line off on start, so the next answered record is not glued to it and lost', async () => {
    const file = tempFile();
    let server = await startReceiver(file);
    const first = fresh();
    assert.equal((await send(server.url, first)).status, 201);
    await server.stop();
    // A crash in the middle of the next append leaves a fragment without its newline.
    appendFileSync(file, '{"kind":"handoff","key":"torn-');

    server = await startReceiver(file);
    const second = fresh();
    assert.equal((await send(server.url, second)).status, 201);
    await server.stop();

    server = await startReceiver(file);
    assert.deepEqual(await inboxIds(server.url), [first.id, second.id].sort());
    // A retry of the second is recognised, not applied as new.
    const retry = await send(server.url, second);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    await server.stop();
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.length, 3);
    assert.ok(lines.slice(0, 2).every((line) => JSON.parse(line)));
  });

  it('keeps a last record that lost only its newline, and starts the next one on a line of its own', async () => {
    const file = tempFile();
    let server = await startReceiver(file);
    const first = fresh();
    await send(server.url, first);
    await server.stop();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n$/, ''));
    server = await startReceiver(file);
    const second = fresh();
    await send(server.url, second);
    await server.stop();
    server = await startReceiver(file);
    assert.deepEqual(await inboxIds(server.url), [first.id, second.id].sort());
    await server.stop();
  });

  it('refuses to start on corruption in the middle, saying where, and leaves the file as it was', async () => {
    const file = tempFile();
    const server = await startReceiver(file);
    await send(server.url, fresh());
    await send(server.url, fresh());
    await server.stop();
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[0] = lines[0]!.slice(0, 50);
    const corrupt = lines.join('\n');
    writeFileSync(file, corrupt);
    await assert.rejects(startReceiver(file), (error: Error) => {
      assert.ok(error instanceof CorruptLogError);
      assert.match(error.message, /line 1 \(byte 0\) is not a complete record, and complete records follow it/);
      assert.match(error.message, /Restore the file from a backup/);
      return true;
    });
    assert.equal(readFileSync(file, 'utf8'), corrupt);
  });

  it('a failed fsync fails only its own request (503); later writes and its retry are stored', async () => {
    const file = tempFile();
    let failNextSync = false;
    const flakyFs = watchingSyncs(() => {
      if (!failNextSync) return;
      failNextSync = false;
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    });
    let server = await startReceiver({ dataFile: file, fs: flakyFs });
    const failed = fresh();
    failNextSync = true;
    const res = await send(server.url, failed);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '1');
    const later = fresh();
    assert.equal((await send(server.url, later)).status, 201);
    assert.equal((await send(server.url, failed)).status, 201, 'the retry of the failed one');
    await server.stop();
    server = await startReceiver(file);
    assert.deepEqual(await inboxIds(server.url), [failed.id, later.id].sort());
    await server.stop();
    // The failed write was cut back: each record is in the log once.
    assert.equal(readFileSync(file, 'utf8').trim().split('\n').length, 2);
  });

  it('a failed write that cannot be cut back stops further writes (503) until a restart repairs the log', async () => {
    const file = tempFile();
    let fail = false;
    const brokenFs = {
      ...fs,
      open: async (path: string, flags: string) => {
        const handle = await fs.open(path, flags);
        const append = handle.appendFile.bind(handle);
        const truncate = handle.truncate.bind(handle);
        handle.appendFile = async (data: string | Uint8Array) => {
          if (!fail) return append(data);
          await append(String(data).slice(0, 20)); // half a record reaches the disk
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        };
        handle.truncate = async (len?: number) => {
          if (fail) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
          return truncate(len);
        };
        return handle;
      },
    };
    let server = await startReceiver({ dataFile: file, fs: brokenFs });
    const kept = fresh();
    assert.equal((await send(server.url, kept)).status, 201);
    fail = true;
    assert.equal((await send(server.url, fresh())).status, 503);
    fail = false;
    // The half record is still in the file: appending after it would corrupt the log.
    assert.equal((await send(server.url, fresh())).status, 503);
    await server.stop();
    server = await startReceiver(file);
    assert.deepEqual(await inboxIds(server.url), [kept.id]);
    const next = fresh();
    assert.equal((await send(server.url, next)).status, 201);
    await server.stop();
    server = await startReceiver(file);
    assert.deepEqual(await inboxIds(server.url), [kept.id, next.id].sort());
    await server.stop();
  });

  it('fsyncs the folder when the log is created', async () => {
    const file = tempFile();
    const synced: string[] = [];
    const watchingFs = watchingSyncs((path) => void synced.push(path));
    const store = await openStore(file, { fs: watchingFs });
    await store.close();
    assert.deepEqual(synced, [join(file, '..')]);
    // A log in folders that do not exist yet: each new folder's entry is made durable too.
    synced.length = 0;
    const nested = join(file, '..', 'a', 'b', 'handoffs.jsonl');
    await (await openStore(nested, { fs: watchingFs })).close();
    assert.deepEqual(synced, [join(nested, '..'), join(nested, '..', '..'), join(nested, '..', '..', '..')]);
  });

  it('a receiver killed (SIGKILL) mid-traffic loses no request it answered 201', async () => {
    const file = tempFile();
    const child = () =>
      new Promise<{ url: string; kill: () => Promise<void> }>((resolve, reject) => {
        const proc = spawn(process.execPath, ['--input-type=module', '-e', SERVE], {
          env: { ...process.env, DATA_FILE: file },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        proc.stdout.once('data', (chunk: Buffer) =>
          resolve({
            url: chunk.toString().trim(),
            kill: () =>
              new Promise((done) => {
                proc.once('exit', () => done());
                proc.kill('SIGKILL');
              }),
          }),
        );
        proc.once('error', reject);
      });
    const running = await child();
    const answered: string[] = [];
    let stop = false;
    const senders = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const payload = fresh();
        const res = await send(running.url, payload).catch(() => undefined);
        if (res?.status === 201) answered.push(payload.id);
      }
    });
    while (answered.length < 40) await new Promise((r) => setTimeout(r, 5));
    await running.kill();
    stop = true;
    await Promise.all(senders);

    const server = await startReceiver(file);
    const stored = new Set(await inboxIds(server.url));
    await server.stop();
    const lost = answered.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${answered.length} answered handoffs were lost`);
  });
});

/** A receiver in a process of its own, so it can be killed for real. Prints its URL when listening. */
const SERVE = `
import { createServer } from 'node:http';
import { createReceiver } from ${JSON.stringify(new URL('../../receiver/receiver.mjs', import.meta.url).href)};
const receiver = await createReceiver({ dataFile: process.env.DATA_FILE });
const server = createServer((req, res) => void receiver.handle(req, res).then((handled) => handled || res.writeHead(404).end()));
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
`;
