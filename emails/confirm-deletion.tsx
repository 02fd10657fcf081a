import { Hr, Link, Text } from '@react-email/components';
import { EmailFrame } from './components/email-frame.tsx';

// The link that confirms a submitter's request to delete their contact
// details: only someone who can read this mailbox can confirm it.

export type ConfirmDeletionProps = { locale: 'zh-CN' | 'en'; trackingCode: string; confirmUrl: string };

const copy = {
  'zh-CN': {
    preview: '请确认删除您的联系方式',
    greeting: '您好：',
    asked: (code: string) =>
      `有人在进度查询页面请求删除跟踪编号 ${code} 的意见建议所留的姓名、单位和联系方式。意见建议本身会保留，以匿名方式继续办理。`,
    confirm: '如确认删除，请在 7 天内打开以下链接。删除后无法恢复，我们也将无法再联系您：',
    ignore: '如果这不是您本人的请求，请忽略本邮件，您的信息不会被删除。',
    noReply: '本邮件由系统自动发送，请勿直接回复。',
  },
  en: {
    preview: 'Please confirm the deletion of your contact details',
    greeting: 'Hello,',
    asked: (code: string) =>
      `Someone asked on the tracking page to delete the name, unit and contact details left with suggestion ${code}. The suggestion itself stays and is handled anonymously.`,
    confirm:
      'To confirm, open this link within 7 days. Deletion cannot be undone, and we will no longer be able to reach you:',
    ignore: 'If you did not ask for this, ignore this message: nothing will be deleted.',
    noReply: 'This message was sent automatically; please do not reply to it.',
  },
};

export function confirmDeletionSubject({
  locale,
  trackingCode,
}: Pick<ConfirmDeletionProps, 'locale' | 'trackingCode'>) {
  return locale === 'en'
    ? `Confirm deleting your contact details (${trackingCode})`
    : `请确认删除联系方式（跟踪编号 ${trackingCode}）`;
}

export default function ConfirmDeletion(props: ConfirmDeletionProps) {
  const t = copy[props.locale];
  return (
    <EmailFrame lang={props.locale} preview={t.preview} heading={props.trackingCode}>
      <Text>{t.greeting}</Text>
      <Text>{t.asked(props.trackingCode)}</Text>
      <Text>{t.confirm}</Text>
      <Link href={props.confirmUrl}>{props.confirmUrl}</Link>
      <Hr />
      <Text style={{ color: '#4f5661', fontSize: '13px' }}>{t.ignore}</Text>
      <Text style={{ color: '#4f5661', fontSize: '13px' }}>{t.noReply}</Text>
    </EmailFrame>
  );
}
