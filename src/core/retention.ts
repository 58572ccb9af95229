// Which backups of a series to keep: restic `forget` semantics, as a pure function. Nothing here
// can reach the network or the disk; the caller lists, this decides, the caller deletes.

export interface Duration {
  years: number
  months: number
  days: number
  hours: number
}

export interface RetentionPolicy {
  /** Counts; Infinity is restic's -1 (`unlimited`). */
  last?: number
  hourly?: number
  daily?: number
  weekly?: number
  monthly?: number
  yearly?: number
  within?: Duration
  /** restic's --keep-within-hourly ... -yearly: in the window, the newest backup of every period. */
  withinHourly?: Duration
  withinDaily?: Duration
  withinWeekly?: Duration
  withinMonthly?: Duration
  withinYearly?: Duration
}

/** The within-<period> rules, each with its period. */
export const WITHIN_RULES = [
  ['withinHourly', 'hourly'],
  ['withinDaily', 'daily'],
  ['withinWeekly', 'weekly'],
  ['withinMonthly', 'monthly'],
  ['withinYearly', 'yearly'],
] as const

export interface Backup {
  fileName: string
  url: string
  /** From the name's timestamp (UTC). */
  time: Date
  /** Bytes, as the listing gives them (not used by the policy; the summary shows them). */
  size?: number | undefined
}

interface Decision {
  backup: Backup
  keep: boolean
  reasons: string[]
}

export interface RetentionPlan {
  /** Newest first, every backup of the series with its decision. */
  decisions: Decision[]
  keep: Decision[]
  remove: Decision[]
  /** The newest backup not in the future: keep-within is measured back from it. */
  reference: Date | null
  /** Backups dated after `now`: always kept, and worth a warning (a wrong clock). */
  future: Backup[]
}

export interface PlanOptions {
  /** The run's start: a backup dated after it is in the future. */
  now: Date
  /** URLs that are never deleted (the backup this run just uploaded). */
  protect?: ReadonlySet<string>
}

/** restic's count rules, in its order: the one list the inputs, the plan and the summary use. */
export const COUNT_RULES = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'] as const
export type CountRule = (typeof COUNT_RULES)[number]

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(time: Date): { year: number; week: number } {
  const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()))
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay()
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  return { year: day.getUTCFullYear(), week: Math.floor((day.getTime() - yearStart) / 86_400_000 / 7) + 1 }
}

/** The period a backup falls in for a rule, as the label shown in reasons. */
function period(rule: Exclude<CountRule, 'last'>, t: Date): string {
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
  switch (rule) {
    case 'hourly':
      return `${date}T${pad(t.getUTCHours())}`
    case 'daily':
      return date
    case 'weekly': {
      const { year, week } = isoWeek(t)
      return `${year}-W${pad(week)}`
    }
    case 'monthly':
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`
    case 'yearly':
      return String(t.getUTCFullYear())
  }
}

/** `36h`, `30d`, `8w`, `6m`, `1y`, or combined (`1y6m`). */
export function parseDuration(text: string): Duration {
  const trimmed = text.trim()
  if (!/^(\d+[hdwmy])+$/.test(trimmed)) {
    throw new Error(`'${text}' is not a duration: give a number and a unit (h, d, w, m, y), e.g. 36h, 30d, 8w, 6m, 1y`)
  }
  const duration: Duration = { years: 0, months: 0, days: 0, hours: 0 }
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([hdwmy])/g)) {
    const n = Number(amount)
    if (n > 100_000) throw new Error(`'${text}' is too long a duration`)
    if (unit === 'h') duration.hours += n
    else if (unit === 'd') duration.days += n
    else if (unit === 'w') duration.days += 7 * n
    else if (unit === 'm') duration.months += n
    else duration.years += n
  }
  return duration
}

export function durationLabel(d: Duration): string {
  const parts = [
    d.years ? `${d.years}y` : '',
    d.months ? `${d.months}m` : '',
    d.days ? `${d.days}d` : '',
    d.hours ? `${d.hours}h` : '',
  ].join('')
  return parts === '' ? '0h' : parts
}

/** `time - d` with calendar arithmetic, as Go's AddDate: 31 March minus 1 month is 3 March. */
export function subtractDuration(time: Date, d: Duration): Date {
  return new Date(
    Date.UTC(
      time.getUTCFullYear() - d.years,
      time.getUTCMonth() - d.months,
      time.getUTCDate() - d.days,
      time.getUTCHours() - d.hours,
      time.getUTCMinutes(),
      time.getUTCSeconds(),
      time.getUTCMilliseconds(),
    ),
  )
}

export function planRetention(series: readonly Backup[], policy: RetentionPolicy, options: PlanOptions): RetentionPlan {
  // Newest first; for equal times the name decides, so the plan never depends on listing order.
  const sorted = [...series].sort(
    (a, b) => b.time.getTime() - a.time.getTime() || (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0),
  )
  const now = options.now.getTime()
  const protect = options.protect ?? new Set<string>()
  const future = sorted.filter((b) => b.time.getTime() > now)
  const reference = sorted.find((b) => b.time.getTime() <= now)?.time ?? null
  const withinCutoff = policy.within && reference ? subtractDuration(reference, policy.within).getTime() : null

  const withinCutoffs = new Map<string, number>()
  for (const [key] of WITHIN_RULES) {
    const d = policy[key]
    if (d && reference) withinCutoffs.set(key, subtractDuration(reference, d).getTime())
  }
  const lastWithin = new Map<string, string>()
  const slots = new Map<CountRule, number>(COUNT_RULES.map((rule) => [rule, policy[rule] ?? 0]))
  const lastPeriod = new Map<CountRule, string>()

  const decisions = sorted.map((backup, index): Decision => {
    const reasons: string[] = []
    const isOldest = index === sorted.length - 1
    if (protect.has(backup.url)) reasons.push('new backup')
    if (backup.time.getTime() > now) reasons.push('dated in the future, never deleted')
    if (
      withinCutoff !== null &&
      policy.within &&
      backup.time.getTime() > withinCutoff &&
      backup.time.getTime() <= now
    ) {
      reasons.push(`within ${durationLabel(policy.within)}`)
    }
    // within-<period>: inside its window, the newest backup of each period (no count, no oldest rule).
    for (const [key, rule] of WITHIN_RULES) {
      const cutoff = withinCutoffs.get(key)
      if (cutoff === undefined || backup.time.getTime() <= cutoff || backup.time.getTime() > now) continue
      const label = period(rule, backup.time)
      // Like an unlimited count (restic), it also keeps the oldest backup when that is in its window.
      if (lastWithin.get(key) === label) {
        if (isOldest) reasons.push(`oldest within-${rule} ${durationLabel(policy[key]!)}`)
        continue
      }
      lastWithin.set(key, label)
      reasons.push(`within-${rule} ${durationLabel(policy[key]!)}: ${label}`)
    }
    for (const rule of COUNT_RULES) {
      const left = slots.get(rule) ?? 0
      if (left <= 0) continue
      const label = rule === 'last' ? String(index) : period(rule, backup.time)
      const newPeriod = label !== lastPeriod.get(rule)
      // A rule with slots left when the walk reaches the oldest backup keeps it too (restic, #3624).
      if (newPeriod || isOldest) {
        slots.set(rule, left - 1)
        lastPeriod.set(rule, label)
        if (rule === 'last')
          reasons.push(policy.last === Infinity ? 'last (unlimited)' : `last ${(policy.last ?? 0) - left + 1}`)
        else reasons.push(newPeriod ? `${rule} ${label}` : `oldest ${rule}`)
      }
    }
    return { backup, keep: reasons.length > 0, reasons }
  })

  return {
    decisions,
    keep: decisions.filter((d) => d.keep),
    remove: decisions.filter((d) => !d.keep),
    reference,
    future,
  }
}
