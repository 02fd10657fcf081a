import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { Deployment, Logged } from './deployment.ts';
import { SLUG } from './deployment.ts';

// What a browser does through nginx, for the scale-infra tests.

export type LoggedRequest = { method: string; path: string; status: number };

/** The requests a web process logged, in order. */
export function requests(web: Logged): LoggedRequest[] {
  return web.lines().filter((line) => line.msg === 'request') as unknown as LoggedRequest[];
}

export async function submit(d: Deployment, email: string, title = `经 nginx 提交 ${email}`) {
  const html = await (await fetch(`${d.site}/plans/${SLUG}/suggest`)).text();
  const intakeKey = /name="intakeKey" value="([^"]+)"/.exec(html)?.[1];
  const categoryId = /<option value="(\d+)">/.exec(html)?.[1];
  if (!intakeKey || !categoryId) throw new Error('the form lacks its key or categories');
  const response = await fetch(`${d.site}/plans/${SLUG}/suggest`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: d.site },
    body: new URLSearchParams({
      intakeKey,
      categoryId,
      title,
      body: '建议在新校区增设自习室，并延长晚间开放时间。',
      submitterType: '在校学生',
      name: '测试同学',
      email,
      consent: 'on',
      'captcha-token': `pass-${crypto.randomUUID()}`,
    }),
  });
  await response.text(); // read to the end: a cancelled body is never logged as finished
  return { status: response.status };
}

export async function logIn(d: Deployment): Promise<string> {
  const response = await fetch(`${d.site}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: d.site },
    body: new URLSearchParams({ email: d.planner.email, password: d.planner.password, redirectTo: '/admin' }),
  });
  await response.text(); // read to the end: a cancelled body is never logged as finished
  const cookie = /^(jianyan_staff=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in answered ${response.status}`);
  return cookie;
}

export async function page(d: Deployment, cookie: string, url: string): Promise<string> {
  const response = await fetch(`${d.site}${url}`, { headers: { cookie } });
  expect(response.status, url).toBe(200);
  return response.text();
}

export async function exportCsv(d: Deployment, cookie: string): Promise<string> {
  const response = await fetch(`${d.site}/admin/exports/download`, {
    method: 'POST',
    headers: { cookie, origin: d.site, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ planId: String(d.planId), format: 'csv' }).toString(),
  });
  expect(response.status).toBe(200);
  return response.text();
}
