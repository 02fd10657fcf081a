// Search, near-duplicates and category proposals (queue, detail page, clusters, keyword rules).

export const zhCN = {
  'mod.queue.sort.relevance': '相关度',
  'search.label': '搜索',
  'search.placeholder': '例如：食堂 -宿舍 "延长营业时间" OR 夜宵',
  'search.hint': '空格分隔的词须同时出现；OR 表示任一；-词 表示排除；引号内为完整短语。繁简体、全半角均可。',
  'search.submit': '搜索',
  'search.inAttachment': '附件：',
  'search.matches': '匹配内容',
};

type Key = keyof typeof zhCN;

export const en: Record<Key, string> = {
  'mod.queue.sort.relevance': 'Relevance',
  'search.label': 'Search',
  'search.placeholder': 'e.g. 食堂 -宿舍 "延长营业时间" OR 夜宵',
  'search.hint':
    'Words separated by spaces must all appear; OR means either; -word excludes; quotes keep a phrase. Simplified or Traditional, full- or half-width.',
  'search.submit': 'Search',
  'search.inAttachment': 'Attachment: ',
  'search.matches': 'Matching text',
};
