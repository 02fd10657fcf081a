import { useTranslation } from '../i18n/use-translation.ts';
import { saveBlob } from '../utils/save-blob.ts';
import { useHydrated } from '../utils/use-hydrated.ts';

/**
 * "Download as PNG" for a server-rendered SVG chart: the browser draws the SVG
 * onto a canvas at twice its size and saves the canvas. Needs JavaScript, so
 * the button appears only once the page is hydrated; the CSV beside it works
 * without.
 */
export function ChartPngButton({ chartId, filename, label }: { chartId: string; filename: string; label: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button type="button" className="button button--secondary" onClick={() => void savePng(chartId, filename)}>
      {t('dashboard.downloadPng')}
      <span className="visually-hidden">：{label}</span>
    </button>
  );
}

async function savePng(chartId: string, filename: string) {
  const svg = document.getElementById(chartId);
  if (!(svg instanceof SVGSVGElement)) return;
  const box = svg.viewBox.baseVal;
  const scale = 2;
  const source = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil(box.height * scale);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return;
  saveBlob(blob, filename, 10_000);
}
