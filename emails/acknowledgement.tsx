import { Hr, Link, Section, Text } from '@react-email/components';
import { EmailFrame } from './components/email-frame.tsx';

export type AcknowledgementProps = {
  locale: 'zh-CN' | 'en';
  trackingCode: string;
  planTitle: string;
  suggestionTitle: string;
  trackUrl: string;
  organizer: string;
};

const copy = {
  'zh-CN': {
    preview: (code: string) => `您的意见建议已收到，跟踪编号 ${code}`,
    greeting: '您好：',
    received: (plan: string) => `我们已收到您对《${plan}》提出的意见建议，感谢您的关注和支持。`,
    titleLabel: '标题',
    codeLabel: '跟踪编号',
    howToTrack: '请妥善保存跟踪编号。您可以凭跟踪编号和提交时填写的邮箱，随时查询办理进度和答复：',
    confidential: '您提供的姓名、单位和联系方式仅供工作人员联系使用，我们会严格保密。',
    noReply: '本邮件由系统自动发送，请勿直接回复。',
  },
  en: {
    preview: (code: string) => `We received your suggestion. Tracking code ${code}`,
    greeting: 'Hello,',
    received: (plan: string) => `We have received your suggestion on “${plan}”. Thank you for taking part.`,
    titleLabel: 'Title',
    codeLabel: 'Tracking code',
    howToTrack:
      'Keep the tracking code. With it and the email address you gave, you can follow the progress and any reply at:',
    confidential:
      'Your name, unit and contact details are used only by staff to reach you and are kept strictly confidential.',
    noReply: 'This message was sent automatically; please do not reply to it.',
  },
};

export function acknowledgementSubject({
  locale,
  trackingCode,
}: Pick<AcknowledgementProps, 'locale' | 'trackingCode'>) {
  return locale === 'en' ? `Suggestion received (${trackingCode})` : `意见建议已收到（跟踪编号 ${trackingCode}）`;
}

export default function Acknowledgement(props: AcknowledgementProps) {
  const t = copy[props.locale];
  return (
    <EmailFrame
      lang={props.locale}
      preview={t.preview(props.trackingCode)}
      heading={props.organizer || props.planTitle}
    >
      <Text>{t.greeting}</Text>
      <Text>{t.received(props.planTitle)}</Text>
      <Section style={{ backgroundColor: '#f4f5f7', padding: '12px 16px' }}>
        <Text style={{ margin: 0 }}>
          {t.titleLabel}：{props.suggestionTitle}
        </Text>
        <Text style={{ margin: 0, fontSize: '18px', fontWeight: 700 }}>
          {t.codeLabel}：{props.trackingCode}
        </Text>
      </Section>
      <Text>{t.howToTrack}</Text>
      <Link href={props.trackUrl}>{props.trackUrl}</Link>
      <Hr />
      <Text style={{ color: '#4f5661', fontSize: '13px' }}>{t.confidential}</Text>
      <Text style={{ color: '#4f5661', fontSize: '13px' }}>{t.noReply}</Text>
    </EmailFrame>
  );
}
