// Batches the archive worker sends its parent thread (files to write, entries to check) and the
// parent has not answered yet: at most a few, so that what they hold stays bounded.

export class Unanswered {
  private nextId = 0
  /** Oldest first (a Map keeps the order of insertion). */
  private readonly waiting = new Map<number, { answered: Promise<void>; answer: () => void }>()

  constructor(private readonly limit: number) {}

  /** As many unanswered as the limit: wait for room() before sending more. */
  get full(): boolean {
    return this.waiting.size >= this.limit
  }

  /** A new batch's id, counted as unanswered until answered(id). */
  sent(): number {
    const id = this.nextId++
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    this.waiting.set(id, { answered, answer })
    return id
  }

  answered(id: number): void {
    this.waiting.get(id)?.answer()
    this.waiting.delete(id)
  }

  /** Waits until fewer than the limit are unanswered. */
  async room(): Promise<void> {
    while (this.full) await this.oldest()
  }

  /** Waits for every batch sent, whatever their outcome. */
  async settle(): Promise<void> {
    while (this.waiting.size > 0) await this.oldest()
  }

  private oldest(): Promise<void> {
    return this.waiting.values().next().value!.answered
  }
}
