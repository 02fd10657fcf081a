// Built-in topic words (why a category was proposed), themes, and similar
// suggestions before submitting (issue 18; decisions 046–049).

export const zhCN = {
  'proposal.why': '提出这个类别，是因为文中出现了：{words}',
  'proposal.whyClassifier': '提出这个类别，是因为本规划中已分类的相近意见多属此类。',
  'themes.nav': '主题',
  'themes.title': '意见主题',
  'themes.intro':
    '系统在征集期间每 15 分钟从最新的意见中找出经常一起出现的词，提出候选主题。采纳后，主题作为标签自动加到已有和新收到的意见上；在某条意见上去掉这个标签后，系统不会再加回去。',
  'themes.none': '还没有候选主题：意见多起来后会出现。',
  'themes.proposed': '（候选，约 {count} 条意见）',
  'themes.accepted': '（已采纳，{count} 条意见带此标签）',
  'themes.terms': '关键词：{terms}',
  'themes.formFor': '处理主题“{name}”',
  'themes.name': '主题名称',
  'themes.accept': '采纳为标签',
  'themes.rename': '改名',
  'themes.mergeInto': '并入',
  'themes.merge': '合并',
  'themes.reject': '不采纳',
  'themes.closed': '已不采纳或已合并的主题（{count}）',
  'themes.wasMerged': '已合并',
  'themes.wasRejected': '未采纳',
  'themes.error.chooseTheme': '请选择要并入的另一个主题。',
  'themes.error.gone': '这个主题已被处理或不属于所选规划，请刷新页面后再试。',
};

export const en: Record<keyof typeof zhCN, string> = {
  'proposal.why': 'Proposed because the text contains: {words}',
  'proposal.whyClassifier': 'Proposed because similar suggestions of this plan were put in this category.',
  'themes.nav': 'Themes',
  'themes.title': 'Themes',
  'themes.intro':
    'While a consultation is open, every 15 minutes the system looks for words that often occur together in the newest suggestions and proposes them as themes. An accepted theme becomes a tag, added to existing and new suggestions; if you remove it from a suggestion, it is not added back.',
  'themes.none': 'No proposed themes yet: they appear as suggestions come in.',
  'themes.proposed': '(proposed, about {count} suggestions)',
  'themes.accepted': '(accepted, {count} suggestions tagged)',
  'themes.terms': 'Words: {terms}',
  'themes.formFor': 'Act on the theme “{name}”',
  'themes.name': 'Theme name',
  'themes.accept': 'Accept as a tag',
  'themes.rename': 'Rename',
  'themes.mergeInto': 'Merge into',
  'themes.merge': 'Merge',
  'themes.reject': 'Reject',
  'themes.closed': 'Rejected or merged themes ({count})',
  'themes.wasMerged': 'merged',
  'themes.wasRejected': 'rejected',
  'themes.error.chooseTheme': 'Choose another theme to merge into.',
  'themes.error.gone': 'This theme was already handled or is not in the chosen plan; reload the page and try again.',
};
