// What outlives a run: where it is kept, the shared state file (atomic, safe under concurrent
// writers, never a secret in it), and the series lock (one run per series, dead holders taken over).
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SeriesLockedError } from '../../../src/core/errors.js'
import { describeFailure } from '../../../src/core/failure.js'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { stateDirectory } from '../../../src/state/state-dir.js'
import { StateFile } from '../../../src/state/state-file.js'
import { RunState, takeSeriesLock } from '../../../src/state/run-state.js'
import { lockFileOf, lockSeries } from '../../../src/state/series-lock.js'

const KEY = 'state-test-secret-key-0123456789'
const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'state-test-'))

describe('the state folder', () => {
  it('is the override, else RUNNER_TEMP, else the platform cache folder', () => {
    const home = '/home/u'
    expect(stateDirectory({ ONEFICHIER_BACKUP_STATE_DIR: '/s', RUNNER_TEMP: '/r' }, 'linux', home)).toEqual({
      path: path.resolve('/s'),
      setting: 'ONEFICHIER_BACKUP_STATE_DIR',
    })
    expect(stateDirectory({ RUNNER_TEMP: '/r', XDG_CACHE_HOME: '/x' }, 'linux', home).path).toBe(
      path.join('/r', '1fichier-backup-state'),
    )
    expect(stateDirectory({ XDG_CACHE_HOME: '/x' }, 'linux', home).path).toBe(path.join('/x', '1fichier-backup'))
    // A relative XDG_CACHE_HOME is invalid by the XDG spec: ignored.
    expect(stateDirectory({ XDG_CACHE_HOME: 'rel' }, 'linux', home).path).toBe(
      path.join(home, '.cache', '1fichier-backup'),
    )
    expect(stateDirectory({}, 'darwin', home).path).toBe(path.join(home, 'Library', 'Caches', '1fichier-backup'))
    expect(stateDirectory({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', home).path).toBe(
      path.join('C:\\Users\\u\\AppData\\Local', '1fichier-backup'),
    )
  })
})

describe('the state file', () => {
  it("keeps every writer's entry when many write at once, and holds no secret", async () => {
    const dir = await tempDir()
    const log = new MemoryLog()
    const states = Array.from(
      { length: 8 },
      (_, i) =>
        new RunState(
          { path: dir, setting: 'test' },
          { apiUrl: 'https://api.1fichier.com/v1', apiKey: `${KEY}${i}` },
          log,
        ),
    )
    const now = Date.now()
    await Promise.all(states.flatMap((s, i) => [1, 2, 3].map((f) => s.remember(`file/ls.cgi:${f}`, now + 10 * i + f))))
    for (const [i, s] of states.entries())
      for (const f of [1, 2, 3]) expect(await s.recall(`file/ls.cgi:${f}`)).toBe(now + 10 * i + f)
    const text = await readFile(path.join(dir, 'state.json'), 'utf8')
    expect(text).not.toContain(KEY)
    expect(log.lines).toEqual([])
    // Nothing left behind: no lock, no temporary file.
    expect(await readdir(dir)).toEqual(['state.json'])
  })

  it('keeps the later of two listing times, whatever order they are written in', async () => {
    const dir = await tempDir()
    const s = new RunState({ path: dir, setting: 'test' }, { apiUrl: 'u', apiKey: KEY }, new MemoryLog())
    const now = Date.now()
    await s.remember('k', now)
    await s.remember('k', now - 2000)
    expect(await s.recall('k')).toBe(now)
  })

  it("writers in other processes: each one's entries are all there", async () => {
    const dir = await tempDir()
    // The same read-change-rename protocol from 4 processes at once, through the compiled module
    // (lib/, which npm test and npm run test:unit build first).
    const script = `
      const { StateFile } = await import(${JSON.stringify(path.resolve('lib/state/state-file.js'))})
      const log = { info() {}, warning(m) { console.error(m) }, error() {}, debug() {}, group: (n, b) => b() }
      const file = new StateFile(process.argv[1], log)
      const me = process.argv[2]
      const now = Date.now()
      await Promise.all(Array.from({ length: 20 }, (_, i) => file.update((s) => { s.spacing[me + ':' + i] = now })))
    `
    const children = ['a', 'b', 'c', 'd'].map(
      (me) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir, me], {
            stdio: ['ignore', 'ignore', 'inherit'],
          })
          child.on('close', resolve)
        }),
    )
    expect(await Promise.all(children)).toEqual([0, 0, 0, 0])
    const state = await new StateFile(dir, new MemoryLog()).read()
    expect(Object.keys(state.spacing)).toHaveLength(80)
  })

  it('a damaged file is read as empty, said once, and written anew', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'state.json'), '{ not json')
    const log = new MemoryLog()
    const s = new RunState({ path: dir, setting: 'test' }, { apiUrl: 'u', apiKey: KEY }, log)
    expect(await s.recall('k')).toBeUndefined()
    const now = Date.now()
    await s.remember('k', now)
    expect(await s.recall('k')).toBe(now)
    expect(log.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(1)
  })

  it('a folder that cannot be written is said once; the run goes on', async () => {
    const dir = await tempDir()
    const blocked = path.join(dir, 'file-not-folder')
    await writeFile(blocked, 'x')
    const log = new MemoryLog()
    const s = new RunState({ path: blocked, setting: 'test' }, { apiUrl: 'u', apiKey: KEY }, log)
    await s.remember('k', 1)
    await s.remember('k', 2)
    expect(await s.recall('k')).toBeUndefined()
    expect(log.lines).toEqual([
      expect.stringMatching(/^warning: The state file .* cannot be used .*ONEFICHIER_BACKUP_STATE_DIR/),
    ])
  })
})

describe('the series lock', () => {
  const series = { folder: ['backups', 'site'], namePrefix: 'site' }

  it('a second run of the same series is refused with exit 11, naming the holder; another series is not', async () => {
    const dir = await tempDir()
    const state = new RunState({ path: dir, setting: 'test' }, { apiUrl: 'u', apiKey: KEY }, new MemoryLog())
    const held = await takeSeriesLock(state, 'backup', series, new MemoryLog())
    const refused = await takeSeriesLock(state, 'prune', series, new MemoryLog()).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(SeriesLockedError)
    const failure = describeFailure(refused)
    expect(failure.exitCode).toBe(11)
    expect(failure.lines[0]).toContain(
      `backup of series site in 'backups/site', process ${process.pid} on ${os.hostname()}`,
    )
    const other = await takeSeriesLock(state, 'backup', { ...series, namePrefix: 'other' }, new MemoryLog())
    await other!.release()
    await held!.release()
    // Released: the next run takes it.
    const next = await takeSeriesLock(state, 'backup', series, new MemoryLog())
    expect(next).toBeDefined()
    await next!.release()
    expect(await readFile(held!.file, 'utf8').catch(() => 'gone')).toBe('gone')
  })

  it('a state folder where no lock can be made: said once, and the run goes on without a lock', async () => {
    const dir = await tempDir()
    const blocked = path.join(dir, 'a-file')
    await writeFile(blocked, 'x')
    const log = new MemoryLog()
    const state = new RunState({ path: blocked, setting: 'test' }, { apiUrl: 'u', apiKey: KEY }, log)
    expect(await takeSeriesLock(state, 'backup', series, log)).toBeUndefined()
    expect(log.lines).toEqual([expect.stringMatching(/^warning: The series lock cannot be taken in .*a-file/)])
  })

  it('a lock left by a dead process on this host is taken over', async () => {
    const dir = await tempDir()
    const file = lockFileOf(dir, 'acct', series.folder, series.namePrefix)
    const dead = await deadPid()
    const first = await lockSeries(file, { command: 'backup', series: 'x' })
    // Rewrite it as the dead process's lock.
    await writeFile(
      file,
      JSON.stringify({ pid: dead, host: os.hostname(), command: 'backup', series: 'x', startedAt: 'then' }),
    )
    const taken = await lockSeries(file, { command: 'backup', series: 'x' })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid })
    // The first holder's release does not remove the lock it no longer holds... it is the same pid
    // here, so only the start time tells them apart.
    await first.release()
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid })
    await taken.release()
    await expect(readFile(file, 'utf8')).rejects.toThrow()
  })

  it("a lock with this process's own pid is a restarted container's (pid 1 again): taken over", async () => {
    const dir = await tempDir()
    const file = lockFileOf(dir, 'acct', series.folder, series.namePrefix)
    const first = await lockSeries(file, { command: 'backup', series: 'x' })
    await first.release()
    const { mkdir } = await import('node:fs/promises')
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(
      file,
      JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'backup', series: 'x', startedAt: 'before' }),
    )
    const taken = await lockSeries(file, { command: 'backup', series: 'x' })
    expect(JSON.parse(await readFile(file, 'utf8'))).not.toMatchObject({ startedAt: 'before' })
    await taken.release()
  })

  it('a live holder on another host is respected until its lock is 30 minutes stale', async () => {
    const dir = await tempDir()
    const file = lockFileOf(dir, 'acct', series.folder, series.namePrefix)
    await lockSeries(file, { command: 'backup', series: 'x' })
    await writeFile(file, JSON.stringify({ pid: 1, host: 'elsewhere', command: 'backup', series: 'x', startedAt: 't' }))
    await expect(lockSeries(file, { command: 'backup', series: 'x' })).rejects.toThrow(/process 1 on elsewhere/)
    const { utimes } = await import('node:fs/promises')
    const old = new Date(Date.now() - 31 * 60_000)
    await utimes(file, old, old)
    const taken = await lockSeries(file, { command: 'backup', series: 'x' })
    await taken.release()
  })
})

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('close', resolve))
  return child.pid!
}
