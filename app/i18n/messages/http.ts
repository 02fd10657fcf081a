// Answers to requests the server will not read: too large or malformed.

export const zhCN = {
  'request.tooLarge.title': '提交的内容过大',
  'request.tooLarge.detail':
    '您提交的内容超过了本页允许的大小（{size}）。请返回，删减内容后重新提交；附件请通过意见表的附件栏上传。',
  'request.unreadable.title': '提交的数据无法读取',
  'request.unreadable.detail': '服务器无法读取您提交的数据。请返回重新提交；如问题持续，请改用电子邮件提交。',
};

export const en: Record<keyof typeof zhCN, string> = {
  'request.tooLarge.title': 'What you sent is too large',
  'request.tooLarge.detail':
    'What you sent is larger than this page accepts ({size}). Go back, shorten it and send it again; attachments belong in the suggestion form’s attachment field.',
  'request.unreadable.title': 'What you sent could not be read',
  'request.unreadable.detail':
    'The server could not read what you sent. Go back and send it again; if it keeps happening, send your suggestion by email.',
};
