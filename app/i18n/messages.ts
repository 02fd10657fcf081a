import * as accuracy from './messages/accuracy.ts';
import * as audit from './messages/audit.ts';
import * as campaigns from './messages/campaigns.ts';
import * as admin from './messages/admin.ts';
import * as common from './messages/common.ts';
import * as exporting from './messages/exports.ts';
import * as feedback from './messages/feedback.ts';
import * as mailQueue from './messages/mail-queue.ts';
import * as http from './messages/http.ts';
import * as files from './messages/files.ts';
import * as moderation from './messages/moderation.ts';
import * as search from './messages/search.ts';
import * as suggest from './messages/suggest.ts';
import * as support from './messages/support.ts';
import * as themes from './messages/themes.ts';
import * as versions from './messages/versions.ts';

// Every UI string lives under messages/, one file per area, in Simplified
// Chinese (the default) and English. Each file exports `zhCN` and an `en` typed
// against it, so a missing translation fails the type check. Keys are
// namespaced by area ('plan.contents'); `{name}` placeholders are filled by
// `translate`. Add an area by importing it here.

const zhCN = {
  ...common.zhCN,
  ...suggest.zhCN,
  ...admin.zhCN,
  ...exporting.zhCN,
  ...moderation.zhCN,
  ...versions.zhCN,
  ...feedback.zhCN,
  ...search.zhCN,
  ...mailQueue.zhCN,
  ...http.zhCN,
  ...files.zhCN,
  ...accuracy.zhCN,
  ...themes.zhCN,
  ...campaigns.zhCN,
  ...support.zhCN,
  ...audit.zhCN,
};
type MessageKey = keyof typeof zhCN;
const en: Record<MessageKey, string> = {
  ...common.en,
  ...suggest.en,
  ...admin.en,
  ...exporting.en,
  ...moderation.en,
  ...versions.en,
  ...feedback.en,
  ...search.en,
  ...mailQueue.en,
  ...http.en,
  ...files.en,
  ...accuracy.en,
  ...themes.en,
  ...campaigns.en,
  ...support.en,
  ...audit.en,
};

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';
export type { MessageKey };

export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
