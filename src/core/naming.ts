// Backup names: `<prefix>-<YYYYMMDD>T<HHMMSS>Z[-<label>].zip`. The name is the only thing that
// places a backup in time and in a series; 1fichier's own `date` has no zone and is never used.

/** What a user-given prefix or label may contain. */
export const NAME_PART = /^[A-Za-z0-9._-]+$/

export function formatTimestamp(time: Date): string {
  return time
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
}

export function backupFileName(prefix: string, time: Date, label = ''): string {
  return `${prefix}-${formatTimestamp(time)}${label === '' ? '' : `-${label}`}.zip`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
}

/** The whole-name pattern of a series; nothing that fails it is ever touched. */
export function seriesPattern(prefix: string): RegExp {
  return new RegExp(`^${escapeRegExp(prefix)}-(\\d{8}T\\d{6}Z)(?:-[A-Za-z0-9._-]+)?\\.zip$`)
}

export type SeriesMembership =
  { member: false } | { member: true; time: Date } | { member: true; time: null; reason: string }

/** Whether a file name belongs to the series, and when it was made if its timestamp is a real time. */
export function seriesMembership(prefix: string, fileName: string): SeriesMembership {
  const match = seriesPattern(prefix).exec(fileName)
  if (!match?.[1]) return { member: false }
  const time = parseTimestamp(match[1])
  return time ? { member: true, time } : { member: true, time: null, reason: `'${match[1]}' is not a real time` }
}

function parseTimestamp(stamp: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp)
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // Date.UTC rolls 2026-02-30 over to March; such a name is not a real time.
  if (
    time.getUTCFullYear() !== year ||
    time.getUTCMonth() !== month - 1 ||
    time.getUTCDate() !== day ||
    time.getUTCHours() !== hour ||
    time.getUTCMinutes() !== minute ||
    time.getUTCSeconds() !== second
  ) {
    return null
  }
  return time
}
