import { Button, Hr, Link, Text } from '@react-email/components';
import { EmailFrame } from './components/email-frame.tsx';

export type DecisionEmailProps = {
  planTitle: string;
  organizer: string;
  suggestionTitle: string;
  trackingCode: string;
  /** 采纳 / 部分采纳 / 不予采纳, already in words. */
  decisionLabel: string;
  publicReply: string | null;
  trackUrl: string;
  /** The single-purpose rating link (/rate/<token>). */
  rateUrl: string;
};

export function decisionSubject({
  trackingCode,
  suggestionTitle,
}: Pick<DecisionEmailProps, 'trackingCode' | 'suggestionTitle'>) {
  return `您的意见建议“${suggestionTitle.slice(0, 40)}”已办结（${trackingCode}）`;
}

/**
 * Sent when a suggestion is decided: the outcome, the public reply, and a
 * link to rate the handling (《信访工作条例》 Art. 29). The link carries a
 * token that can only rate; it does not open /track.
 */
export default function DecisionEmail(props: DecisionEmailProps) {
  return (
    <EmailFrame
      lang="zh-CN"
      preview={`办理结果：${props.decisionLabel}（${props.trackingCode}）`}
      heading={props.organizer || props.planTitle}
    >
      <Text>您好：</Text>
      <Text>
        您对《{props.planTitle}》提出的意见建议“{props.suggestionTitle}”（跟踪编号 {props.trackingCode}
        ）已办理完毕，办理结果为：
        <strong>{props.decisionLabel}</strong>。
      </Text>
      {props.publicReply && <Text style={{ whiteSpace: 'pre-wrap' }}>答复：{props.publicReply}</Text>}
      <Text>请您对本次办理情况作出评价（满意 / 基本满意 / 不满意），每条意见建议可评价一次：</Text>
      <Button
        href={props.rateUrl}
        style={{ backgroundColor: '#9f1d20', color: '#ffffff', padding: '12px 20px', borderRadius: '4px' }}
      >
        评价办理情况
      </Button>
      <Text style={{ fontSize: '13px', color: '#4f5661' }}>
        如按钮无法打开，请复制此链接到浏览器：<Link href={props.rateUrl}>{props.rateUrl}</Link>
      </Text>
      <Hr />
      <Text style={{ color: '#4f5661', fontSize: '13px' }}>
        您也可以凭跟踪编号和提交时填写的联系方式在 <Link href={props.trackUrl}>{props.trackUrl}</Link>{' '}
        查看办理进度并评价。本邮件由系统自动发送，请勿直接回复。
      </Text>
    </EmailFrame>
  );
}
