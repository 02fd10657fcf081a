// Built-in topic words (why a category was proposed), themes, and similar
// suggestions before submitting (issue 18; decisions 046–049).

export const zhCN = {
  'proposal.why': '提出这个类别，是因为文中出现了：{words}',
  'proposal.whyClassifier': '提出这个类别，是因为本规划中已分类的相近意见多属此类。',
};

export const en: Record<keyof typeof zhCN, string> = {
  'proposal.why': 'Proposed because the text contains: {words}',
  'proposal.whyClassifier': 'Proposed because similar suggestions of this plan were put in this category.',
};
