/**
 * Saves a blob as a file: a blob URL on an `<a download>` that is clicked and then revoked. The
 * blob is typed as opaque bytes, so even a browser that ignored `download` would not render it
 * as a page with the host's origin.
 */
export function downloadBlob(doc: Document, parts: BlobPart[], filename: string): void {
  const href = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
  const link = Object.assign(doc.createElement('a'), { href, download: filename, rel: 'noopener' });
  link.click();
  // Revoked later, not at once: Safari starts the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
