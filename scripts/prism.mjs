// Prism's validating proxy (`@stoplight/prism-cli`, the 5.14 line for Node 20) in front of a receiver,
// checking requests and answers against schema/openapi.json. Without `--errors` it forwards everything
// and reports what does not match in an `sl-violations` header (a JSON list of { location, severity,
// message }); CORS stays the receiver's own (`--cors=false`).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Starts `prism proxy` for `upstream`; resolves `{ url, stop() }` once it says it is listening. */
export function startPrism(upstream) {
  const child = spawn(
    `${ROOT}node_modules/.bin/prism`,
    ['proxy', `${ROOT}schema/openapi.json`, upstream, '-p', '0', '--cors=false'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log += chunk;
      const found = /Prism is listening on (http:\/\/[\d.:]+)/.exec(log);
      if (found) resolve({ url: found[1], stop: () => child.kill() });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`prism exited (${code}) before listening:\n${log}`)));
  });
}
