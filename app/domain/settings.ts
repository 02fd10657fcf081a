// The part of the configuration that domain functions read. The domain never
// reads the environment or imports app/server: the process (app/server/config.ts)
// builds a Config that includes these fields and passes it in, and a test or a
// script can pass a plain object (docs/decisions/005-domain-free-of-http.md).

export type CaptchaSettings = {
  disabled: boolean;
  siteKey: string;
  secret: string;
  verifyUrl: string;
  scriptUrl: string | undefined;
  usingTestKeys: boolean;
};

export type ImapSettings = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
};

export type IntakeSettings = {
  imap: ImapSettings | undefined;
  processedFolder: string | undefined;
  pollSeconds: number;
  token: string | undefined;
  maxBytes: number;
  repliesPerHour: number;
  maxFailures: number;
};

export type RateLimitSettings = { submitPerHour: number; trackPerHour: number; loginFailuresPer15Min: number };

export type DomainSettings = {
  /**
   * The portal's own address for links in mail and files: PUBLIC_URL, else the
   * address the server listens on (set once it listens). Never taken from a
   * request's Host header, which the sender controls.
   */
  siteUrl: string;
  captcha: CaptchaSettings;
  intake: IntakeSettings;
  rateLimits: RateLimitSettings;
};
