// A check on the archive worker hands part of the small entries to its parent thread, which is idle
// while the worker works: inflating them one at a time (fflate) was most of a check's time, on one
// of the two cores. The worker sends where each entry's data is (no bytes: the parent reads the zip
// through its own descriptor) in batches; the parent checks them as contentSync does and answers.
// An entry goes to the parent while it has room for another batch, and is checked on the worker
// otherwise, so the two threads share the work whatever their speeds.
import { Unanswered } from './unanswered.js'
import { type ArchiveEntry, type WholeEntryChecker, type WholeProblem, problemError } from './zip-reader.js'

/** A batch on the wire: five numbers per entry. */
export interface CheckBatch {
  kind: 'check'
  id: number
  /** Per entry: data start, stored size, size, CRC-32, method. */
  fields: Float64Array
}

/** The parent's answer: all sound, or the first entry (by its place in the batch) that is not. */
export interface CheckAck {
  kind: 'checked'
  id: number
  failure?: { at: number; problem: WholeProblem }
}

const FIELDS = 5

/** The parent's side: the batch's entries in order, stopping at the first that is not sound. */
export function checkBatch(checker: WholeEntryChecker, batch: CheckBatch): CheckAck {
  const { fields, id } = batch
  for (let at = 0; at < fields.length; at += FIELDS) {
    const entry = { size: fields[at + 2]!, crc32: fields[at + 3]!, method: fields[at + 4]! }
    let problem: WholeProblem | null
    try {
      problem = checker.check(fields[at]!, fields[at + 1]!, entry)
    } catch (error) {
      // A read that fails (a file cut short) is a damaged entry, named by the worker.
      problem = { kind: 'damaged', detail: (error as Error).message }
    }
    if (problem) return { kind: 'checked', id, failure: { at: at / FIELDS, problem } }
  }
  return { kind: 'checked', id }
}

/** A batch closes at this many entries or stored bytes (some 5 ms of the parent's work). */
const BATCH_ENTRIES = 256
const BATCH_STORED_BYTES = 512 * 1024
/**
 * Batches sent and not yet answered, at most: more work than the worker does between two turns of
 * its event loop (20 ms, when it reads the answers), so that the parent does not wait for it. With 3
 * batches of 128, the parent checked a third of 100,000 entries; with 6 of 256, half.
 */
const MAX_IN_FLIGHT = 6

/** The worker's side: small entries gathered into batches for the parent while it has room. */
export class BatchedChecks {
  private entries: ArchiveEntry[] = []
  private stored = 0
  /** Each unanswered batch's entries, to name the one that failed. */
  private readonly sent = new Map<number, ArchiveEntry[]>()
  private readonly unanswered = new Unanswered(MAX_IN_FLIGHT)
  private failure: Error | null = null

  constructor(private readonly send: (batch: CheckBatch) => void) {}

  /**
   * Takes a small unencrypted entry (readsWhole) for the parent to check; false when the parent has
   * no room, and the caller checks it. Throws a failure the parent found.
   */
  take(entry: ArchiveEntry): boolean {
    this.throwIfFailed()
    if (this.batchFull()) {
      if (this.unanswered.full) return false
      this.flush()
    }
    this.entries.push(entry)
    this.stored += entry.compressedSize
    if (this.batchFull() && !this.unanswered.full) this.flush()
    return true
  }

  /** Every entry taken is checked (or the first failure thrown). */
  async drain(): Promise<void> {
    for (;;) {
      this.throwIfFailed()
      if (this.entries.length === 0) break
      await this.unanswered.room()
      this.flush()
    }
    await this.unanswered.settle()
    this.throwIfFailed()
  }

  /** The parent's answer to a batch. */
  acknowledge(ack: CheckAck): void {
    const entries = this.sent.get(ack.id)
    if (ack.failure && entries && !this.failure) {
      this.failure = problemError(entries[ack.failure.at]!.displayName, ack.failure.problem)
    }
    this.sent.delete(ack.id)
    this.unanswered.answered(ack.id)
  }

  private batchFull(): boolean {
    return this.entries.length >= BATCH_ENTRIES || this.stored >= BATCH_STORED_BYTES
  }

  private flush(): void {
    if (this.entries.length === 0) return
    const id = this.unanswered.sent()
    this.sent.set(id, this.entries)
    this.send({ kind: 'check', id, fields: fieldsOf(this.entries) })
    this.entries = []
    this.stored = 0
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure
  }
}

/** The batch's entries as the parent reads them, FIELDS numbers each. */
function fieldsOf(entries: readonly ArchiveEntry[]): Float64Array {
  const fields = new Float64Array(entries.length * FIELDS)
  entries.forEach((entry, i) => {
    fields.set([entry.dataStart, entry.compressedSize, entry.size, entry.crc32, entry.method], i * FIELDS)
  })
  return fields
}
