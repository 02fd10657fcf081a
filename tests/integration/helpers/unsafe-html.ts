import { Parser } from 'htmlparser2';

// What in a page could run script, read by htmlparser2 (a parser that is not
// the renderer under test). The portal's own pages carry none of these except
// its scripts with the response's CSP nonce, so anything found came from data.
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'background',
  'dynsrc',
  'lowsrc',
  'xlink:href',
  'poster',
  'srcdoc',
]);
const ACTIVE_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'bgsound',
  'layer',
  'xml',
  'isindex',
  'keygen',
]);

export function findUnsafeMarkup(html: string, nonce: string | null): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script' && attributes.nonce !== nonce) found.push(`<script> without the page nonce`);
        if (name === 'style' && attributes.nonce !== nonce) found.push(`<style> without the page nonce`);
        if (ACTIVE_ELEMENTS.has(name)) found.push(`<${name}>`);
        // Content-Type (mail templates declare their charset so) can neither run script nor navigate.
        const httpEquiv = attributes['http-equiv'];
        if (name === 'meta' && httpEquiv && httpEquiv.toLowerCase() !== 'content-type')
          found.push(`<meta http-equiv=${httpEquiv}>`);
        if (
          name === 'link' &&
          /stylesheet|import/i.test(attributes.rel ?? '') &&
          !/^\/assets\//.test(attributes.href ?? '')
        )
          found.push(`<link ${attributes.href}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) found.push(`<${name} ${attribute}>`);
          const squeezed = value.replace(/[\s\p{Cc}]+/gu, '').toLowerCase();
          if (URL_ATTRIBUTES.has(attribute) && /^(javascript|vbscript|livescript|mocha|data:text\/html)/.test(squeezed))
            found.push(`<${name} ${attribute}=${value}>`);
          if (attribute === 'style' && /expression\(|javascript:|url\(/i.test(value))
            found.push(`<${name} style=${value}>`);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** The text a reader sees, whitespace collapsed (entities decoded, tags dropped). */
export function visibleText(html: string): string {
  let text = '';
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style' || name === 'template') skip += 1;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style' || name === 'template') skip -= 1;
      },
      ontext(data) {
        if (!skip) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text.replace(/\s+/g, ' ');
}

export function cspNonceOf(response: Response): string | null {
  return /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? null;
}
