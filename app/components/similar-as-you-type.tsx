import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../i18n/use-translation.ts';
import { characterCount } from '../domain/suggestions/suggestion-form.ts';
import { SimilarItemText, type SimilarItem } from './similar-suggestions.tsx';

// Ask once the writer pauses, not on every key: each lookup is a full-text
// query and counts against the visitor's similar-search allowance.
const PAUSE_MS = 900;
// Fewer characters than this name no topic yet, and would match anything.
const MIN_CHARACTERS = 8;

/**
 * Similar published suggestions while someone types (issue 18, decision 049),
 * the JavaScript companion of the "查找相似建议" button. Only the title and the
 * body are sent, never the contact fields; nothing is stored. A plain fetch()
 * to /plans/:slug/similar, outside the router: a lookup in flight must not
 * meet the form's own submission. A failed or refused lookup shows nothing new.
 */
export function useSimilarAsYouType(slug: string) {
  const [items, setItems] = useState<SimilarItem[] | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | undefined>(undefined);
  const lastAsked = useRef('');
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  const ask = useCallback(
    async (typed: FormData) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      try {
        const response = await fetch(`/plans/${slug}/similar`, {
          method: 'POST',
          body: typed,
          signal: controller.signal,
        });
        if (!response.ok) return;
        const answer = (await response.json()) as { similar?: SimilarItem[] };
        if (!controller.signal.aborted) setItems(answer.similar ?? []);
      } catch {
        // Offline, aborted by a newer lookup, or leaving the page: the button still works.
      }
    },
    [slug],
  );

  const onInput = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const target = event.target as HTMLInputElement | HTMLTextAreaElement;
      if (target.name !== 'title' && target.name !== 'body') return;
      const form = event.currentTarget;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const field = (name: string) =>
          (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
        const title = field('title');
        const body = field('body');
        const asked = `${title}\n${body}`.trim();
        if (characterCount(asked) < MIN_CHARACTERS || asked === lastAsked.current) return;
        lastAsked.current = asked;
        const typed = new FormData();
        typed.set('title', title);
        typed.set('body', body);
        void ask(typed);
      }, PAUSE_MS);
    },
    [ask],
  );

  // Submitting the form ends the lookups: none may land on the way to the receipt.
  const onSubmit = useCallback(() => {
    clearTimeout(timer.current);
    inFlight.current?.abort();
  }, []);

  return { onInput, onSubmit, items };
}

/**
 * What the lookup found, under the body field. Inside the suggestion form, so
 * 附议 is a link to the suggestion's support page, not a form of its own.
 * The status line is always there, so that a screen reader hears each new count.
 */
export function SimilarAsYouType({ slug, items }: { slug: string; items: SimilarItem[] | undefined }) {
  const { t } = useTranslation();
  const found = items ?? [];
  return (
    <div className="similar similar--live">
      <p role="status" className={found.length > 0 ? 'similar__found' : 'visually-hidden'}>
        {found.length > 0 ? t('similar.liveFound', { count: found.length }) : ''}
      </p>
      {found.length > 0 && (
        <ol className="similar__list" aria-label={t('similar.title')}>
          {found.map((item) => (
            <li key={item.id} className="similar__item">
              <SimilarItemText item={item} />
              <Link to={`/plans/${slug}/support/${item.id}`} className="button button--secondary">
                {t('support.button')}
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
