import { Hr, Link, Text } from '@react-email/components';
import { EmailFrame } from './components/email-frame.tsx';

// Sent whenever a suggestion's publication choice changes, by the submitter or
// recorded by staff: the submitter can check that it is what they agreed to.

export type ConsentChangedProps = {
  locale: 'zh-CN' | 'en';
  trackingCode: string;
  suggestionTitle: string;
  consent: 'named' | 'anonymous' | 'none';
  byStaff: boolean;
  trackUrl: string;
};

const copy = {
  'zh-CN': {
    preview: (code: string) => `您的意见建议（${code}）的公开方式已更改`,
    greeting: '您好：',
    changed: (title: string) => `您的意见建议“${title}”的公开方式已改为：`,
    consent: { named: '署名公开（公开时显示您的姓名）', anonymous: '匿名公开（公开时不显示姓名）', none: '不公开' },
    byStaff: '这一更改由工作人员根据您的来信或来电记录。',
    bySelf: '这一更改由您本人在进度查询页面作出。',
    notYou: '如果这不是您的意愿，请在进度查询页面改回，或与我们联系：',
    noReply: '本邮件由系统自动发送，请勿直接回复。',
  },
  en: {
    preview: (code: string) => `The publication choice of your suggestion (${code}) changed`,
    greeting: 'Hello,',
    changed: (title: string) => `The publication choice of your suggestion “${title}” is now:`,
    consent: { named: 'Published with your name', anonymous: 'Published without your name', none: 'Not published' },
    byStaff: 'Staff recorded this change from your letter or call.',
    bySelf: 'You made this change yourself on the tracking page.',
    notYou: 'If this is not what you want, change it back on the tracking page, or contact us:',
    noReply: 'This message was sent automatically; please do not reply to it.',
  },
};

export function consentChangedSubject({ locale, trackingCode }: Pick<ConsentChangedProps, 'locale' | 'trackingCode'>) {
  return locale === 'en'
    ? `Publication choice changed (${trackingCode})`
    : `公开方式已更改（跟踪编号 ${trackingCode}）`;
}

export default function ConsentChanged(props: ConsentChangedProps) {
  const t = copy[props.locale];
  return (
    <EmailFrame lang={props.locale} preview={t.preview(props.trackingCode)} heading={props.trackingCode}>
      <Text>{t.greeting}</Text>
      <Text>{t.changed(props.suggestionTitle)}</Text>
      <Text style={{ fontWeight: 700 }}>{t.consent[props.consent]}</Text>
      <Text>{props.byStaff ? t.byStaff : t.bySelf}</Text>
      <Text>{t.notYou}</Text>
      <Link href={props.trackUrl}>{props.trackUrl}</Link>
      <Hr />
      <Text style={{ color: '#4f5661', fontSize: '13px' }}>{t.noReply}</Text>
    </EmailFrame>
  );
}
