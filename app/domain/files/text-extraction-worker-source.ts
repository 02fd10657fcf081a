// The extraction child process's program, as plain JavaScript run with
// `node -e`. It is a string, not a module file, because this code runs both
// from TypeScript (tsx: the worker process) and from the Vite server bundle
// (routes), and a file path that holds in one does not hold in the other. The
// libraries it needs arrive as absolute URLs; the file arrives on stdin and
// the answer leaves as one JSON line on stdout.

export const TEXT_EXTRACTION_WORKER_SOURCE = `
const { kind, maxText, mammothUrl, pdfjsUrl } = JSON.parse(process.argv[1]);
let bytes;

async function docx() {
  const mammoth = (await import(mammothUrl)).default;
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value.trim().slice(0, maxText);
}

async function pdf() {
  const { getDocument } = await import(pdfjsUrl);
  // verbosity 0: pdfjs reports recoverable oddities through console.log.
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages = [];
    let length = 0;
    for (let number = 1; number <= document.numPages && length < maxText; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      pages.push(text);
      length += text.length;
    }
    return pages.join('\\n').trim().slice(0, maxText);
  } finally {
    await document.destroy();
  }
}

const answer = (value) => process.stdout.write(JSON.stringify(value) + '\\n', () => process.exit(0));
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  bytes = Buffer.concat(chunks);
  (kind === 'docx' ? docx() : pdf()).then((text) => answer({ text }), () => answer({ unreadable: true }));
});
`;
