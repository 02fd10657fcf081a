import { type Probe } from '../../app/domain/intake/email/real-mail-probes.ts';

// Text that the senders of the third-party mails (tests/third-party/README.md;
// not committed) wrote, read by a person from each file (decoded by hand with
// Python's codecs and read for sense, or taken from the source repository's own
// expected output), never produced by the decoder under test.

/** File name -> sha256 of the bytes as published (see the README). */
export const thirdPartyMails: Readonly<Record<string, string>> = {
  'spamscope-mail_test_12.eml': 'df75861851d704eb3aeb8db9b64cb8db5b963e53a44e7c7da794bf29e9f34d69',
  'spamscope-mail_test_9.eml': 'e0984326c6260ba2347042add2f670382cb449f63d081d6edadee7dca8b35e57',
  'rubymail-content_transfer_encoding_empty.eml': 'dbee836f985030404387dfb87813d0b1f3d2f3851a9ae98ba4d896983104c1ae',
  'osst-users-gb2312-attachment-name.eml': 'e9d78586db313fe5c76f298a03f74065c77f44e3e0aaff048332f3d03f2ad5ee',
  'osst-users-utf8-attachment-name.eml': '1525fa315a75393ef9cdae32cb52e704dcaa8b881e9ba9ca7aada21538a0d089',
  'osst-users-raw-utf8-subject.eml': '38cb0b13f3cc05f11878d354f26a6a030222742a3c88bcc8799d5f8f5ec7463b',
  'osst-users-gbk-html.eml': '9bb5d1289ba6cf99c245f527b68b6cc0915b9726382e02c35b87db791614adcd',
  'linux-mips-outlook-gb2312-reply.eml': '9e425139cd1d38ce0909e3d522c9186f1b0218dc3e755885b95ba4852fa7f175',
  'linux-mips-thunderbird-gbk-1.eml': 'aad672123d30314fa789f624cb477c7581c29949d1c58de3c17eec2a8f795237',
  'linux-mips-thunderbird-gbk-2.eml': '876011d355cd96576f398160f44ec656ba1e5dc072f8771dddb22b0b44ce4664',
};

export const thirdPartyMailProbes: Record<string, Probe[]> = {
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
