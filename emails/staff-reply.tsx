import { Hr, Text } from '@react-email/components';
import { EmailFrame } from './components/email-frame.tsx';

export type StaffReplyProps = {
  planTitle: string;
  organizer: string;
  suggestionTitle: string;
  trackingCode: string;
  message: string;
};

export function staffReplySubject({
  trackingCode,
  suggestionTitle,
}: Pick<StaffReplyProps, 'trackingCode' | 'suggestionTitle'>) {
  return `关于您的意见建议“${suggestionTitle.slice(0, 40)}”的答复（${trackingCode}）`;
}

/**
 * A moderator's written answer to a submitter. The message is plain text typed
 * by staff: paragraphs become <Text> blocks, and nothing in it is read as HTML.
 */
export default function StaffReply({ planTitle, organizer, suggestionTitle, trackingCode, message }: StaffReplyProps) {
  const paragraphs = message
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <EmailFrame lang="zh-CN" preview={`关于您的意见建议的答复（${trackingCode}）`} heading={organizer || planTitle}>
      <Text>您好：</Text>
      <Text>
        关于您对《{planTitle}》提出的意见建议“{suggestionTitle}”（跟踪编号 {trackingCode}），工作人员答复如下：
      </Text>
      {paragraphs.map((paragraph, index) => (
        <Text key={index} style={{ whiteSpace: 'pre-wrap' }}>
          {paragraph}
        </Text>
      ))}
      <Hr />
      <Text style={{ color: '#4f5661', fontSize: '13px' }}>
        感谢您对规划编制工作的关心和支持。您可以凭跟踪编号在网站“进度查询”页面查看办理结果。
      </Text>
    </EmailFrame>
  );
}
