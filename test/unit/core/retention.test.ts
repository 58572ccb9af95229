// Vectors of restic's `forget` semantics (https://restic.readthedocs.io/en/stable/060_forget.html) and more edge cases.
import { describe, expect, it } from 'vitest'
import {
  isoWeek,
  parseDuration,
  planRetention,
  subtractDuration,
  type RetentionPolicy,
} from '../../../src/core/retention.js'

const iso = (t: string) => (t.endsWith('Z') ? t : `${t}Z`)

function series(times: string[]) {
  return times.map((t, i) => ({ fileName: `s-${i}.zip`, url: `u${i}`, time: new Date(iso(t)) }))
}

/** The kept times, newest first, as 'YYYY-MM-DDTHH:MM:SS' strings. */
function kept(
  times: string[],
  policy: RetentionPolicy,
  now = '2100-01-01T00:00:00Z',
  protect: string[] = [],
): string[] {
  const plan = planRetention(series(times), policy, { now: new Date(now), protect: new Set(protect) })
  expect(plan.keep.length + plan.remove.length).toBe(times.length)
  return plan.keep.map((d) => d.backup.time.toISOString().slice(0, 19))
}

const TV1 = [
  '2025-04-21T11:00:00',
  '2025-04-22T11:00:00',
  '2025-04-23T11:00:00',
  '2025-04-24T11:00:00',
  '2025-04-25T11:00:00',
  '2025-04-25T23:00:00',
  '2025-04-28T11:00:00',
  '2025-04-29T11:00:00',
  '2025-05-01T11:00:00',
  '2025-05-02T11:00:00',
  '2025-05-02T23:00:00',
]

const TV2 = [
  '2016-01-01T01:02:03',
  '2016-01-01T01:03:03',
  '2016-01-01T07:08:03',
  '2016-01-03T07:02:03',
  '2016-01-04T10:23:03',
  '2016-01-04T11:23:03',
  '2016-01-04T12:23:03',
  '2016-01-04T12:24:03',
  '2016-01-04T12:28:03',
  '2016-01-04T12:30:03',
  '2016-01-04T16:23:03',
  '2016-01-05T09:02:03',
  '2016-01-06T08:02:03',
  '2016-01-07T10:02:03',
  '2016-01-08T20:02:03',
  '2016-01-09T21:02:03',
  '2016-01-12T21:02:03',
  '2016-01-12T21:08:03',
  '2016-01-18T12:02:03',
]

describe('restic vectors', () => {
  it('TV1a keep-daily 5', () => {
    expect(kept(TV1, { daily: 5 })).toEqual([
      '2025-05-02T23:00:00',
      '2025-05-01T11:00:00',
      '2025-04-29T11:00:00',
      '2025-04-28T11:00:00',
      '2025-04-25T23:00:00',
    ])
  })
  it('TV1c keep-within 7d, measured back from the newest backup', () => {
    expect(kept(TV1, { within: parseDuration('7d') })).toEqual([
      '2025-05-02T23:00:00',
      '2025-05-02T11:00:00',
      '2025-05-01T11:00:00',
      '2025-04-29T11:00:00',
      '2025-04-28T11:00:00',
    ])
  })
  it('TV1d keep-last 3 + keep-daily 3 share slots', () => {
    expect(kept(TV1, { last: 3, daily: 3 })).toEqual([
      '2025-05-02T23:00:00',
      '2025-05-02T11:00:00',
      '2025-05-01T11:00:00',
      '2025-04-29T11:00:00',
    ])
  })
  it('TV1e keep-weekly 2', () => {
    expect(kept(TV1, { weekly: 2 })).toEqual(['2025-05-02T23:00:00', '2025-04-25T23:00:00'])
  })
  it('TV2a keep-weekly 4 with ISO 2015-W53', () => {
    expect(kept(TV2, { weekly: 4 })).toEqual([
      '2016-01-18T12:02:03',
      '2016-01-12T21:08:03',
      '2016-01-09T21:02:03',
      '2016-01-03T07:02:03',
    ])
  })
  it('TV2b keep-last 5 + keep-daily 5 keep 6, not 10', () => {
    expect(kept(TV2, { last: 5, daily: 5 })).toEqual([
      '2016-01-18T12:02:03',
      '2016-01-12T21:08:03',
      '2016-01-12T21:02:03',
      '2016-01-09T21:02:03',
      '2016-01-08T20:02:03',
      '2016-01-07T10:02:03',
    ])
  })
  it('TV2c keep-within 13d23h and 7d', () => {
    const within = kept(TV2, { within: parseDuration('13d23h') })
    expect(within).toHaveLength(9)
    expect(within.at(-1)).toBe('2016-01-04T16:23:03')
    expect(kept(TV2, { within: parseDuration('7d') })).toEqual([
      '2016-01-18T12:02:03',
      '2016-01-12T21:08:03',
      '2016-01-12T21:02:03',
    ])
  })
  it('TV2d keep-daily 3 + keep-weekly 4', () => {
    expect(kept(TV2, { daily: 3, weekly: 4 })).toEqual([
      '2016-01-18T12:02:03',
      '2016-01-12T21:08:03',
      '2016-01-09T21:02:03',
      '2016-01-03T07:02:03',
    ])
  })
})

describe('borg vectors that restic shares (single rules)', () => {
  const TV5 = [
    '2015-01-01T10:00:00',
    '2016-01-01T10:00:00',
    '2017-01-01T10:00:00',
    '2017-02-01T10:00:00',
    '2017-03-01T10:00:00',
    '2017-03-02T10:00:00',
    '2017-03-03T10:00:00',
    '2017-03-04T10:00:00',
    '2017-10-01T09:45:00',
    '2017-10-01T09:55:00',
    '2017-10-01T10:00:01',
    '2017-10-01T10:00:03',
    '2017-10-01T10:00:05',
  ]
  const pick = (...numbers: number[]) => numbers.map((n) => TV5[n - 1])
  it.each([
    [{ yearly: 3 }, pick(13, 2, 1)],
    [{ monthly: 3 }, pick(13, 8, 4)],
    [{ weekly: 2 }, pick(13, 8)],
    [{ daily: 3 }, pick(13, 8, 7)],
    [{ hourly: 3 }, pick(13, 10, 8)],
    [{ last: 4 }, pick(13, 12, 11, 10)],
    [{ daily: 0 }, []],
  ] as Array<[RetentionPolicy, string[]]>)('TV5 %o', (policy, expected) => {
    expect(kept(TV5, policy)).toEqual(expected)
  })
  it('TV6 keeps the oldest when a rule is short', () => {
    const times = ['2018-01-01T10:00:00', '2018-12-30T10:00:00', '2018-12-31T10:00:00', '2019-12-31T10:00:00']
    expect(kept(times, { yearly: 3 })).toEqual(['2019-12-31T10:00:00', '2018-12-31T10:00:00', '2018-01-01T10:00:00'])
    expect(kept(times, { yearly: 2 })).toEqual(['2019-12-31T10:00:00', '2018-12-31T10:00:00'])
    const plan = planRetention(series(times), { yearly: 3 }, { now: new Date('2100-01-01T00:00:00Z') })
    expect(plan.keep.at(-1)!.reasons).toEqual(['oldest yearly'])
  })
})

describe('a wrong clock (TV12)', () => {
  const times = [
    '2025-05-01T12:00:00',
    '2025-05-02T12:00:00',
    '2025-05-03T12:00:00',
    '2025-05-04T12:00:00',
    '2025-05-05T12:00:00',
    '2099-01-01T00:00:00',
  ]
  const now = '2025-05-05T12:00:00Z'
  it('a future backup takes a count slot and is never deleted', () => {
    expect(kept(times, { last: 2 }, now)).toEqual(['2099-01-01T00:00:00', '2025-05-05T12:00:00'])
    expect(kept(times, { daily: 2 }, now)).toEqual(['2099-01-01T00:00:00', '2025-05-05T12:00:00'])
  })
  it('keep-within is measured from the newest backup not in the future', () => {
    expect(kept(times, { within: parseDuration('2d') }, now)).toEqual([
      '2099-01-01T00:00:00',
      '2025-05-05T12:00:00',
      '2025-05-04T12:00:00',
    ])
  })
  it('a future backup is kept even by a policy that keeps nothing else for it', () => {
    const plan = planRetention(series(times), { within: parseDuration('1h') }, { now: new Date(now) })
    expect(plan.future.map((b) => b.time.toISOString())).toEqual(['2099-01-01T00:00:00.000Z'])
    expect(plan.keep.find((d) => d.backup.time.getUTCFullYear() === 2099)!.reasons).toContain(
      'dated in the future, never deleted',
    )
  })
})

describe('calendar edges', () => {
  it('ISO weeks across year ends (week 53, week 1 in the previous December)', () => {
    expect(isoWeek(new Date('2016-01-03T12:00:00Z'))).toEqual({ year: 2015, week: 53 })
    expect(isoWeek(new Date('2020-12-31T12:00:00Z'))).toEqual({ year: 2020, week: 53 })
    expect(isoWeek(new Date('2021-01-03T23:59:59Z'))).toEqual({ year: 2020, week: 53 })
    expect(isoWeek(new Date('2021-01-04T00:00:00Z'))).toEqual({ year: 2021, week: 1 })
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toEqual({ year: 2025, week: 1 })
    expect(isoWeek(new Date('2026-11-28T03:15:00Z'))).toEqual({ year: 2026, week: 48 })
  })
  it('weekly across a year end keeps one per ISO week, not per calendar year', () => {
    // 2020-12-31 (Thu) and 2021-01-02 (Sat) are both 2020-W53.
    expect(
      kept(['2020-12-27T10:00:00', '2020-12-31T10:00:00', '2021-01-02T10:00:00', '2021-01-04T10:00:00'], { weekly: 2 }),
    ).toEqual(['2021-01-04T10:00:00', '2021-01-02T10:00:00'])
  })
  it('calendar months: 31 March minus 1 month is 3 March (2 March in leap years)', () => {
    expect(subtractDuration(new Date('2025-03-31T00:00:00Z'), parseDuration('1m')).toISOString()).toBe(
      '2025-03-03T00:00:00.000Z',
    )
    expect(subtractDuration(new Date('2024-03-31T00:00:00Z'), parseDuration('1m')).toISOString()).toBe(
      '2024-03-02T00:00:00.000Z',
    )
    expect(subtractDuration(new Date('2024-02-29T06:00:00Z'), parseDuration('1y')).toISOString()).toBe(
      '2023-03-01T06:00:00.000Z',
    )
  })
  it('keep-within drops a backup exactly on the cutoff', () => {
    expect(
      kept(['2025-01-01T00:00:00', '2025-01-31T00:00:00', '2025-02-01T00:00:00'], { within: parseDuration('1m') }),
    ).toEqual(['2025-02-01T00:00:00', '2025-01-31T00:00:00'])
  })
  it('month ends and leap days fall in their own day and month', () => {
    const times = ['2024-02-28T23:59:59', '2024-02-29T00:00:00', '2024-02-29T23:59:59', '2024-03-01T00:00:00']
    expect(kept(times, { daily: 3 })).toEqual(['2024-03-01T00:00:00', '2024-02-29T23:59:59', '2024-02-28T23:59:59'])
    expect(kept(times, { monthly: 2 })).toEqual(['2024-03-01T00:00:00', '2024-02-29T23:59:59'])
  })
  it('a gap of months: monthly counts non-empty months only', () => {
    const times = ['2025-01-15T00:00:00', '2025-02-15T00:00:00', '2025-06-15T00:00:00', '2025-11-15T00:00:00']
    expect(kept(times, { monthly: 3 })).toEqual(['2025-11-15T00:00:00', '2025-06-15T00:00:00', '2025-02-15T00:00:00'])
  })
  it('several backups in one hour: the newest of each period', () => {
    const times = ['2026-11-28T03:00:00', '2026-11-28T03:20:00', '2026-11-28T03:40:00', '2026-11-28T04:10:00']
    expect(kept(times, { hourly: 2 })).toEqual(['2026-11-28T04:10:00', '2026-11-28T03:40:00'])
  })
  it('a series of one is kept by any rule', () => {
    expect(kept(['2026-11-28T03:15:00'], { last: 1 })).toEqual(['2026-11-28T03:15:00'])
    expect(kept(['2026-11-28T03:15:00'], { yearly: 5 })).toEqual(['2026-11-28T03:15:00'])
  })
  it('the protected (just uploaded) backup is never deleted, even if rules would', () => {
    const times = ['2026-11-27T00:00:00', '2026-11-28T00:00:00']
    // u0 is the older one; protect it although keep-last 1 keeps only the newer.
    expect(kept(times, { last: 1 }, '2100-01-01T00:00:00Z', ['u0'])).toEqual([
      '2026-11-28T00:00:00',
      '2026-11-27T00:00:00',
    ])
  })
  it('reasons name the rule and the period', () => {
    const plan = planRetention(
      series(['2026-11-20T00:00:00', '2026-11-27T00:00:00', '2026-11-28T00:00:00']),
      { last: 1, daily: 2, weekly: 2 },
      { now: new Date('2026-11-28T01:00:00Z') },
    )
    expect(plan.decisions.map((d) => d.reasons)).toEqual([
      ['last 1', 'daily 2026-11-28', 'weekly 2026-W48'],
      ['daily 2026-11-27'],
      ['weekly 2026-W47'],
    ])
  })
  it('the listing order does not change the plan', () => {
    const times = TV2
    const a = kept(times, { daily: 4, weekly: 2 })
    const b = kept([...times].reverse(), { daily: 4, weekly: 2 })
    expect(b).toEqual(a)
  })
})

describe('durations', () => {
  it.each([
    ['36h', { years: 0, months: 0, days: 0, hours: 36 }],
    ['30d', { years: 0, months: 0, days: 30, hours: 0 }],
    ['8w', { years: 0, months: 0, days: 56, hours: 0 }],
    ['6m', { years: 0, months: 6, days: 0, hours: 0 }],
    ['1y6m', { years: 1, months: 6, days: 0, hours: 0 }],
  ])('%s', (text, expected) => expect(parseDuration(text)).toEqual(expected))
  it.each(['10x', '-1d', '1.5d', 'd', '30', '1 d', ''])('refuses %j', (text) =>
    expect(() => parseDuration(text)).toThrow(/not a duration/),
  )
})
