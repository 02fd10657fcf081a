import { Hr, Link, Text } from '@react-email/components';
import { EmailFrame } from './components/email-frame.tsx';

// The single-use link for a staff member who cannot sign in because someone
// keeps guessing from their address. Staff accounts carry no language, so the
// message is in both (Chinese first, the portal's default).

export type StaffUnlockProps = { unlockUrl: string; minutes: number };

export const staffUnlockSubject = '建言：从此浏览器登录的链接 / Jianyan: a link to sign in from this browser';

export default function StaffUnlock({ unlockUrl, minutes }: StaffUnlockProps) {
  return (
    <EmailFrame lang="zh-CN" preview={'从此浏览器登录的一次性链接'} heading="建言 · 工作人员登录">
      <Text>
        有人为您的工作人员账户申请了登录链接。在您常用的浏览器中打开以下链接并确认后，该浏览器即成为“已知设备”：即使有人从同一网络反复猜测密码，您仍可用密码从这台设备登录。链接{' '}
        {minutes} 分钟内有效，只能使用一次。
      </Text>
      <Link href={unlockUrl}>{unlockUrl}</Link>
      <Text>如果这不是您本人的申请，请忽略本邮件；链接本身不会让任何人登录，仍需要您的密码。</Text>
      <Hr />
      <Text>
        Someone asked for a sign-in link for your staff account. Open the link above in the browser you use and confirm:
        that browser becomes a known device, and you can sign in from it with your password even while someone keeps
        guessing from your network. The link works once, within {minutes} minutes.
      </Text>
      <Text>
        If you did not ask for it, ignore this message: the link alone signs no one in; your password is still needed.
      </Text>
    </EmailFrame>
  );
}
