// The staging folder of a restore, inside its target (so on the target's own file system: every move
// is a rename that cannot fail with EXDEV), and the journal that makes the restore undoable. Every
// change to the target is written to the journal before it is made: an original moved aside, a staged
// entry put in place, then "commit". A failure or a signal undoes the journal backwards; a run killed
// outright leaves the folder behind, and the next restore into that target undoes it the same way.
import { closeSync, openSync, writeSync } from 'node:fs'
import { lstat, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import * as os from 'node:os'
import * as path from 'node:path'
import { BackupError } from '../core/errors.js'
import type { Log } from '../platform/log.js'
import { STAGING_PREFIX } from './plan.js'
import { type RawName, bytesOf } from './raw-name.js'
import { joinRelative as joinPath } from './target.js'

interface Owner {
  pid: number
  host: string
  started: string
}

export class Staging {
  private readonly journal: number
  private asideCount = 0
  private removed = false
  private readonly lines: string[] = []
  /** Where entries are staged before they are put in place. */
  private readonly newRoot: string

  private constructor(
    /** The target folder, resolved. */
    readonly target: string,
    /** The staging folder itself. */
    readonly root: string,
  ) {
    this.journal = openSync(path.join(root, 'journal'), 'a', 0o600)
    this.newRoot = path.join(root, 'new')
  }

  /** A new staging folder inside `target` (which exists and is a folder). */
  static async create(target: string): Promise<Staging> {
    const root = path.join(target, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`)
    await mkdir(root, { mode: 0o700 })
    const owner: Owner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() }
    await writeFile(path.join(root, 'owner.json'), JSON.stringify(owner), { mode: 0o600 })
    await mkdir(path.join(root, 'new'), { mode: 0o700 })
    await mkdir(path.join(root, 'aside'), { mode: 0o700 })
    return new Staging(target, root)
  }

  /**
   * Staging folders a killed restore left in `target`: each one's journal is undone and the folder
   * removed. One whose process still runs on this machine is another restore at work: refused.
   */
  static async recoverLeftovers(target: string, log: Log): Promise<void> {
    const names = await readdir(target).catch(() => [] as string[])
    for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX))) {
      const root = path.join(target, name)
      const owner = await readOwner(root)
      if (owner && owner.host === os.hostname() && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new BackupError(
          `Another restore into '${target}' is running (process ${owner.pid}, since ${owner.started}): wait for it ` +
            `to end, or stop it, then run again.`,
        )
      }
      const lines = (await readFile(path.join(root, 'journal'), 'utf8').catch(() => '')).split('\n')
      const committed = lines.includes('c')
      if (!committed) await undo(target, root, lines)
      await rm(root, { recursive: true, force: true })
      log.warning(
        `A restore into '${target}' was stopped before it ended${owner ? ` (process ${owner.pid})` : ''}; ` +
          (committed ? 'it had finished its changes, and its staging folder was removed' : 'its changes were undone'),
      )
    }
  }

  /** Where an entry is staged (`/`-separated relative path). */
  staged(relative: RawName): Buffer {
    return joinPath(this.newRoot, relative)
  }

  /** Where an entry goes in the target. */
  placed(relative: RawName): Buffer {
    return joinPath(this.target, relative)
  }

  /** Moves what the target has at `relative` aside (put back if the restore fails, removed if it succeeds). */
  async moveAside(relative: RawName): Promise<void> {
    const slot = String(this.asideCount++)
    this.write(`a ${slot} ${bytesOf(relative).toString('base64')}`)
    await rename(this.placed(relative), path.join(this.root, 'aside', slot))
  }

  /** Puts a staged entry (with everything under it) in place; nothing may be there. */
  async place(relative: RawName): Promise<void> {
    this.write(`p ${bytesOf(relative).toString('base64')}`)
    await rename(this.staged(relative), this.placed(relative))
  }

  /** From here on the restore stands: the originals moved aside are gone with the staging folder. */
  commit(): void {
    this.write('c')
  }

  /** Undoes every change, newest first. */
  async rollback(): Promise<void> {
    await undo(this.target, this.root, this.lines)
  }

  /** Removes the staging folder (and so the originals moved aside); safe to call twice. */
  async remove(): Promise<void> {
    if (this.removed) return
    this.removed = true
    closeSync(this.journal)
    await rm(this.root, { recursive: true, force: true })
  }

  private write(line: string): void {
    this.lines.push(line)
    writeSync(this.journal, `${line}\n`)
  }
}

/** Undoes a journal's lines, newest first: what was put in place goes back, what was moved aside returns. */
async function undo(target: string, root: string, lines: readonly string[]): Promise<void> {
  for (const line of [...lines].reverse()) {
    const [op, a, b] = line.split(' ')
    if (op === 'p' && a) {
      const relative = Buffer.from(a, 'base64').toString('latin1')
      const placed = joinPath(target, relative)
      if (await exists(placed)) {
        await rename(placed, joinPath(path.join(root, 'new'), relative)).catch(() =>
          rm(placed, { recursive: true, force: true }),
        )
      }
    } else if (op === 'a' && a && b) {
      const aside = path.join(root, 'aside', a)
      if (await exists(aside)) await rename(aside, joinPath(target, Buffer.from(b, 'base64').toString('latin1')))
    }
  }
}

const exists = (file: string | Buffer) =>
  lstat(file).then(
    () => true,
    () => false,
  )

async function readOwner(root: string): Promise<Owner | null> {
  try {
    const owner = JSON.parse(await readFile(path.join(root, 'owner.json'), 'utf8')) as Partial<Owner>
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, started: String(owner.started) }
      : null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
