import { useRouteLoaderData } from 'react-router';
import { defaultLocale, formatDate, translator, type Locale } from './index.ts';

type RootData = { locale: Locale } | undefined;

/** The locale chosen by the root loader, with a bound `t` and date formatter. */
export function useTranslation() {
  const data = useRouteLoaderData('root') as RootData;
  const locale = data?.locale ?? defaultLocale;
  return { locale, t: translator(locale), formatDate: (date: Date) => formatDate(date, locale) };
}
