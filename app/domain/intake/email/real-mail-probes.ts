// Text that the senders of the real third-party mails in
// tests/fixtures/mail/real/ wrote, read by a person from each file (decoded
// by hand with Python's codecs and read for sense, or taken from the source
// repository's own expected output), never produced by the decoder under test.
// See tests/fixtures/mail/real/README.md for where each file comes from.

export type Probe = { field: 'subject' | 'fromName' | 'text' | 'attachment'; contains: string };

export const realMailProbes: Record<string, Probe[]> = {
  // Labelled GB2312, bytes UTF-8 (8bit); subject and sender in GB2312 encoded words.
  'spamscope-mail_test_12.eml': [
    { field: 'subject', contains: '代开各地增值税发票' },
    { field: 'fromName', contains: '张先生' },
    { field: 'text', contains: '你好！我公司可代开各类增值税发票' },
    { field: 'text', contains: '（微信同号13662615434）此信息永久有效望存' },
  ],
  // HTML-only, labelled GB2312 in base64, with a GBK-only character; subject split over two encoded words.
  'spamscope-mail_test_9.eml': [
    { field: 'subject', contains: '我把镜头拉近些，你们看看这个是什么' },
    { field: 'text', contains: '我把镜头拉近些，你们看看这个是什么' },
  ],
  // Big5 written into the file as UTF-8 of its Latin-1 reading (double encoding), raw 8-bit subject, empty transfer encoding.
  'rubymail-content_transfer_encoding_empty.eml': [
    { field: 'subject', contains: '大家說英語 每日聽MP3 (2004年6月份) 繁體中文光碟版 (英語教學)' },
    { field: 'text', contains: '軟體帝國更新迅速' },
    { field: 'text', contains: 'Yahoo! 工具列 - 內置防止彈出視窗工能！' },
  ],
  // Big5, declared, 8bit (Evolution 1.0).
  'lkml-big5-evolution-1.eml': [
    { field: 'subject', contains: 'Re: nfsroot dead slow with redhat 7.2' },
    { field: 'text', contains: '在 週四, 2001-12-20 10:39, Trond Myklebust 寫道：' },
  ],
  'lkml-big5-evolution-2.eml': [
    { field: 'subject', contains: 'Re: tmpfs, NFS, file handles' },
    { field: 'text', contains: '在 週四, 2002-02-21 06:53, Neil Brown 寫道：' },
  ],
  // Big5 bytes labelled iso-8859-1 (Netscape 4.76 [zh_TW]).
  'lkml-big5-as-latin1-1.eml': [
    { field: 'subject', contains: 'Re: write/read cache raid5' },
    { field: 'text', contains: 'Alistair Riddell 寫道：' },
  ],
  'lkml-big5-as-latin1-2.eml': [{ field: 'text', contains: 'Padraig Brady 寫道：' }],
  // GB2312, declared, 8bit (FoxMail 3.11 and 4.1), full-width spaces in the signature.
  'linux-mips-foxmail-gb2312-1.eml': [
    { field: 'text', contains: 'Sun, Lei，您好！' },
    { field: 'text', contains: '在 2001-09-12 11:57:00 您写道：' },
    { field: 'text', contains: '致\n礼！' },
  ],
  'linux-mips-foxmail-gb2312-2.eml': [
    { field: 'text', contains: '======= 2002-04-25 03:14:00 您在来信中写道：=======' },
    { field: 'text', contains: '　　　　　　　　Zhang Fuxin' },
  ],
  // GB2312 from Gmail, sender name in an encoded word inside quotes.
  'v4l-gmail-gb2312.eml': [
    { field: 'fromName', contains: '冯鑫' },
    { field: 'text', contains: '在 08-4-2，Guennadi Liakhovetski<g.liakhovetski@gmx.de> 写道：' },
    { field: 'text', contains: '> On Tue, 1 Apr 2008, 冯鑫 wrote:' },
    { field: 'text', contains: '1、is this driver for linux-2.6.24?' },
  ],
  // Public-inbox list archives (git, byte-exact): Chinese senders as they post today.
  'osst-users-gb2312-attachment-name.eml': [
    { field: 'fromName', contains: '河南中奥毯业销售部' },
    { field: 'attachment', contains: '翟于运.gif' },
  ],
  'osst-users-utf8-attachment-name.eml': [
    { field: 'subject', contains: '2023年度综合补贴领取申报通知' },
    { field: 'attachment', contains: '综合补贴领取小程序.png' },
    { field: 'text', contains: '尊敬的同事们：根据国家财政部' },
    { field: 'text', contains: '祝工作顺利，生活愉快！' },
  ],
  // A spam filter wrote its tag and the subject back as raw 8-bit UTF-8.
  'osst-users-raw-utf8-subject.eml': [
    { field: 'subject', contains: '[SPAM] 进出口报关l78l8858453' },
    { field: 'text', contains: '本公司专业：全国各地口岸《整柜/拼柜》买单报关（高退费、包查验、放行付款）' },
  ],
  'osst-users-gbk-html.eml': [
    { field: 'subject', contains: '如需发票请联系我１３５３００３６９６６[无锡领路者户外运动俱乐部 ] 论坛注册地址' },
    { field: 'fromName', contains: '刘雨欣' },
    { field: 'text', contains: '亲爱的用户 胡一天：您好！' },
  ],
  // Outlook in Chinese: GB2312 subject with 回复: prefixes, quoted header block.
  'linux-mips-outlook-gb2312-reply.eml': [
    { field: 'subject', contains: '回复: 回复: [PATCH v7 RESEND] MIPS: force use FR=0 or FRE for FPXX binaries' },
    { field: 'text', contains: '> -----邮件原件-----' },
    { field: 'text', contains: '> 发送时间: 2021年3月29日 23:06' },
  ],
  // Thunderbird in Chinese: charset=gbk, quote line in Chinese.
  'linux-mips-thunderbird-gbk-1.eml': [{ field: 'text', contains: '在 2024/3/20 下午6:52, Thomas Gleixner 写道:' }],
  'linux-mips-thunderbird-gbk-2.eml': [{ field: 'text', contains: '在 2021/3/2 下午11:30, Maciej W. Rozycki 写道:' }],
};
