// A 1fichier file is named by its download URL, `https://1fichier.com/?<id>`; the same file may be
// shown under another of 1fichier's domains (the domain table of https://1fichier.com/api.html).
// So files are told apart by the id after `?`, never by comparing whole URLs.

/** Download ids seen are 5-20 lowercase letters and digits (JDownloader's rule). */
const FILE_ID = /^[a-z0-9]{5,20}$/

/** The file id of a download URL, or null when the URL does not carry one we can trust. */
export function fileIdOf(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const at = url.indexOf('?')
  if (at === -1) return null
  const id = url
    .slice(at + 1)
    .split(/[&#]/)[0]!
    .toLowerCase()
  return FILE_ID.test(id) ? id : null
}

/** Whether two URLs name the same file (false when either has no id). */
export function sameFile(a: unknown, b: unknown): boolean {
  const idA = fileIdOf(a)
  return idA !== null && idA === fileIdOf(b)
}
