// Attachment text that was not extracted, and the page shown while the database is away.

export const zhCN = {
  'files.textNote.zip_limits':
    '未提取附件文字：此文件解压后过大或条目过多（可能是“压缩炸弹”）。原文件已完整保存，可下载后查看。',
  'files.textNote.time_limit': '未提取附件文字：读取此文件超过了时间上限。原文件已完整保存，可下载后查看。',
  'files.textNote.memory_limit': '未提取附件文字：读取此文件需要的内存超过了上限。原文件已完整保存，可下载后查看。',
  'unavailable.title': '服务暂时不可用',
  'unavailable.detail': '数据库暂时无法连接，请过一两分钟再试。已经拿到跟踪编号的意见都已保存，不会丢失。',
  'unavailable.retry': '重新载入',
};

type Key = keyof typeof zhCN;

export const en: Record<Key, string> = {
  'files.textNote.zip_limits':
    'Text not extracted: this file unpacks to too much data or too many parts (it may be a "zip bomb"). The file itself is kept in full; download it to read it.',
  'files.textNote.time_limit':
    'Text not extracted: reading this file took longer than allowed. The file itself is kept in full; download it to read it.',
  'files.textNote.memory_limit':
    'Text not extracted: reading this file needed more memory than allowed. The file itself is kept in full; download it to read it.',
  'unavailable.title': 'Temporarily unavailable',
  'unavailable.detail':
    'The database cannot be reached just now. Please try again in a minute or two. Every suggestion that received a tracking code is saved.',
  'unavailable.retry': 'Try again',
};
