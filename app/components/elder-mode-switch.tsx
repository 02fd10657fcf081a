import { translator, type Locale } from '../i18n/index.ts';

/**
 * 长辈模式 on / off. A plain HTML form (not React Router's <Form>): it works
 * without JavaScript, and the full reload re-renders every page in the mode.
 */
export function ElderModeSwitch({ elder, locale, returnTo }: { elder: boolean; locale: Locale; returnTo: string }) {
  const t = translator(locale);
  return (
    <form method="post" action="/elder-mode" className="elder-switch">
      <input type="hidden" name="elder" value={elder ? '0' : '1'} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="elder-switch__button">
        {elder ? t('elder.off') : t('elder.on')}
      </button>
    </form>
  );
}
