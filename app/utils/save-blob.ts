/** Hands a Blob made in the browser to the browser's own download, under a file name. */
export function saveBlob(blob: Blob, filename: string, keepMs = 60_000): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start saving before the memory is released.
  setTimeout(() => URL.revokeObjectURL(url), keepMs);
}
