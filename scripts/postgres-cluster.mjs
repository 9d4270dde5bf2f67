// A throwaway PostgreSQL cluster for the tests and benchmarks: initdb into a temporary folder, pg_ctl
// on a free loopback port, stopped (and the folder removed) afterwards. Nothing depends on a system
// service. As root (CI), initdb and pg_ctl run as the `postgres` user, since initdb refuses root.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.mjs';

export const POSTGRES_HELP = [
  'PostgreSQL (initdb and pg_ctl) is missing; the receiver tests start a throwaway cluster with it.',
  '  Debian/Ubuntu: apt-get install -y postgresql   (nothing needs to run as a service)',
  '  macOS:         brew install postgresql@15',
  '  Or set PG_BIN to the folder that holds initdb and pg_ctl.',
].join('\n');

/** The folder with initdb and pg_ctl: PG_BIN, Debian's /usr/lib/postgresql/<newest>/bin, or PATH. */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  candidates.push(...(process.env.PATH ?? '').split(':').filter(Boolean));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

function runner() {
  if (process.getuid?.() !== 0)
    return { run: (cmd, args) => execFileSync(cmd, args, { stdio: 'pipe' }), own: () => {} };
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  return {
    run: (cmd, args) => execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }),
    own: (path) => chownSync(path, uid, gid),
  };
}

/**
 * Starts a cluster; resolves `{ url, pid, stop() }`. The cluster is also stopped if this process exits
 * without calling stop().
 */
export async function startCluster() {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_HELP);
  const { run, own } = runner();
  const dir = mkdtempSync(join(tmpdir(), 'handoff-pg-'));
  own(dir);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run(join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    run(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      '-w',
      '-l',
      join(dir, 'log'),
      'start',
    ]);
  } catch (error) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start PostgreSQL: ${error.stderr?.toString() || error.message}\n${log}`);
  }
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(process.getuid?.() === 0 ? 'runuser' : join(bin, 'pg_ctl'), [
      ...(process.getuid?.() === 0 ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []),
      '-D',
      data,
      '-m',
      'immediate',
      'stop',
    ]);
    rmSync(dir, { recursive: true, force: true });
  };
  // A test run cut short (Ctrl-C, a timeout's SIGTERM) must not leave a cluster behind either.
  const onSignal = (signal) => {
    stopNow();
    process.kill(process.pid, signal);
  };
  process.once('exit', stopNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pid,
    async stop() {
      process.removeListener('exit', stopNow);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      stopNow();
    },
  };
}

/** Creates the database `name` in the cluster at `url`; resolves the new database's URL. */
export async function createDatabase(url, name) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return dbUrl.toString();
}
