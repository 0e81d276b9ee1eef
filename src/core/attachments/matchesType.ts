/**
 * Types browsers leave empty (`File.type === ''`) for some files, guessed from the extension so
 * an accepted `notes.log` or a `.pdf` from an odd OS is not refused. The server sniffs the bytes
 * again, so a wrong guess only ever costs a server-side refusal.
 */
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
};

/** The MIME type of a file: what the browser says, else a guess from the name, else ''. */
export function fileType(file: { name: string; type: string }): string {
  if (file.type) return file.type.toLowerCase();
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (extension && TYPES_BY_EXTENSION[extension]) || '';
}

/**
 * Whether `type` is one of `accepted`: exact MIME types, `type/*` wildcards, or `*` / `*\/*`.
 * Parameters (`; charset=…`) and case are ignored.
 *
 * @example
 * matchesType('image/png', ['image/*', 'application/pdf']); // true
 */
export function matchesType(type: string, accepted: readonly string[]): boolean {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  if (!bare) return false;
  return accepted.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    if (p === '*' || p === '*/*') return true;
    if (p.endsWith('/*')) return bare.startsWith(p.slice(0, -1));
    return p === bare;
  });
}
