// The job summary a workflow author reads: a real header row, why each backup was not kept, the
// run's warnings, and long retention tables folded away.
import { describe, expect, it } from 'vitest'
import { summaryMarkdown, whyNotKept } from '../../../src/action/summary.js'
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

  it('names every rule a backup fell outside of', () => {
    expect(whyNotKept({ weekly: 4, within: { years: 0, months: 0, days: 30, hours: 0 } })).toBe(
      'beyond keep-weekly 4, keep-within 30d',
    )
  })
})
