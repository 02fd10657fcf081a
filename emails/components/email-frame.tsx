import { Body, Container, Head, Heading, Html, Preview } from '@react-email/components';
import type { ReactNode } from 'react';

// The frame every Jianyan mail shares: the preview line mail clients show
// before opening, a white card with the portal's red rule, and a heading.
// Inline styles only: mail clients ignore style sheets.
const bodyStyle = {
  backgroundColor: '#f4f5f7',
  fontFamily: "'PingFang SC','Microsoft YaHei',sans-serif",
  color: '#1f2328',
};
const cardStyle = { backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px', borderTop: '4px solid #9f1d20' };

export function EmailFrame({
  lang,
  preview,
  heading,
  children,
}: {
  lang: string;
  preview: string;
  heading?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={bodyStyle}>
        <Container style={cardStyle}>
          {heading !== undefined && (
            <Heading as="h1" style={{ fontSize: '20px' }}>
              {heading}
            </Heading>
          )}
          {children}
        </Container>
      </Body>
    </Html>
  );
}
