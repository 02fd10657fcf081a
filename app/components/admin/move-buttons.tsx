import { useTranslation } from '../../i18n/use-translation.ts';

/**
 * ↑ and ↓ for one item of a list staff put in order (sections, categories):
 * they post `intent=up|down` with the form they sit in, which names the item.
 * The arrows alone say nothing to a screen reader, so each button is labelled
 * with the item's name; the first cannot go up and the last cannot go down.
 */
export function MoveButtons({ index, count, name }: { index: number; count: number; name: string }) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="submit"
        name="intent"
        value="up"
        className="button button--secondary"
        disabled={index === 0}
        aria-label={t('admin.moveUpNamed', { name })}
      >
        ↑
      </button>
      <button
        type="submit"
        name="intent"
        value="down"
        className="button button--secondary"
        disabled={index === count - 1}
        aria-label={t('admin.moveDownNamed', { name })}
      >
        ↓
      </button>
    </>
  );
}
