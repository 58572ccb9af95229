// The job summary a workflow author reads: a real header row, why each backup was not kept, the
// run's warnings, and long retention tables folded away.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { sizeChart, summaryMarkdown, whyNotKept } from '../../../src/action/summary.js'
import { planRetention } from '../../../src/core/retention.js'
import type { RunResult } from '../../../src/backup/run.js'

const base: RunResult = {
  status: 'uploaded',
  fileName: 'r-20260601T000000Z.zip',
  url: 'https://1fichier.com/?abcdef1234',
  size: 2048,
  sha256: 'a'.repeat(64),
  whirlpool: 'b'.repeat(128),
  fileCount: 3,
  folderId: 7,
  folderPath: 'backups/r',
  retention: null,
  comparison: '',
  notices: [],
  namePrefix: 'r',
  encrypted: false,
  missing: [],
  durationMs: 1500,
  stagesMs: {},
}

describe('job summary', () => {
  it('opens with a real header row, says why each deleted backup was not kept, and lists the warnings', () => {
    const series = Array.from({ length: 20 }, (_, i) => ({
      fileName: `r-2026${String(i + 1).padStart(2, '0')}01T000000Z.zip`,
      url: `https://1fichier.com/?id${String(i).padStart(6, '0')}`,
      time: new Date(Date.UTC(2026, i, 1)),
    }))
    const policy = { last: 2, daily: 7 }
    const plan = planRetention(series, policy, { now: new Date('2030-01-01T00:00:00Z') })
    const markdown = summaryMarkdown(
      { ...base, retention: { plan, pruned: plan.remove.map((d) => d.backup), notPruned: [] } },
      ["'data/x' is missing from the backup"],
      policy,
    )
    const lines = markdown.split('\n')
    expect(lines[4]).toBe('| Item | Value |')
    expect(markdown).not.toContain('| | |')
    expect(markdown).toContain('| deleted | beyond keep-last 2, keep-daily 7 |')
    expect(markdown).toMatch(/<details><summary>7 kept, 13 not kept \(20 backups\)<\/summary>/)
    expect(markdown).toContain("### Warnings (1)\n\n- 'data/x' is missing from the backup")
  })

  it('gives each backup of the series its size, and charts the sizes oldest first', () => {
    const MiB = 1024 * 1024
    const sizes = [300 * MiB, 310 * MiB, 12 * MiB, undefined]
    const series = sizes.map((size, i) => ({
      fileName: `r-202606${String(i + 1).padStart(2, '0')}T031500Z.zip`,
      url: `https://1fichier.com/?size${i}xxxx`,
      time: new Date(Date.UTC(2026, 5, i + 1, 3, 15)),
      size,
    }))
    const policy = { last: 10 }
    const plan = planRetention(series, policy, { now: new Date('2026-07-01T00:00:00Z') })
    const markdown = summaryMarkdown({ ...base, retention: { plan, pruned: [], notPruned: [] } }, [], policy)
    expect(markdown).toContain('| Backup | Size | Decision | Why |\n|---|---:|---|---|')
    expect(markdown).toContain('| `r-20260603T031500Z.zip` | 12.0 MiB | kept |')
    // A backup whose size the listing did not give has an empty cell, and no bar.
    expect(markdown).toContain('| `r-20260604T031500Z.zip` |  | kept |')
    const chart = markdown.slice(markdown.indexOf('```mermaid'))
    expect(chart).toBe(
      [
        '```mermaid',
        'xychart-beta horizontal',
        '  x-axis ["06-03 03:15", "06-02 03:15", "06-01 03:15"]',
        '  y-axis "MiB" 0 --> 310',
        '  bar [12, 310, 300]',
        '```',
        '',
      ].join('\n'),
    )
  })

  it('at 300 backups the chart shows the newest 30, says so, and labels with the year when they span two', () => {
    const start = Date.parse('2025-12-01T03:15:00Z')
    const backups = Array.from({ length: 300 }, (_, i) => ({
      fileName: `b${i}`,
      url: `u${i}`,
      time: new Date(start + i * 3_600_000 * 3),
      size: 1024 * 1024 * (i + 1),
    }))
    const chart = sizeChart(backups)
    expect(chart[1]).toContain('the newest 30 of 300')
    const labels = /x-axis \[(.*)\]/.exec(chart.join('\n'))![1].split(', ')
    expect(labels).toHaveLength(30)
    expect(labels[0]).toBe(`"${new Date(start + 299 * 3 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ')}"`)
    const spanning = sizeChart([backups[0], { ...backups[1], time: new Date('2026-01-02T00:00:00Z') }])
    expect(spanning.join('\n')).toContain('x-axis ["26-01-02 00:00", "25-12-01 03:15"]')
  })

  it('the chart is the series after the run: what this run deleted is not in it', () => {
    const policy = { last: 1 }
    const backups = [1, 2, 3].map((d) => ({
      fileName: `r-2026060${d}T031500Z.zip`,
      url: `https://1fichier.com/?r${d}`,
      time: new Date(`2026-06-0${d}T03:15:00Z`),
      size: d * 1024 * 1024,
    }))
    const plan = planRetention(backups, policy, { now: new Date('2026-06-04T00:00:00Z') })
    const pruned = plan.remove.map((d) => d.backup)
    // One deletion failed: that backup is still there, so still charted.
    const markdown = summaryMarkdown(
      {
        ...base,
        retention: { plan, pruned: pruned.slice(0, 1), notPruned: [{ backup: pruned[1], reason: 'refused' }] },
      },
      [],
      policy,
    )
    expect(markdown).toContain('all 2)')
    expect(markdown).toContain('bar [3, 1]')
  })

  it('says what was verified, gives the whole Whirlpool, and how to restore this backup', () => {
    const markdown = summaryMarkdown({ ...base, namePrefix: 'r' })
    expect(markdown).toMatch(/\| Verified \| 1fichier's copy: its size and Whirlpool match the zip/)
    expect(markdown).toContain(`\`${'b'.repeat(128)}\``)
    expect(markdown).toContain('- uses: 1fichier-backup/1fichier-backup-action/restore@v1')
    expect(markdown).toContain('    backup: r-20260601T000000Z.zip')
    expect(markdown).toContain(
      "1fichier-backup restore --folder 'backups/r' --name-prefix 'r' --backup 'r-20260601T000000Z.zip' --to restored",
    )
  })

  it('the restore hint stays one word per value, whatever the folder holds (YAML and shell alike)', () => {
    const folder = `it's: #1 $HOME "x"`
    const markdown = summaryMarkdown({ ...base, folderPath: folder })
    expect(markdown).toContain(`    folder: ${JSON.stringify(folder)}`)
    const line = markdown.split('\n').find((l) => l.startsWith('1fichier-backup restore '))!
    // The shell itself reads the line back: every value arrives as it was, nothing expanded.
    const words = execFileSync(
      'sh',
      ['-c', `set -- ${line.slice('1fichier-backup restore '.length)}; printf '%s\\n' "$@"`],
      {
        encoding: 'utf8',
      },
    )
    expect(words.split('\n').slice(0, 6)).toEqual([
      '--folder',
      folder,
      '--name-prefix',
      'r',
      '--backup',
      'r-20260601T000000Z.zip',
    ])
  })

  it('draws no chart for fewer than two sized backups', () => {
    expect(sizeChart([{ fileName: 'a', url: 'u', time: new Date(), size: 1 }])).toEqual([])
  })

  it('names every rule a backup fell outside of', () => {
    expect(whyNotKept({ weekly: 4, within: { years: 0, months: 0, days: 30, hours: 0 } })).toBe(
      'beyond keep-weekly 4, keep-within 30d',
    )
  })
})
