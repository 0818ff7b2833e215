/** Offers a JSON document as a file download, made in the page (nothing is sent anywhere). */
export function downloadJson(fileName: string, value: unknown, mediaType = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: mediaType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later: the download may not have started reading the blob yet.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name made from what a coder would recognise, reduced to safe characters. */
export function exportFileName(label: string | undefined, jobId: string, suffix: string): string {
  const base = (label ?? 'note').replace(/\.txt$/i, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'note';
  return `${base}-${jobId.slice(0, 8)}.${suffix}`;
}
