import HCaptcha from '@hcaptcha/react-hcaptcha';
import { useState } from 'react';
import { useHydrated } from '../utils/use-hydrated.ts';

type Props = { siteKey: string; scriptUrl?: string; locale: string; note: string };

/**
 * hCaptcha needs JavaScript; it renders only in the browser. The token goes in
 * a hidden field. Without JavaScript (or if the widget cannot load) the form
 * still submits, and the server holds the suggestion for a person to check.
 * Sentry reporting is off: no third-party call we did not choose.
 */
export function CaptchaWidget({ siteKey, scriptUrl, locale, note }: Props) {
  const mounted = useHydrated();
  const [token, setToken] = useState('');
  return (
    <div className="captcha">
      <input type="hidden" name="captcha-token" value={token} />
      {mounted && (
        <HCaptcha
          sitekey={siteKey}
          scriptSource={scriptUrl}
          languageOverride={locale === 'en' ? 'en' : 'zh-CN'}
          sentry={false}
          onVerify={(value) => setToken(value)}
          onExpire={() => setToken('')}
        />
      )}
      <p className="field__hint">{note}</p>
    </div>
  );
}
