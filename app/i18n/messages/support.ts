// Similar suggestions on the public form and 附议 (support), decision 048.

export const zhCN = {
  'similar.find': '查找相似建议',
  'similar.findHint': '提交前可先查看本规划已公开的相似建议；如已有人提出相同意见，可直接附议。',
  'similar.title': '相似的已公开建议',
  'similar.none': '没有找到相似的已公开建议。您可以继续填写并提交。',
  'similar.reselectFiles': '您填写的内容已保留；如已选择附件，请在提交前重新选择。',
  'similar.decision': '办理情况：{status}',
  'similar.supporters': '已有 {count} 人附议',
  'similar.liveFound':
    '本规划已有 {count} 条相似的已公开建议，列在下方。如与您的意见相同，可直接附议（将离开本页，已填写的内容不会保存）。',
  'support.button': '附议',
  'support.title': '附议这条建议',
  'support.intro': '附议表示您赞同这条已公开的建议。每人对每条建议只计一次附议。',
  'support.summary': '建议摘要',
  'support.captchaNote': '附议需要完成人机验证（需启用 JavaScript）。',
  'support.done': '已附议',
  'support.doneText': '感谢您的附议，已记录。这条建议目前共有 {count} 人附议。',
  'support.backToForm': '返回填写意见建议',
  'support.refused.notFound': '这条建议未公开或不属于本规划，无法附议。',
  'support.refused.closed': '本规划的意见征集已结束，不能再附议。',
  'support.refused.captchaMissing': '附议需要先完成人机验证。请启用 JavaScript 后完成验证再附议。',
  'support.refused.captchaFailed': '人机验证未通过或已过期，请重新完成验证后再附议。',
  'support.refused.captchaUnavailable': '人机验证服务暂时无法使用，请稍后再试。',
  'report.supports': '{count} 人附议',
};
type Key = keyof typeof zhCN;

export const en: Record<Key, string> = {
  'similar.find': 'Find similar suggestions',
  'similar.findHint':
    'Before you submit, see the published suggestions on this plan that are like yours; if someone has already said the same, you can support theirs.',
  'similar.title': 'Similar published suggestions',
  'similar.none': 'No similar published suggestion was found. You can go on and submit yours.',
  'similar.reselectFiles':
    'What you typed has been kept; if you chose attachments, choose them again before you submit.',
  'similar.decision': 'Decision: {status}',
  'similar.supporters': 'Supported by {count}',
  'similar.liveFound':
    'This plan has {count} similar published suggestions, listed below. If one says what you want to say, you can support it (this leaves the page, and what you typed is not kept).',
  'support.button': 'Support this',
  'support.title': 'Support this suggestion',
  'support.intro': 'Supporting means you agree with this published suggestion. Each person counts once per suggestion.',
  'support.summary': 'Summary of the suggestion',
  'support.captchaNote': 'Supporting needs the captcha to be completed (JavaScript is required).',
  'support.done': 'Supported',
  'support.doneText': 'Thank you, your support is recorded. This suggestion now has {count} supporters.',
  'support.backToForm': 'Back to the suggestion form',
  'support.refused.notFound':
    'This suggestion is not published or does not belong to this plan, so it cannot be supported.',
  'support.refused.closed': 'This plan no longer takes comments, so it can no longer be supported.',
  'support.refused.captchaMissing':
    'Supporting needs the captcha. Turn on JavaScript, complete the captcha and try again.',
  'support.refused.captchaFailed': 'The captcha was not passed or has expired. Complete it again and support again.',
  'support.refused.captchaUnavailable': 'The captcha service is unavailable just now. Please try again later.',
  'report.supports': 'Supported by {count}',
};
