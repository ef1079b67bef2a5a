/**
 * `Content-Disposition: attachment` with the Chinese file name in RFC 5987 / 6266 `filename*`
 * (UTF-8, percent-encoded) and an ASCII `filename` fallback for old clients.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file name safe on Windows, macOS and WeChat: no path separators or reserved characters. */
export function safeFileName(name: string): string {
  return [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .slice(0, 120);
}
