// The mail queue (/admin/inbox): every reason a mail or a suggestion is held,
// every status and every attachment verdict as a sentence. Staff never see
// the codes (app/domain/intake/email/inbound-reasons.ts,
// app/domain/suggestions/held-reasons.ts); mail-queue.test.ts checks both lists.

export const zhCN = {
  'mail.reason.no_marker':
    '邮件主题中没有征求意见规定的标识（如「‘十四五’规划意见建议」），系统无法判断它属于哪个规划。请阅读后归入规划。',
  'mail.reason.several_plans': '邮件主题同时符合多个规划的标识，系统无法判断它属于哪一个。请阅读后归入其中一个规划。',
  'mail.reason.plan_closed': '来信所属的征求意见已截止或尚未开始，系统没有自动受理。如仍应受理，请归入规划。',
  'mail.reason.empty': '这封邮件既没有正文，也没有附件，无法转为意见建议。',
  'mail.reason.message_too_large': '邮件大小为 {size}，超过系统上限 {limit}，为保护系统没有解析。',
  'mail.reason.message_too_large.headers':
    '原件没有下载，仍在意见邮箱中（已加星标），请在邮件客户端中查看。发件人已收到说明。',
  'mail.reason.message_too_large.whole':
    '原件已完整保存，有查看联系方式权限的工作人员可下载 .eml 查看。发件人已收到说明。',
  'mail.reason.mime_too_complex':
    '邮件结构过于复杂（{parts} 个部分、嵌套 {depth} 层，上限为 {maxParts} 个部分、{maxDepth} 层），为保护系统没有解析。原件已保存，可下载查看。',
  'mail.reason.parse_error': '邮件格式有误，系统无法读取其内容。原件已保存；系统修复后可点击“重新处理”。',
  'mail.reason.processing_error':
    '处理这封邮件时出错，没有生成意见建议，原件已保存。可稍后点击“重新处理”；如反复出错，请联系管理员。',
  'mail.reason.failed_repeatedly':
    '系统连续 {attempts} 次处理这封邮件都失败了。为不耽误其他来信，已把它放在这里，继续处理后面的邮件。可点击“重新处理”；如仍失败，请联系管理员。',
  'mail.reason.content_purged': '这封邮件所属规划的联系信息保存期已满，原件已按规定删除，无法再转为意见建议。',
  'mail.reason.attachments_over_limit':
    '旧版本因附件超过数量或大小限制暂缓了这封邮件。现在附件不再阻止受理：点击“重新处理”即可转为意见建议。',
  'mail.reason.attachment_extension':
    '旧版本因附件类型不受支持暂缓了这封邮件。现在附件不再阻止受理：点击“重新处理”即可转为意见建议。',
  'mail.reason.attachment_content':
    '旧版本因附件内容与扩展名不符暂缓了这封邮件。现在附件不再阻止受理：点击“重新处理”即可转为意见建议。',
  'mail.reason.attachment_empty':
    '旧版本因附件为空文件暂缓了这封邮件。现在附件不再阻止受理：点击“重新处理”即可转为意见建议。',
  'mail.reason.unknown': '没有记录原因。',
  'mail.reason.auto_reply':
    '这是一封自动回复或群发邮件，系统不会自动受理，也不会回复。如内容确是意见建议，请归入规划。',
  'mail.reason.bounce': '这是一封退信（投递失败通知），只作记录。',
  'mail.status.pending': '等待处理',
  'mail.status.ingested': '已转为意见建议',
  'mail.status.unmatched': '未匹配规划',
  'mail.status.held': '暂缓处理',
  'mail.status.auto_reply': '自动回复',
  'mail.status.bounce': '退信',
  'mail.status.discarded': '已丢弃',
  'mail.attachment.accepted': '类型可接收，转为意见建议时一并保存',
  'mail.attachment.signature': '数字签名，不计为附件',
  'mail.attachment.extension': '类型不在接收范围内，留在原邮件中，可下载',
  'mail.attachment.content': '内容与扩展名不符，留在原邮件中，可下载',
  'mail.attachment.empty': '空文件',
  'mail.attachment.too_large': '超过 10 MB，留在原邮件中，可下载',
  'mail.attachment.over_count': '超过 5 个附件的上限，留在原邮件中，可下载',
  'mail.queue.text': '正文',
  'mail.queue.noText': '正文尚未读取（这封邮件没有解析）。',
  'mail.queue.emptyText': '（没有正文）',
  'mail.queue.masked': '正文中的电话、邮箱等联系方式已隐去。',
  'mail.queue.attachments': '附件',
  'mail.queue.noAttachments': '没有附件。',
  'mail.queue.download': '下载',
  'mail.queue.signed': '这封邮件带有数字签名（{kind}）；签名没有验证，不计为附件。',
  'mail.queue.cannot': '无法转为意见建议：{reason}',
  'mail.queue.technical': '技术细节（供管理员排查）',
  'mail.queue.result.ingested': '已转为意见建议，跟踪编号 {code}。',
  'mail.queue.result.notIngested': '没有转为意见建议：{reason}',
  'mail.queue.result.discarded': '已丢弃。',
  'mail.queue.openSuggestion': '查看这条意见建议',
  'mail.queue.attachmentGone': '找不到这个附件，原邮件可能已变化。',
  'mail.note.title': '邮件附件说明',
  'mail.note.notKept': '以下附件没有随意见建议保存，留在原邮件中，可下载（下载时不会在浏览器中打开）：',
  'mail.note.signature.smime': '原邮件带有 S/MIME 数字签名（没有验证），签名不计为附件。',
  'mail.note.signature.pgp': '原邮件带有 PGP 数字签名（没有验证），签名不计为附件。',
  'held.reason.captcha_missing':
    '提交时没有完成人机验证（例如浏览器没有启用 JavaScript，或验证组件无法加载）。意见已保存，等待人工核验。',
  'held.reason.captcha_unavailable': '提交时人机验证服务无法连接。意见已保存，等待人工核验。',
  'held.reason.honeypot': '表单中防自动程序的隐藏栏目被填写，可能是自动程序提交。意见已保存，请人工核验。',
  'held.reason.unspecified': '意见已保存，等待人工核验（没有记录具体原因）。',
};

export const en: Record<keyof typeof zhCN, string> = {
  'mail.reason.no_marker':
    "The subject does not carry a consultation's marker, so the portal cannot tell which plan it is for. Read it and assign it to a plan.",
  'mail.reason.several_plans':
    'The subject matches the markers of several plans, so the portal cannot tell which one it is for. Read it and assign it to one of them.',
  'mail.reason.plan_closed':
    'The consultation this mail is for is closed or has not opened yet, so it was not taken in automatically. Assign it to the plan if it should still be taken.',
  'mail.reason.empty': 'This mail has neither text nor attachments, so it cannot become a suggestion.',
  'mail.reason.message_too_large':
    'This mail is {size}, over the limit of {limit}, so it was not read, to protect the portal.',
  'mail.reason.message_too_large.headers':
    'It was not downloaded and is still in the consultation mailbox (flagged): open it in a mail client. The sender was told.',
  'mail.reason.message_too_large.whole':
    'It is stored whole; staff allowed to see contact details can download the .eml. The sender was told.',
  'mail.reason.mime_too_complex':
    'This mail is built in too complex a way ({parts} parts, nested {depth} deep; the limits are {maxParts} parts and {maxDepth} levels), so it was not read, to protect the portal. It is stored and can be downloaded.',
  'mail.reason.parse_error':
    'This mail is malformed and its content could not be read. It is stored; once the portal is fixed, press “Process again”.',
  'mail.reason.processing_error':
    'Something went wrong while processing this mail, and no suggestion was made. It is stored. Press “Process again” later; if it keeps failing, tell an administrator.',
  'mail.reason.failed_repeatedly':
    'Processing this mail failed {attempts} times in a row. So as not to hold up other mail, it was put here and intake went on with the next ones. Press “Process again”; if it still fails, tell an administrator.',
  'mail.reason.content_purged':
    "The retention period for this plan's contact details has ended, so the original mail was deleted as required. It can no longer become a suggestion.",
  'mail.reason.attachments_over_limit':
    'An earlier version held this mail because its attachments were over the count or size limit. Attachments no longer hold mail: press “Process again” to make it a suggestion.',
  'mail.reason.attachment_extension':
    'An earlier version held this mail because of an attachment type it did not accept. Attachments no longer hold mail: press “Process again” to make it a suggestion.',
  'mail.reason.attachment_content':
    "An earlier version held this mail because an attachment's content did not match its name. Attachments no longer hold mail: press “Process again” to make it a suggestion.",
  'mail.reason.attachment_empty':
    'An earlier version held this mail because an attachment was empty. Attachments no longer hold mail: press “Process again” to make it a suggestion.',
  'mail.reason.unknown': 'No reason was recorded.',
  'mail.reason.auto_reply':
    'This is an automatic reply or a bulk mail: it is neither taken in nor answered automatically. If it really is a suggestion, assign it to a plan.',
  'mail.reason.bounce': 'This is a bounce (a delivery failure report); it is only recorded.',
  'mail.status.pending': 'Waiting to be processed',
  'mail.status.ingested': 'Made a suggestion',
  'mail.status.unmatched': 'Not matched to a plan',
  'mail.status.held': 'Held',
  'mail.status.auto_reply': 'Automatic reply',
  'mail.status.bounce': 'Bounce',
  'mail.status.discarded': 'Discarded',
  'mail.attachment.accepted': 'An accepted type: kept with the suggestion it becomes',
  'mail.attachment.signature': 'Digital signature, not counted as an attachment',
  'mail.attachment.extension': 'A type the portal does not accept; left in the mail, can be downloaded',
  'mail.attachment.content': 'Content does not match the name; left in the mail, can be downloaded',
  'mail.attachment.empty': 'Empty file',
  'mail.attachment.too_large': 'Over 10 MB; left in the mail, can be downloaded',
  'mail.attachment.over_count': 'Beyond the limit of 5 attachments; left in the mail, can be downloaded',
  'mail.queue.text': 'Text',
  'mail.queue.noText': 'The text has not been read (this mail was not parsed).',
  'mail.queue.emptyText': '(no text)',
  'mail.queue.masked': 'Phone numbers, addresses and other contact details in the text are masked.',
  'mail.queue.attachments': 'Attachments',
  'mail.queue.noAttachments': 'No attachments.',
  'mail.queue.download': 'Download',
  'mail.queue.signed':
    'This mail is digitally signed ({kind}); the signature was not verified and is not counted as an attachment.',
  'mail.queue.cannot': 'Cannot become a suggestion: {reason}',
  'mail.queue.technical': 'Technical details (for an administrator)',
  'mail.queue.result.ingested': 'Made a suggestion, tracking code {code}.',
  'mail.queue.result.notIngested': 'Not made a suggestion: {reason}',
  'mail.queue.result.discarded': 'Discarded.',
  'mail.queue.openSuggestion': 'Open the suggestion',
  'mail.queue.attachmentGone': 'This attachment cannot be found; the stored mail may have changed.',
  'mail.note.title': 'About the mail’s attachments',
  'mail.note.notKept':
    'These attachments were not kept with the suggestion; they stay in the mail and can be downloaded (never opened in the browser):',
  'mail.note.signature.smime':
    'The mail carried an S/MIME digital signature (not verified); the signature is not counted as an attachment.',
  'mail.note.signature.pgp':
    'The mail carried a PGP digital signature (not verified); the signature is not counted as an attachment.',
  'held.reason.captcha_missing':
    'The captcha was not completed (for example JavaScript was off, or the captcha could not load). The suggestion is kept, waiting for a person to verify it.',
  'held.reason.captcha_unavailable':
    'The captcha service could not be reached. The suggestion is kept, waiting for a person to verify it.',
  'held.reason.honeypot':
    'A hidden anti-robot field of the form was filled in, so a program may have sent it. The suggestion is kept; please verify it.',
  'held.reason.unspecified': 'The suggestion is kept, waiting for a person to verify it (no reason was recorded).',
};
