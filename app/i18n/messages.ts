// Every UI string lives here, in Simplified Chinese (the default) and English.
// Keys are grouped by page; `{name}` placeholders are filled by `translate`.

const zhCN = {
  'site.name': '建言',
  'site.tagline': '规划意见建议征集平台',
  'site.skipToContent': '跳到正文',
  'site.languageSwitch': 'English',
  'site.languageSwitchLabel': '切换到英文界面',
  'site.footer': '您提交的姓名、单位和联系方式仅供工作人员联系使用，严格保密，不会公开。',
  'home.title': '正在征求意见的规划',
  'home.intro': '欢迎就下列规划草案提出意见建议。您的每一条建议都会被认真梳理、分析，可行的意见将在规划编制中予以采纳。',
  'home.empty': '目前没有正在征求意见的规划。',
  'home.closedTitle': '已结束的意见征集',
  'home.closesAt': '征集截止：{date}',
  'home.closedAt': '已于 {date} 结束',
  'home.noDeadline': '长期征集',
  'home.organizer': '发布单位：{organizer}',
  'home.readAndComment': '阅读草案并提出建议',
  'plan.contents': '目录',
  'plan.window': '征集时间：{opens} 至 {closes}',
  'plan.status.open': '正在征求意见',
  'plan.status.upcoming': '尚未开始',
  'plan.status.closed': '征集已结束',
  'plan.categories': '意见建议可围绕以下方面',
  'plan.howToSubmit': '如何提出意见建议',
  'plan.emailMarker': '通过电子邮件来稿时，请在邮件主题中注明“{marker}”字样，并注明您的姓名、工作单位和联系方式。',
  'plan.backToTop': '回到目录',
  'plan.notFound': '未找到该规划，它可能尚未发布或已被撤回。',
  'error.title': '出错了',
  'error.notFound': '页面不存在',
  'error.notFoundDetail': '您访问的页面不存在或已被移除。',
  'error.generic': '服务器暂时无法处理您的请求，请稍后再试。您提交的内容不会丢失。',
  'error.home': '返回首页',
};

type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'site.name': 'Jianyan',
  'site.tagline': 'Public consultation on draft plans',
  'site.skipToContent': 'Skip to content',
  'site.languageSwitch': '中文',
  'site.languageSwitchLabel': 'Switch to Chinese',
  'site.footer': 'Your name, unit and contact details are used only by staff to reach you. They are kept strictly confidential and never published.',
  'home.title': 'Consultations open for comment',
  'home.intro': 'You are invited to comment on the draft plans below. Every suggestion is read and analysed; feasible ones are adopted into the plan.',
  'home.empty': 'No consultation is open for comment at the moment.',
  'home.closedTitle': 'Closed consultations',
  'home.closesAt': 'Closes {date}',
  'home.closedAt': 'Closed on {date}',
  'home.noDeadline': 'No closing date',
  'home.organizer': 'Published by {organizer}',
  'home.readAndComment': 'Read the draft and comment',
  'plan.contents': 'Contents',
  'plan.window': 'Open for comment from {opens} to {closes}',
  'plan.status.open': 'Open for comment',
  'plan.status.upcoming': 'Not yet open',
  'plan.status.closed': 'Closed',
  'plan.categories': 'Suggestions may address',
  'plan.howToSubmit': 'How to comment',
  'plan.emailMarker': 'When you comment by email, put “{marker}” in the subject line and give your name, work unit and contact details.',
  'plan.backToTop': 'Back to contents',
  'plan.notFound': 'No such plan. It may not be published yet, or it was withdrawn.',
  'error.title': 'Something went wrong',
  'error.notFound': 'Page not found',
  'error.notFoundDetail': 'The page you asked for does not exist or was removed.',
  'error.generic': 'The server could not handle your request just now. Please try again later; nothing you sent is lost.',
  'error.home': 'Back to the home page',
};

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';
export type { MessageKey };

export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
