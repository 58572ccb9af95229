// 1fichier stops an upload process after 4 hours: a run that cannot make it says so early, from
// the rate so far (after a minute of sending) or, before the first byte, from the last upload's rate.
import { describe, expect, it } from 'vitest'
import { uploadWithRetries } from '../../../src/backup/upload.js'
import type { OneFichierApi, UploadRequest } from '../../../src/onefichier/client.js'
import { MemoryLog } from '../../helpers/memory-log.ts'

const GB = 1e9

/** A client whose upload reports progress at `bytesPerSecond` on a clock the test moves. */
function slowClient(bytesPerSecond: number, clock: { now: number }) {
  const client = {
    getUploadServer: () => Promise.resolve({ url: 'up1.1fichier.com', id: 'abcdef1234' }),
    upload: (req: UploadRequest) => {
      const step = bytesPerSecond * 30
      for (let sent = 0; sent < req.size;) {
        sent = Math.min(req.size, sent + step)
        req.onProgress?.({ sentBytes: sent, totalBytes: req.size })
        clock.now += 30_000
      }
      return Promise.resolve()
    },
    uploadResult: (_server: unknown, fileName: string) =>
      Promise.resolve({
        link: { download: 'https://1fichier.com/?abc', filename: fileName, size: '1', whirlpool: '' },
        others: [],
      }),
    probeUploadResult: () => Promise.resolve(null),
  }
  return client as unknown as OneFichierApi
}

function job(size: number, clock: { now: number }, extra: object = {}) {
  const log = new MemoryLog()
  const rates: number[] = []
  return {
    log,
    rates,
    job: {
      filePath: '/dev/null',
      fileName: 'site-20260101T000000Z.zip',
      size,
      folderId: 1,
      linkPassword: '',
      retries: 1,
      log,
      progressEveryMs: 3_600_000,
      now: () => clock.now,
      onRate: (rate: number) => rates.push(rate),
      ...extra,
    },
  }
}

const capWarnings = (log: MemoryLog) => log.lines.filter((l) => l.includes('stops an upload after 4 hours'))

describe('the 4-hour upload cap', () => {
  it('a rate that cannot make it is said once, early (after a minute), with the time it needs', async () => {
    const clock = { now: 0 }
    // 20 GB at 1 MB/s: about 5.5 hours.
    const { log, job: j } = job(20 * GB, clock)
    await uploadWithRetries(slowClient(1e6, clock), j)
    const warnings = capWarnings(log)
    expect(warnings).toEqual([
      expect.stringMatching(
        /^warning: This upload needs about \d h \d+ min at the rate so far .*stops an upload after 4 hours/,
      ),
    ])
    // Said within the first minutes, not at the end.
    const at = log.lines.indexOf(warnings[0])
    expect(at).toBeLessThan(log.lines.length - 1)
  })

  it('a rate that makes it says nothing, and the measured rate is handed back for the next run', async () => {
    const clock = { now: 0 }
    const { log, rates, job: j } = job(2 * GB, clock)
    await uploadWithRetries(slowClient(1e6, clock), j)
    expect(capWarnings(log)).toEqual([])
    expect(rates).toHaveLength(1)
    expect(rates[0]).toBeGreaterThan(0.9e6)
  })

  it("the last upload's rate says it before the first byte when it makes the cap certain", async () => {
    const clock = { now: 0 }
    const { log, job: j } = job(40 * GB, clock, { previousRate: 1e6 })
    const client = slowClient(1e6, clock)
    let warnedBeforeSending = false
    const upload = client.upload.bind(client)
    client.upload = (req) => {
      warnedBeforeSending = capWarnings(log).length === 1
      return upload(req)
    }
    await uploadWithRetries(client, j)
    expect(warnedBeforeSending).toBe(true)
    expect(capWarnings(log)).toEqual([expect.stringMatching(/at the last upload's rate/)])
  })
})
