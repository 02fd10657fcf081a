import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from '@react-email/components';

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
    <Html lang="zh-CN">
      <Head />
      <Preview>{`关于您的意见建议的答复（${trackingCode}）`}</Preview>
      <Body
        style={{
          backgroundColor: '#f4f5f7',
          fontFamily: "'PingFang SC','Microsoft YaHei',sans-serif",
          color: '#1f2328',
        }}
      >
        <Container
          style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px', borderTop: '4px solid #9f1d20' }}
        >
          <Heading as="h1" style={{ fontSize: '20px' }}>
            {organizer || planTitle}
          </Heading>
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
        </Container>
      </Body>
    </Html>
  );
}
