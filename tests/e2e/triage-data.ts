import crypto from 'node:crypto';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { createPlan } from '../factories/plans.ts';
import { db } from './staff.ts';

/**
 * A plan of its own with three fresh suggestions, through the one intake
 * function, so the journey runs the same on every project (desktop, phone)
 * whatever earlier runs decided about the demo suggestions.
 */
export async function createTriagePlan() {
  const title = `端到端分办规划 ${crypto.randomBytes(3).toString('hex')}`;
  // A draft: never listed on the public pages that other journeys walk.
  const plan = await createPlan(db(), { title, status: 'draft' });
  const suggestions = [];
  for (const [i, name] of ['陈思远', '刘海峰', '王雨晴'].entries()) {
    const email = `e2e-submitter-${crypto.randomBytes(4).toString('hex')}@example.edu.cn`;
    const saved = await submitSuggestion(db(), {
      planId: plan.id,
      channel: 'web',
      title: `端到端意见 ${i + 1}`,
      body: '建议延长图书馆开放时间，并增加自习座位。',
      submitterType: '在校学生',
      contact: { name, phone: `1381234${String(5670 + i)}`, email },
      trackUrl: 'http://localhost/track',
      acknowledge: false,
    });
    suggestions.push({ ...saved, email, title: `端到端意见 ${i + 1}` });
  }
  return { plan, suggestions };
}
