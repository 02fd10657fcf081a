import type { AppLoadContext } from 'react-router';
import { z } from 'zod';
import type { StaffUser } from '../../domain/accounts/staff-user.server.ts';
import { actOnCampaign, type CampaignAction } from '../../domain/duplicates/campaign-actions.server.ts';
import { MAX_REPLY_LENGTH } from '../../domain/moderation/reply-to-submitter.server.ts';
import { decisions } from '../../domain/moderation/statuses.ts';
import { splitTags } from './suggestions.server.ts';

// The campaign page's three forms, one `intent` each. The plan and the cluster
// come from the URL; the domain looks the group up by both and checks the
// permission again.
export const CampaignForm = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('decide'),
    decision: z.enum(decisions),
    reason: z.string().trim().min(2).max(2000),
    publicReply: z.string().trim().max(2000).optional(),
    publishable: z.literal('on').optional(),
    category: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  }),
  z.object({ intent: z.literal('tag'), tags: z.string().trim().min(1).max(400) }),
  z.object({ intent: z.literal('reply'), message: z.string().trim().min(2).max(MAX_REPLY_LENGTH) }),
]);
type CampaignFormData = z.infer<typeof CampaignForm>;

export const PlanQuery = z.object({
  plan: z.coerce.number().int().positive().max(2_147_483_647),
  after: z.coerce.number().int().positive().optional().catch(undefined),
});

function toAction(f: CampaignFormData): CampaignAction {
  switch (f.intent) {
    case 'decide':
      return {
        kind: 'decide',
        categoryId: f.category,
        input: {
          decision: f.decision,
          reason: f.reason,
          publicReply: f.publicReply,
          publishable: f.publishable === 'on',
        },
      };
    case 'tag':
      return { kind: 'tag', names: splitTags(f.tags) };
    case 'reply':
      return { kind: 'reply', message: f.message };
  }
}

export async function runCampaignIntent(
  context: AppLoadContext,
  viewer: StaffUser,
  { planId, clusterId }: { planId: number; clusterId: number },
  f: CampaignFormData,
) {
  return actOnCampaign(context.db, {
    planId,
    clusterId,
    action: toAction(f),
    actor: viewer,
    ip: context.clientIp,
    siteUrl: context.config.siteUrl,
  });
}
