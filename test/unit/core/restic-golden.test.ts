// Retention against restic's own golden files (test/fixtures/restic-policy/, copied from restic
// with its BSD-2-Clause licence): the 103 snapshots of testExpireSnapshots, its 40 policies, and
// what restic keeps for each. Every policy without tags must keep exactly what restic keeps.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Duration, type RetentionPolicy, parseDuration, planRetention } from '../../../src/core/retention.js'
import { REPO_ROOT } from '../../helpers/action-process.ts'

const DIR = path.join(REPO_ROOT, 'test/fixtures/restic-policy')
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'))

const snapshots = (read('snapshots.json') as { snapshots: Array<{ time: string }> }).snapshots
const policies = (read('policies.json') as { policies: Array<Record<string, number | string | unknown[]>> }).policies

const COUNTS: Record<string, keyof RetentionPolicy> = {
  last: 'last',
  hourly: 'hourly',
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
  yearly: 'yearly',
}
const WITHINS: Record<string, keyof RetentionPolicy> = {
  within: 'within',
  'within-hourly': 'withinHourly',
  'within-daily': 'withinDaily',
  'within-weekly': 'withinWeekly',
  'within-monthly': 'withinMonthly',
  'within-yearly': 'withinYearly',
}

/** restic's policy in ours: -1 is unlimited. */
function toPolicy(restic: Record<string, unknown>): RetentionPolicy {
  const policy: Record<string, number | Duration> = {}
  for (const [key, value] of Object.entries(restic)) {
    if (key in COUNTS) policy[COUNTS[key]] = value === -1 ? Infinity : (value as number)
    else if (key in WITHINS) policy[WITHINS[key]] = parseDuration(value as string)
    else throw new Error(`unknown policy key ${key}`)
  }
  return policy
}

const cases = policies.map((policy, index) => ({ index, policy })).filter(({ policy }) => !('tags' in policy))

describe("restic's golden retention files", () => {
  it('has the 40 policies and 103 snapshots restic tests with', () => {
    expect(policies).toHaveLength(40)
    expect(snapshots).toHaveLength(103)
    expect(cases).toHaveLength(37)
  })

  it.each(cases)('policy $index %j keeps exactly what restic keeps', ({ index, policy }) => {
    const golden = read(`golden/policy_keep_snapshots_${index}`) as { keep: Array<{ time: string }> | null }
    const series = snapshots.map((s, i) => ({
      fileName: `s-${String(i).padStart(3, '0')}.zip`,
      url: `https://1fichier.com/?snap${String(i).padStart(5, '0')}`,
      time: new Date(s.time),
    }))
    // restic measures within rules from the newest snapshot; nothing here is in the future.
    const plan = planRetention(series, toPolicy(policy), { now: new Date('2100-01-01T00:00:00Z') })
    const kept = plan.keep.map((d) => d.backup.time.toISOString()).sort()
    // An empty policy keeps everything in restic (nothing to forget); ours keeps nothing, and the
    // shells never prune without a rule (retentionActive), so that case is the shells' to guard.
    const expected =
      Object.keys(policy).length === 0 ? [] : (golden.keep ?? []).map((k) => new Date(k.time).toISOString()).sort()
    expect(kept).toEqual(expected)
  })
})
