// Durable storage for the reference receiver: an append-only JSON-lines log, fsync'd before a request
// is answered, replayed on start. Chosen over an embedded database because a handoff is written once
// and never updated (acks are appended too): a log is the whole need, with no native build step.
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function openStore(file) {
  const records = [];
  if (file) {
    await mkdir(dirname(file), { recursive: true });
    const text = await readFile(file, 'utf8').catch((error) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        // A torn last line from a crash mid-write was never acknowledged to any client: skip it.
      }
    }
  }
  const handle = file ? await open(file, 'a') : undefined;
  let writing = Promise.resolve();
  return {
    records,
    /** Appends a record; resolves once it is on disk. Writes are serialised. */
    append(record) {
      records.push(record);
      if (!handle) return Promise.resolve();
      writing = writing.then(async () => {
        await handle.appendFile(`${JSON.stringify(record)}\n`);
        await handle.sync();
      });
      return writing;
    },
    close: () => handle?.close(),
  };
}
