// Text that the senders of the real mails in tests/fixtures/mail/real/ wrote
// (public list posts, transcribed from a public index and identified by
// Message-ID), read by a person from each file (decoded by hand with Python's
// codecs and read for sense), never produced by the decoder under test. See
// tests/fixtures/mail/real/README.md for where each file comes from. Probes for
// the mails that are not committed are in tests/third-party/mail-probes.ts.

export type Probe = { field: 'subject' | 'fromName' | 'text' | 'attachment'; contains: string };

export const realMailProbes: Record<string, Probe[]> = {
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
};
