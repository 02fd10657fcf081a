import { Text } from '@react-email/components';
import { EmailFrame } from './components/email-frame.tsx';

export type HeldNoticeProps = { planTitle: string; reason: 'attachments' };

export function heldNoticeSubject() {
  return '您的来信已收到，附件需要调整';
}

/** A polite answer when a mail cannot be taken as it is (attachment limits). */
export default function HeldNotice({ planTitle }: HeldNoticeProps) {
  return (
    <EmailFrame lang="zh-CN" preview={'您的来信已收到，附件需要调整'}>
      <Text>您好：</Text>
      <Text>感谢您对《{planTitle}》提出意见建议。您的来信已收到并妥善保存，工作人员会人工查看。</Text>
      <Text>
        来信的附件超出了系统的接收范围：最多 5 个附件，每个不超过 10 MB，格式为 .docx .doc .pdf .wps .txt .jpg .png。
        如方便，请将附件压缩、拆分或转换格式后重新发送，或将主要内容直接写在邮件正文中。
      </Text>
      <Text style={{ color: '#4f5661', fontSize: '13px' }}>本邮件由系统自动发送，请勿直接回复。</Text>
    </EmailFrame>
  );
}
