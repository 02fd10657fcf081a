import { Link, useLocation } from 'react-router';
import { translator, type Locale } from '../i18n/index.ts';
import { ElderModeSwitch } from './elder-mode-switch.tsx';

export function SiteHeader({ locale, elder }: { locale: Locale; elder: boolean }) {
  const t = translator(locale);
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.set('lng', locale === 'en' ? 'zh-CN' : 'en');
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="site-brand">
          <span className="site-brand__name">{t('site.name')}</span>
          <span className="site-brand__tagline">{t('site.tagline')}</span>
        </Link>
        <nav className="site-nav" aria-label={t('site.nav')}>
          <Link to="/track">{t('track.title')}</Link>
        </nav>
        {/* The visible word stays in the accessible name (WCAG 2.5.3 Label in
            Name: a speech user says what they see); the explanation follows it. */}
        <a
          className="language-switch"
          href={`${location.pathname}?${params.toString()}`}
          hrefLang={locale === 'en' ? 'zh-CN' : 'en'}
        >
          <span lang={locale === 'en' ? 'zh-CN' : 'en'}>{t('site.languageSwitch')}</span>
          <span className="visually-hidden"> {t('site.languageSwitchLabel')}</span>
        </a>
        <ElderModeSwitch elder={elder} locale={locale} returnTo={`${location.pathname}${location.search}`} />
      </div>
    </header>
  );
}

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = translator(locale);
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('site.footer')}</p>
      </div>
    </footer>
  );
}
