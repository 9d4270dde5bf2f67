// The receiver contract on the default store, the JSON-lines log (receiver/stores/). Crashes in the
// middle of a write are in receiver-store.test.ts; hardening in receiver-hardening.test.ts.
import { after } from 'node:test';
import * as fs from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReceiverContract } from './receiver-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'receiver-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Commits wait on this while held: the file system's fsync does not return until released. */
let held: Promise<void> | undefined;
let waiting = 0;
const waiters = new Set<() => void>();
const holdingFs = {
  ...fs,
  open: async (path: string, flags: string) => {
    const handle = await fs.open(path, flags);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      if (held) {
        waiting++;
        for (const wake of waiters) wake();
        await held;
      }
      return sync();
    };
    return handle;
  },
};

describeReceiverContract('JSON-lines log', {
  options: async () => ({ dataFile: join(dir, `${crypto.randomUUID()}.jsonl`), fs: holdingFs }),
  async holdCommits() {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    waiting = 0;
    return {
      held: (count) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (waiting < count) return;
            waiters.delete(check);
            resolve();
          };
          waiters.add(check);
          check();
        }),
      async release() {
        release();
        held = undefined;
      },
    };
  },
  async storedCount({ dataFile }, id) {
    return readFileSync(dataFile!, 'utf8')
      .split('\n')
      .filter((line) => line && JSON.parse(line).payload.id === id).length;
  },
});
