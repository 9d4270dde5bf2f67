// Starts a virtual display (when there is none) and WebKitWebDriver for the WebKit test run.
import { spawn } from 'node:child_process';
import { freePort } from './free-port.mjs';

function startXvfb() {
  return new Promise((resolve, reject) => {
    // -displayfd makes Xvfb pick a free display and tell us its number.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not report a display within 10 s')), 10_000);
    xvfb.once('error', reject);
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({ process: xvfb, display: `:${out.trim()}` });
      }
    });
  });
}

async function waitForDriver(port, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port}`);
}

/** Returns `{ port, display, stop() }`; call stop() when the run ends. */
export async function startWebKitDriver() {
  const children = [];
  let display = process.env.DISPLAY;
  if (!display) {
    const xvfb = await startXvfb();
    children.push(xvfb.process);
    display = xvfb.display;
  }
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  children.push(driver);
  const stop = () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
  };
  try {
    await waitForDriver(port, Date.now() + 15_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { port, display, stop };
}
