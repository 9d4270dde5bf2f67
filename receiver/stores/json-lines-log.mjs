// Durable storage for the reference receiver: an append-only JSON-lines log, fsync'd before a request
// is answered, replayed on start. Chosen over an embedded database because a handoff is written once
// and never updated (acks are appended too): a log is the whole need, with no native build step.
//
// Crash rules:
// - A torn tail (bytes after the last newline that are not a whole record) was never acknowledged:
//   it is cut off on open, so the next record starts on a line of its own.
// - A line that is not a record with complete records after it is corruption, not a crash: the
//   store refuses to open and says where, and changes nothing.
// - A write or fsync that fails fails only its own request: the log is cut back to its last good
//   length, and later writes go on.
import * as nodeFs from 'node:fs/promises';
import { dirname } from 'node:path';

const NEWLINE = 0x0a;

export class CorruptLogError extends Error {
  name = 'CorruptLogError';
}

/**
 * Splits the log into records. Returns the records, the byte length of the last complete record's
 * end, and whether a whole record lacks only its final newline.
 */
export function parseLog(buffer, file = 'the log') {
  const records = [];
  let start = 0;
  let line = 0;
  while (start < buffer.length) {
    const end = buffer.indexOf(NEWLINE, start);
    line++;
    if (end === -1) {
      const tail = buffer.subarray(start);
      const record = parseRecord(tail);
      if (record) return { records: [...records, record], goodLength: buffer.length, missingNewline: true };
      return { records, goodLength: start, missingNewline: false, tornBytes: tail.length };
    }
    const text = buffer.subarray(start, end);
    if (text.some((byte) => byte !== 0x20 && byte !== 0x0d)) {
      const record = parseRecord(text);
      if (!record) {
        throw new CorruptLogError(
          `${file}: line ${line} (byte ${start}) is not a complete record, and complete records follow it. ` +
            'This is corruption in the middle of the log, not a crash during a write, so the receiver will not start ' +
            'and has changed nothing. Restore the file from a backup, or move it aside to start with an empty log.',
        );
      }
      records.push(record);
    }
    start = end + 1;
  }
  return { records, goodLength: buffer.length, missingNewline: false };
}

function parseRecord(bytes) {
  try {
    const record = JSON.parse(bytes.toString('utf8'));
    return record && typeof record === 'object' && typeof record.key === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the log at `file` (or an in-memory store without one). `fs` is injectable so tests can make
 * a write or an fsync fail.
 */
export async function openStore(file, { fs = nodeFs } = {}) {
  if (!file) return { takeRecords: () => [], append: async () => undefined, close: async () => undefined };
  // The first folder mkdir made (if any): its parent's entry for it must be made durable too.
  const createdFolder = await fs.mkdir(dirname(file), { recursive: true });
  const existing = await fs
    .readFile(file)
    .catch((error) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  const parsed = existing ? parseLog(existing, file) : { records: [], goodLength: 0, missingNewline: false };
  const { goodLength, missingNewline } = parsed;
  let records = parsed.records;
  const handle = await fs.open(file, 'a');
  let length = goodLength;
  try {
    if (existing && goodLength < existing.length) {
      await handle.truncate(goodLength);
      await handle.sync();
    }
    if (missingNewline) {
      await handle.appendFile('\n');
      await handle.sync();
      length += 1;
    }
    if (!existing) await syncDirectory(fs, dirname(file));
    if (createdFolder) await syncFoldersUpTo(fs, dirname(file), createdFolder);
  } catch (error) {
    await handle.close();
    throw error;
  }

  let queue = Promise.resolve();
  /** Set when a failed write could not be cut back: nothing more is appended until a restart repairs it. */
  let broken;
  return {
    /** What was in the log on start, handed over once: the store keeps no copy of its own. */
    takeRecords() {
      const taken = records;
      records = [];
      return taken;
    },
    /** Appends a record; resolves once it is on disk. Writes are serialised; a failed one is undone. */
    append(record) {
      const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
      const write = async () => {
        if (broken) throw broken;
        try {
          await handle.appendFile(line);
          await handle.sync();
          length += line.length;
        } catch (error) {
          // Whatever part of the line reached the file must not glue itself to the next record.
          await handle.truncate(length).catch((cause) => {
            broken = new Error(
              `The log could not be cut back after a failed write (${cause.message}); restart the receiver to repair it.`,
            );
          });
          throw error;
        }
      };
      const written = queue.then(write);
      queue = written.catch(() => undefined);
      return written;
    },
    close: () => queue.then(() => handle.close()),
  };
}

/** Folders mkdir created, from the innermost up to the first one's parent: each entry made durable. */
async function syncFoldersUpTo(fs, innermost, firstCreated) {
  for (let dir = innermost; ; dir = dirname(dir)) {
    const parent = dirname(dir);
    await syncDirectory(fs, parent);
    if (dir === firstCreated || parent === dir) return;
  }
}

/** A new file's directory entry is only durable once the directory itself is fsync'd. */
async function syncDirectory(fs, dir) {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
