// The dashboard's live measure of category and tag proposals against
// moderators' final labels (decision 043).
export const zhCN = {
  'accuracy.title': '分类建议的准确率',
  'accuracy.explain':
    '只统计经处理人员审核过的意见建议：处理人员采纳或不予采纳了系统建议，或已作出处理决定。系统未给出类别建议的，按未命中计。',
  'accuracy.none': '还没有经审核的意见建议，暂无法计算。',
  'accuracy.category':
    '类别：已审核 {reviewed} 条，系统给出建议 {proposed} 条，与最终类别一致 {correct} 条，准确率 {accuracy}。',
  'accuracy.interval': '95% 置信区间：{low} 至 {high}。',
  'accuracy.tooFew': '审核满 {min} 条后显示置信区间（目前 {reviewed} 条）。',
  'accuracy.tags':
    '标签：系统建议 {proposed} 个，最终标签 {final} 个，一致 {agreed} 个；精确率 {precision}，召回率 {recall}，F1 {f1}。',
  'accuracy.download': '下载逐条核对表（CSV）',
  'accuracy.csv.code': '跟踪编号',
  'accuracy.csv.proposedCategory': '系统建议类别',
  'accuracy.csv.confidence': '置信度',
  'accuracy.csv.source': '建议来源',
  'accuracy.csv.finalCategory': '最终类别',
  'accuracy.csv.match': '是否一致',
  'accuracy.csv.proposedTags': '系统建议标签',
  'accuracy.csv.finalTags': '最终标签',
  'accuracy.csv.review': '审核方式',
  'accuracy.csv.reviewedAt': '审核时间',
  'accuracy.yes': '是',
  'accuracy.no': '否',
  'accuracy.source.rule': '关键词规则',
  'accuracy.source.classifier': '模型',
  'accuracy.source.rule+classifier': '关键词规则和模型',
  'accuracy.source.none': '无',
  'accuracy.review.accepted': '采纳系统建议',
  'accuracy.review.dismissed': '不予采纳系统建议',
  'accuracy.review.decided': '随处理决定确认',
};

export const en: Record<keyof typeof zhCN, string> = {
  'accuracy.title': 'Accuracy of category proposals',
  'accuracy.explain':
    'Counts only suggestions a moderator has reviewed: the moderator accepted or dismissed the proposal, or decided the suggestion. A suggestion with no proposed category counts as a miss.',
  'accuracy.none': 'No suggestion has been reviewed yet.',
  'accuracy.category':
    'Categories: {reviewed} reviewed, {proposed} with a proposal, {correct} equal to the final category; accuracy {accuracy}.',
  'accuracy.interval': '95% confidence interval: {low} to {high}.',
  'accuracy.tooFew': 'The confidence interval is shown from {min} reviewed suggestions on ({reviewed} so far).',
  'accuracy.tags':
    'Tags: {proposed} proposed, {final} final, {agreed} in both; precision {precision}, recall {recall}, F1 {f1}.',
  'accuracy.download': 'Download the suggestion-by-suggestion check (CSV)',
  'accuracy.csv.code': 'Tracking code',
  'accuracy.csv.proposedCategory': 'Proposed category',
  'accuracy.csv.confidence': 'Confidence',
  'accuracy.csv.source': 'Proposed by',
  'accuracy.csv.finalCategory': 'Final category',
  'accuracy.csv.match': 'Equal',
  'accuracy.csv.proposedTags': 'Proposed tags',
  'accuracy.csv.finalTags': 'Final tags',
  'accuracy.csv.review': 'Reviewed by',
  'accuracy.csv.reviewedAt': 'Reviewed at',
  'accuracy.yes': 'yes',
  'accuracy.no': 'no',
  'accuracy.source.rule': 'keyword rule',
  'accuracy.source.classifier': 'model',
  'accuracy.source.rule+classifier': 'keyword rule and model',
  'accuracy.source.none': 'none',
  'accuracy.review.accepted': 'proposal accepted',
  'accuracy.review.dismissed': 'proposal dismissed',
  'accuracy.review.decided': 'confirmed with the decision',
};
