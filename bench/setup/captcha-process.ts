import { fork } from 'node:child_process';
import path from 'node:path';
import { startFakeHcaptcha } from '../../tests/setup/fake-hcaptcha.ts';

// The fake siteverify in a process of its own. In the bench's own process it
// answered from the event loop that also drives autocannon, so the product's
// receipts waited for the load generator: a cost the bare insert (which
// checks no captcha) never paid.

if (process.send && process.env.BENCH_CAPTCHA_CHILD === '1') {
  const captcha = await startFakeHcaptcha();
  process.send({ verifyUrl: captcha.verifyUrl, scriptUrl: captcha.scriptUrl });
  process.on('SIGTERM', () => void captcha.close().then(() => process.exit(0)));
}

export async function startCaptchaProcess() {
  const child = fork(path.resolve('bench/setup/captcha-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_CAPTCHA_CHILD: '1' },
  });
  const urls = await new Promise<{ verifyUrl: string; scriptUrl: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { verifyUrl: string; scriptUrl: string }));
    child.once('exit', (code) => reject(new Error(`the fake hCaptcha exited with ${code}`)));
  });
  return {
    ...urls,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
