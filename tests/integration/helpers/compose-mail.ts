import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

// Test mail built by nodemailer, a mail client library that none of the
// intake code uses to read mail: the message is not made by the code under test.
const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

export async function composeMail(options: Mail.Options): Promise<Buffer> {
  const info = await transport.sendMail({
    from: '张明 <zhangming@example.edu.cn>',
    to: 'ghy@example.edu.cn',
    ...options,
  });
  return info.message as Buffer;
}
