// One run at a time per series (restic's lock): a lock file per series in the state folder, made
// with an exclusive create, naming the process that holds it. A lock whose process is gone (same
// host, no such pid) or that its holder stopped refreshing for 30 minutes (another host) is stale,
// and taken over. Two cron runs of the same series can no longer prune and upload at once.
import { createHash, randomBytes } from 'node:crypto'
import { link, mkdir, open, readFile, rename, rm, utimes, stat } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { SeriesLockedError } from '../core/errors.js'

export interface LockHolder {
  pid: number
  host: string
  /** backup or prune */
  command: string
  /** The series in words: folder and name prefix. */
  series: string
  startedAt: string
}

export interface SeriesLock {
  readonly file: string
  release(): Promise<void>
}

/** The lock files this process holds (to tell its own from a restarted container's with the same pid). */
const heldHere = new Map<string, LockHolder>()

/** The holder refreshes its lock this often; a lock not refreshed for STALE_MS is stale. */
const REFRESH_MS = 5 * 60_000
const STALE_MS = 30 * 60_000

/** The lock file of one series of one account (a hash: the folder and prefix are in its content). */
export function lockFileOf(dir: string, account: string, folder: readonly string[], prefix: string): string {
  const id = createHash('sha256')
    .update(`${account}\0${folder.join('/')}\0${prefix}`)
    .digest('hex')
    .slice(0, 16)
  return path.join(dir, 'locks', `series-${id}.lock`)
}

export async function lockSeries(
  file: string,
  holder: Omit<LockHolder, 'pid' | 'host' | 'startedAt'>,
): Promise<SeriesLock> {
  const mine: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), ...holder }
  await mkdir(path.dirname(file), { recursive: true })
  for (let tries = 0; ; tries++) {
    if (await create(file, mine)) break
    const held = await readHolder(file)
    if (held === 'gone') continue
    if (tries < 3 && (await isStale(file, held)) && (await takeOver(file, held))) continue
    throw new SeriesLockedError(
      `Another run of this series holds its lock: ${describeHolder(held)}. This run made no change. Wait for that ` +
        `run to end; if no such process runs, remove ${file}.`,
    )
  }
  heldHere.set(file, mine)
  const refresh = setInterval(() => {
    const now = new Date()
    utimes(file, now, now).catch(() => undefined)
  }, REFRESH_MS)
  refresh.unref()
  return {
    file,
    async release() {
      clearInterval(refresh)
      if (heldHere.get(file) === mine) heldHere.delete(file)
      // Only our own lock is removed: one taken over meanwhile belongs to its new holder.
      const held = await readHolder(file)
      if (held !== 'gone' && held !== 'unreadable' && held.pid === mine.pid && held.startedAt === mine.startedAt)
        await rm(file, { force: true })
    },
  }
}

async function create(file: string, holder: LockHolder): Promise<boolean> {
  // Written whole under a temporary name, then linked in: a reader never sees half a lock.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const handle = await open(temp, 'wx', 0o600)
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`)
  } finally {
    await handle.close()
  }
  try {
    await link(temp, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await rm(temp, { force: true })
  }
}

async function readHolder(file: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable'
  }
  try {
    const value = JSON.parse(text) as LockHolder
    return typeof value.pid === 'number' && typeof value.host === 'string' ? value : 'unreadable'
  } catch {
    return 'unreadable'
  }
}

async function isStale(file: string, held: LockHolder | 'unreadable'): Promise<boolean> {
  const age = await stat(file).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  )
  if (age > STALE_MS) return true
  if (held === 'unreadable' || held.host !== os.hostname()) return false
  // Our own pid in a lock this process does not hold: a container restarted (pid 1 again).
  if (held.pid === process.pid) return !heldHere.has(file)
  return !processAlive(held.pid)
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Moves the stale lock aside under a name of our own, then checks that what moved is the lock judged
 * stale: if another process took it over meanwhile, its fresh lock is put back.
 */
async function takeOver(file: string, stale: LockHolder | 'unreadable'): Promise<boolean> {
  const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`
  try {
    await rename(file, aside)
  } catch {
    return true // gone already: try to create it again
  }
  const moved = await readHolder(aside)
  const same =
    stale === 'unreadable'
      ? moved === 'unreadable'
      : moved !== 'gone' && moved !== 'unreadable' && moved.pid === stale.pid && moved.startedAt === stale.startedAt
  if (!same) await link(aside, file).catch(() => undefined)
  await rm(aside, { force: true })
  return true
}

function describeHolder(held: LockHolder | 'unreadable'): string {
  if (held === 'unreadable') return 'a lock file that cannot be read'
  return `${held.command} of ${held.series}, process ${held.pid} on ${held.host}, started ${held.startedAt}`
}
