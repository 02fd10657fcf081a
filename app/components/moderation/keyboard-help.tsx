import type { MessageKey } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export const KEYBOARD_HELP_ID = 'keyboard-help';

/** The shortcuts, written on the page (a <details>, so it works and reads without JavaScript); `?` opens it. */
export function KeyboardHelp({
  keys,
  enabled,
  onToggle,
}: {
  keys: [string, MessageKey][];
  enabled: boolean;
  onToggle: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <details id={KEYBOARD_HELP_ID} className="keyboard-help">
      <summary>{t('mod.keys.title')}</summary>
      <p>{t('mod.keys.intro')}</p>
      <dl>
        {keys.map(([key, label]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(event) => onToggle(event.target.checked)} />{' '}
        {t('mod.keys.enabled')}
      </label>
    </details>
  );
}

export function toggleKeyboardHelp() {
  const help = document.getElementById(KEYBOARD_HELP_ID);
  if (!(help instanceof HTMLDetailsElement)) return;
  help.open = !help.open;
  help.querySelector('summary')?.focus();
}
