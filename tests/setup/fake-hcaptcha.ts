import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for hCaptcha, over real HTTP, that holds the server to the
// siteverify contract (https://docs.hcaptcha.com/#verify-the-user-response-server-side):
// POST application/x-www-form-urlencoded with secret, response, sitekey and
// remoteip. A token passes once; a replay fails with
// invalid-or-already-seen-response. It also serves a tiny widget script
// (api.js) so that browser tests can "solve" the captcha offline.

export const FAKE_SITEKEY = '20000000-ffff-ffff-ffff-000000000002';
export const FAKE_SECRET = '0x2000000000000000000000000000000000000002';

export type FakeHcaptcha = {
  verifyUrl: string;
  scriptUrl: string;
  requests: URLSearchParams[];
  /** 'down' answers 503, 'hang' never answers. */
  setMode: (mode: 'up' | 'down' | 'hang') => void;
  /** Siteverify requests being held open right now (mode 'hang'). */
  pending: () => number;
  close: () => Promise<void>;
};

export async function startFakeHcaptcha(): Promise<FakeHcaptcha> {
  const seen = new Set<string>();
  const requests: URLSearchParams[] = [];
  let mode: 'up' | 'down' | 'hang' = 'up';
  let hanging = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/1/api.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
      res.end(widgetScript);
      return;
    }
    if (req.method !== 'POST' || req.url !== '/siteverify') {
      res.writeHead(404).end();
      return;
    }
    if (mode === 'hang') {
      hanging += 1;
      req.socket.once('close', () => (hanging -= 1));
      return;
    }
    if (mode === 'down') {
      res.writeHead(503).end('unavailable');
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push(form);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(verdict(req.headers['content-type'], form, seen)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    verifyUrl: `${base}/siteverify`,
    scriptUrl: `${base}/1/api.js`,
    requests,
    setMode: (next) => (mode = next),
    pending: () => hanging,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function verdict(contentType: string | undefined, form: URLSearchParams, seen: Set<string>) {
  const fail = (...codes: string[]) => ({ success: false, 'error-codes': codes });
  if (!contentType?.startsWith('application/x-www-form-urlencoded')) return fail('bad-request');
  const secret = form.get('secret');
  const token = form.get('response');
  if (!secret) return fail('missing-input-secret');
  if (secret !== FAKE_SECRET) return fail('invalid-input-secret');
  if (form.get('sitekey') !== FAKE_SITEKEY) return fail('sitekey-secret-mismatch');
  if (!token) return fail('missing-input-response');
  if (!token.startsWith('pass-')) return fail('invalid-input-response');
  if (seen.has(token)) return fail('invalid-or-already-seen-response');
  seen.add(token);
  return { success: true, challenge_ts: new Date().toISOString(), hostname: 'localhost' };
}

// Implements the parts of window.hcaptcha that @hcaptcha/react-hcaptcha uses,
// renders a checkbox, and calls the page's onload callback like the real api.js.
const widgetScript = `(() => {
  const params = new URL(document.currentScript.src).searchParams;
  const widgets = new Map();
  let next = 1;
  window.hcaptcha = {
    render(container, options) {
      const id = String(next++);
      const label = document.createElement('label');
      label.className = 'fake-hcaptcha';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.setAttribute('data-testid', 'fake-hcaptcha');
      label.append(box, ' 我是人类 (test captcha)');
      const field = document.createElement('textarea');
      field.name = 'h-captcha-response';
      field.hidden = true;
      container.append(label, field);
      const widget = { options, field, box, token: '' };
      widgets.set(id, widget);
      box.addEventListener('change', () => {
        widget.token = box.checked ? 'pass-' + Math.random().toString(36).slice(2) + Date.now() : '';
        field.value = widget.token;
        if (widget.token && options.callback) options.callback(widget.token);
      });
      return id;
    },
    getResponse: (id) => widgets.get(id)?.token ?? '',
    getRespKey: () => '',
    reset(id) { const w = widgets.get(id); if (w) { w.token = ''; w.field.value = ''; w.box.checked = false; } },
    remove(id) { widgets.delete(id); },
    execute() {},
    close() {},
    setData() {},
  };
  const onload = params.get('onload');
  if (onload && typeof window[onload] === 'function') window[onload]();
})();`;
