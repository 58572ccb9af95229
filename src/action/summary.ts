// What a run produced, as step outputs and as the job summary's markdown. Shared by both shells.
import { type RunResult, outputValues } from '../backup/result.js'
import type { SavedArtifact } from './artifact.js'
import { formatBytes, formatDuration } from '../core/format.js'
import { REPOSITORY } from '../core/version.js'
import { type Backup, COUNT_RULES, type RetentionPolicy, WITHIN_RULES, durationLabel } from '../core/retention.js'

/** A step output's text: none for null, JSON for a list. */
const asOutput = (value: string | number | boolean | null | object): string =>
  value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)

export function outputsOf(result: RunResult): Record<string, string> {
  const values = Object.entries(outputValues(result)).map(([name, value]) => [name, asOutput(value)] as const)
  return {
    ...Object.fromEntries(values),
    'missing-files': JSON.stringify(result.missing.map((m) => m.name)),
    'artifact-id': '',
    'artifact-url': '',
  }
}

/** A failed run still says where its zip went, when it was kept as a workflow artifact. */
export function failureOutputs(artifact: SavedArtifact | undefined): Record<string, string> {
  return artifact ? { 'artifact-id': String(artifact.id), 'artifact-url': artifact.url } : {}
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

/** Why a backup was not kept: every rule it fell outside of (restic keeps the union of the rules). */
export function whyNotKept(policy: RetentionPolicy): string {
  const rules = COUNT_RULES.filter((rule) => (policy[rule] ?? 0) > 0).map(
    (rule) => `keep-${rule} ${policy[rule] === Infinity ? 'unlimited' : policy[rule]}`,
  )
  if (policy.within) rules.push(`keep-within ${durationLabel(policy.within)}`)
  for (const [key, period] of WITHIN_RULES) {
    const d = policy[key]
    if (d) rules.push(`keep-within-${period} ${durationLabel(d)}`)
  }
  return rules.length > 0 ? `beyond ${rules.join(', ')}` : 'no rule keeps it'
}

/**
 * The series' sizes as it stands after the run, newest at the top, as a Mermaid bar chart laid
 * on its side (GitHub renders Mermaid in Markdown, job summaries included): a sudden drop is how a
 * broken backup shows. Side-on, the labels stack instead of overlapping; past 30 backups, the
 * newest 30 are shown and the title says so. Nothing for fewer than two backups with a known size.
 */
export function sizeChart(backups: readonly Backup[]): string[] {
  const sized = backups
    .filter((b): b is Backup & { size: number } => b.size !== undefined)
    .sort((x, y) => y.time.getTime() - x.time.getTime())
  if (sized.length < 2) return []
  const shown = sized.slice(0, CHART_BARS)
  const largest = Math.max(...shown.map((b) => b.size))
  const [unit, scale] = CHART_UNITS.find(([, bytes]) => largest >= bytes) ?? ['bytes', 1]
  // Short labels: the year only when the bars span more than one.
  const years = new Set(shown.map((b) => b.time.getUTCFullYear())).size > 1
  const labels = shown.map(
    (b) =>
      `"${b.time
        .toISOString()
        .slice(years ? 2 : 5, 16)
        .replace('T', ' ')}"`,
  )
  const values = shown.map((b) => Number((b.size / scale).toFixed(2)))
  const which = sized.length > shown.length ? `the newest ${shown.length} of ${sized.length}` : `all ${sized.length}`
  return [
    '',
    `Sizes of the series after this run (${unit}, times UTC, newest at the top; ${which}):`,
    '',
    '```mermaid',
    'xychart-beta horizontal',
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "${unit}" 0 --> ${Math.max(...values)}`,
    `  bar [${values.join(', ')}]`,
    '```',
  ]
}

/** How to get this backup back: the restore sub-action's step, and the CLI's line. */
function restoreHint(result: RunResult): string[] {
  // The account root is the default: no folder to name then.
  const folder = result.folderPath
  return [
    '',
    '<details><summary>Restore this backup</summary>',
    '',
    '```yaml',
    `- uses: ${REPOSITORY}/restore@v1`,
    '  with:',
    '    api-key: ${{ secrets.ONEFICHIER_API_KEY }}',
    ...(folder ? [`    folder: ${yamlString(folder)}`] : []),
    `    name-prefix: ${yamlString(result.namePrefix)}`,
    `    backup: ${yamlString(result.fileName)}`,
    '    path: restored/',
    '```',
    '',
    'or from a shell (key in `ONEFICHIER_API_KEY`):',
    '',
    '```sh',
    `1fichier-backup restore ${folder ? `--folder ${shellWord(folder)} ` : ''}` +
      `--name-prefix ${shellWord(result.namePrefix)} --backup ${shellWord(result.fileName)} --to restored`,
    '```',
    '',
    '</details>',
  ]
}

/** A word for a POSIX shell, whatever it holds: single quotes, and each ' as '\''. */
const shellWord = (text: string) => `'${text.replace(/'/g, "'\\''")}'`

/** A YAML scalar that stays a string whatever it holds (`: `, `#`, quotes, `yes`): a JSON string is one. */
const yamlString = (text: string) =>
  /^[\w./-]+$/.test(text) && !/^(y|n|yes|no|on|off|true|false|null|~)$/i.test(text) ? text : JSON.stringify(text)

/** The chart shows the newest this many. */
const CHART_BARS = 30
const CHART_UNITS: Array<[string, number]> = [
  ['GiB', 1024 ** 3],
  ['MiB', 1024 ** 2],
  ['KiB', 1024],
]

/** Long tables fold away, so the link and the outcome stay at the top. */
const FOLD_ROWS = 15

export function summaryMarkdown(
  result: RunResult,
  warnings: readonly string[] = [],
  policy: RetentionPolicy = {},
): string {
  const lines: string[] = ['## 1fichier backup', '']
  if (result.status === 'no-files') {
    lines.push('No files matched `path`: no backup was made.')
    return `${lines.join('\n')}\n`
  }
  const title =
    result.status === 'dry-run'
      ? '**Dry run**: the zip was made; nothing was uploaded or deleted.'
      : result.status === 'unchanged'
        ? `**Unchanged**: the files are the same as in [${result.fileName}](${result.url}), the newest backup; ` +
          `nothing was uploaded.`
        : `**Backup**: [${result.fileName}](${result.url})`
  lines.push(title, '', '| Item | Value |', '|---|---|')
  const rows: Array<[string, string]> = [
    ['File', `\`${result.fileName}\``],
    ['Folder', `\`/${result.folderPath}\`${result.folderId === null ? '' : ` (id ${result.folderId})`}`],
    ['Size', `${formatBytes(result.size)} (${result.size} bytes)`],
    ['Files', String(result.fileCount)],
    ['Duration', formatDuration(result.durationMs)],
    ['SHA-256', `\`${result.sha256}\``],
    ['Whirlpool', `\`${result.whirlpool}\``],
    ['Encryption', result.encrypted ? 'AES-256 (WinZip AE-2); entry names readable' : 'none'],
  ]
  if (result.status === 'uploaded')
    rows.unshift([
      'Verified',
      "1fichier's copy: its size and Whirlpool match the zip, in the intended folder; the zip: every entry read " +
        'back (CRC-32 or AES code) before the upload',
    ])
  if (result.comparison) rows.push(['Skip unchanged', result.comparison])
  if (result.url) rows.unshift(['Download', result.url])
  for (const [name, value] of rows) lines.push(`| ${name} | ${escapeCell(value)} |`)
  if (result.notices.length > 0) {
    lines.push('', '### 1fichier account', '')
    for (const notice of result.notices) lines.push(`> [!WARNING]`, `> ${escapeCell(notice)}`, '')
  }
  if (result.missing.length > 0) {
    lines.push(
      '',
      `### Missing files (${result.missing.length})`,
      '',
      'These selected files could not be read, and are not in the backup:',
      '',
    )
    for (const m of result.missing.slice(0, 50)) lines.push(`- \`${escapeCell(m.name)}\`: ${escapeCell(m.reason)}`)
    if (result.missing.length > 50) lines.push(`- … and ${result.missing.length - 50} more (see the log)`)
  }
  if (result.status === 'uploaded' || result.status === 'unchanged') lines.push(...restoreHint(result))
  const stages = Object.entries(result.stagesMs).map(([stage, ms]) => `${stage} ${formatDuration(ms)}`)
  if (stages.length > 0) lines.push('', `Stages: ${stages.join(', ')}`)

  const retention = result.retention
  if (retention) {
    lines.push('', '### Retention', '')
    if (retention.skipped) lines.push(`Skipped: ${retention.skipped}.`)
    if (retention.plan) {
      const pruned = new Set(retention.pruned.map((b) => b.url))
      const failed = new Map(retention.notPruned.map((n) => [n.backup.url, n.reason]))
      const rows = retention.plan.decisions.length
      if (rows > FOLD_ROWS)
        lines.push(
          `<details><summary>${retention.plan.keep.length} kept, ${retention.plan.remove.length} not kept (${rows} ` +
            `backups)</summary>`,
          '',
        )
      lines.push('| Backup | Size | Decision | Why |', '|---|---:|---|---|')
      for (const d of retention.plan.decisions) {
        const decision = d.keep
          ? 'kept'
          : result.status === 'dry-run'
            ? 'would be deleted'
            : pruned.has(d.backup.url)
              ? 'deleted'
              : `not deleted: ${failed.get(d.backup.url) ?? 'unknown'}`
        const why = d.keep ? d.reasons.join(', ') : whyNotKept(policy)
        const size = d.backup.size === undefined ? '' : formatBytes(d.backup.size)
        lines.push(`| \`${d.backup.fileName}\` | ${size} | ${escapeCell(decision)} | ${escapeCell(why)} |`)
      }
      if (rows > FOLD_ROWS) lines.push('', '</details>')
      // As the series stands after the run: what was kept, and what could not be deleted.
      lines.push(
        ...sizeChart(retention.plan.decisions.filter((d) => d.keep || !pruned.has(d.backup.url)).map((d) => d.backup)),
      )
    }
  }
  // The account's notices have their own section above.
  warnings = warnings.filter((w) => !result.notices.includes(w))
  if (warnings.length > 0) {
    lines.push('', `### Warnings (${warnings.length})`, '')
    for (const w of warnings.slice(0, 30)) lines.push(`- ${escapeCell(w)}`)
    if (warnings.length > 30) lines.push(`- … and ${warnings.length - 30} more (see the log)`)
  }
  return `${lines.join('\n')}\n`
}
