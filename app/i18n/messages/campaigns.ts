// The campaign view: one group of linked suggestions, its representative text,
// what each copy adds, and one action on the whole group.

export const zhCN = {
  'campaign.title': '整组处理：{title}',
  'campaign.intro':
    '这一组意见由系统按文字相似或逐句意思相同归在一起。下面先列出一份代表文本，再列出每一份的“新增内容”——即代表文本中没有的句子，以免个别来信提出的新观点被整组淹没。',
  'campaign.copies': '共 {copies} 份，来自 {submitters} 位不同的提交人',
  'campaign.submittersHint': '同一邮箱或电话多次提交的只算一位；未留联系方式的每份各算一位。不显示任何联系方式。',
  'campaign.undecided': '其中 {count} 份尚未办结。',
  'campaign.representative': '代表文本',
  'campaign.representativeHint': '组内最有代表性的一份：与其他各份共有的句子最多。',
  'campaign.copiesTitle': '组内各份及其新增内容',
  'campaign.additions': '新增内容',
  'campaign.noAdditions': '没有代表文本以外的内容。',
  'campaign.isRepresentative': '（代表文本）',
  'campaign.more': '下一页',
  'campaign.actionsTitle': '对整组执行一项操作',
  'campaign.actionsHint': '操作逐份执行，与单条处理相同，每份各记一条操作日志；已办结、重复或无效的各份不改动。',
  'campaign.decideTitle': '整组作出处理决定',
  'campaign.decideSubmit': '对整组保存处理决定',
  'campaign.tagTitle': '为整组添加标签',
  'campaign.tags': '标签（多个用逗号分隔）',
  'campaign.tagSubmit': '为整组添加标签',
  'campaign.replyTitle': '答复整组提交人',
  'campaign.replyHint': '每位留有邮箱的提交人各收到一封答复；发件人看不到其他人的地址。',
  'campaign.replySubmit': '发送给整组',
  'campaign.done': '已处理 {done} 份，{skipped} 份未改动（已办结、重复、无效或没有邮箱）。',
  'campaign.open': '整组处理',
  'campaign.method.shingle': '文字相似',
  'campaign.method.sentences': '逐句意思相同',
};

export const en: Record<keyof typeof zhCN, string> = {
  'campaign.title': 'Whole group: {title}',
  'campaign.intro':
    'These suggestions were grouped because their wording is similar or their sentences make the same points. One representative text comes first, then what each copy adds: its sentences the representative does not have, so that a new point in one letter is not lost in the group.',
  'campaign.copies': '{copies} copies from {submitters} distinct submitters',
  'campaign.submittersHint':
    'Several copies from the same email address or phone count once; each copy without contact details counts once. No contact details are shown.',
  'campaign.undecided': '{count} of them are not decided yet.',
  'campaign.representative': 'Representative text',
  'campaign.representativeHint': 'The most typical copy: the one sharing the most sentences with the others.',
  'campaign.copiesTitle': 'The copies and what each adds',
  'campaign.additions': 'Adds',
  'campaign.noAdditions': 'Nothing beyond the representative text.',
  'campaign.isRepresentative': '(representative)',
  'campaign.more': 'Next page',
  'campaign.actionsTitle': 'One action for the whole group',
  'campaign.actionsHint':
    'The action is taken copy by copy, exactly like a single action, with one audit entry each; copies already decided, duplicates and spam are left as they are.',
  'campaign.decideTitle': 'Decide the whole group',
  'campaign.decideSubmit': 'Save the decision for the whole group',
  'campaign.tagTitle': 'Tag the whole group',
  'campaign.tags': 'Tags (separate with commas)',
  'campaign.tagSubmit': 'Tag the whole group',
  'campaign.replyTitle': 'Reply to everyone in the group',
  'campaign.replyHint':
    'Each submitter who left an email address gets their own reply; no one sees anyone else’s address.',
  'campaign.replySubmit': 'Send to the whole group',
  'campaign.done':
    '{done} copies done, {skipped} left as they were (decided, duplicate, spam or without an email address).',
  'campaign.open': 'Whole group',
  'campaign.method.shingle': 'similar wording',
  'campaign.method.sentences': 'same points, sentence by sentence',
};
