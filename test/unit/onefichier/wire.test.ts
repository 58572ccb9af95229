// The wire pieces that need no server: multipart layout, error classes, the pacer's arithmetic.
import { describe, expect, it } from 'vitest'
import busboy from 'busboy'
import { Readable } from 'node:stream'
import { multipartLayout } from '../../../src/onefichier/multipart.js'
import { classify, errorNumber } from '../../../src/onefichier/errors.js'
import { Pacer } from '../../../src/onefichier/pacer.js'
import { parseApiAnswer } from '../../../src/onefichier/transport.js'
import { OneFichierError } from '../../../src/onefichier/errors.js'

describe('multipart layout', () => {
  it('has the exact length of the body, and a standard parser reads it back', async () => {
    const file = Buffer.from('PK\u0003\u0004 zip bytes \r\n--not-a-boundary')
    const layout = multipartLayout(
      [
        ['did', '42'],
        ['dpass', 'pa"ss'],
      ],
      { field: 'file[]', fileName: 'b.zip', size: file.length },
    )
    const body = Buffer.concat([layout.preamble, file, layout.epilogue])
    expect(body.length).toBe(layout.contentLength)
    expect(layout.contentType).toMatch(/^multipart\/form-data; boundary=[0-9a-f]{60}$/)
    const seen: Array<[string, string]> = []
    await new Promise<void>((resolve, reject) => {
      const parser = busboy({ headers: { 'content-type': layout.contentType } })
      parser.on('field', (name, value) => seen.push([name, value]))
      parser.on('file', (name, stream, info) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => seen.push([`${name}:${info.filename}`, Buffer.concat(chunks).toString('latin1')]))
      })
      parser.on('close', resolve)
      parser.on('error', reject)
      Readable.from([body]).pipe(parser)
    })
    expect(seen).toEqual([
      ['did', '42'],
      ['dpass', 'pa"ss'],
      ['file[]:b.zip', file.toString('latin1')],
    ])
  })
})

describe('error classes', () => {
  it.each([
    [403, 'Flood detected: IP Locked #374', 'flood'],
    [403, 'Flood detected: User Locked #223', 'flood'],
    [403, 'Something #412', 'flood'],
    [200, 'Flood detected', 'flood'],
    [403, 'No such user #93', 'auth'],
    [401, 'Not authenticated #247', 'auth'],
    [401, '', 'auth'],
    [403, 'IP blocked? #186', 'flood'],
    [403, 'Owner locked #620', 'flood'],
    [403, 'Owner locked #649', 'flood'],
    [403, 'IP Locked', 'flood'],
    [403, 'IP Locked #38', 'flood'],
    [403, 'Flood detected: User APK Locked', 'flood'],
    [403, 'Flood detected: IP Locked #999', 'flood'],
    [403, 'Must be a customer (Premium, Access) #200', 'account'],
    [403, 'Not enough space: quota exceeded #404', 'quota'],
    [404, 'Resource not found #469', 'not-found'],
    [403, 'Resource not allowed #631', 'retryable'],
    [500, '', 'retryable'],
    [502, '', 'retryable'],
    [429, '', 'retryable'],
    [400, 'Bad request', 'fatal'],
  ] as const)('HTTP %i %j is %s', (status, message, kind) => {
    expect(classify(status, message)).toBe(kind)
  })

  it('reads the first # number as rclone does', () => {
    expect(errorNumber('Flood detected: IP Locked #374')).toBe(374)
    expect(errorNumber('no number')).toBeUndefined()
    expect(errorNumber('#1234 is too long')).toBeUndefined()
  })

  it('a KO with HTTP 200 is an error; HTML with 200 is a retryable glitch', () => {
    expect(() => parseApiAnswer('x', { status: 200, headers: {}, text: '{"status":"KO","message":"Bad #5"}' })).toThrow(
      /Bad #5/,
    )
    const html = (() => {
      try {
        parseApiAnswer('x', { status: 200, headers: {}, text: '<html></html>' })
      } catch (e) {
        return e as OneFichierError
      }
    })()
    expect(html?.kind).toBe('retryable')
    expect(html?.message).toContain('an HTML page instead of JSON')
    expect(parseApiAnswer('x', { status: 200, headers: {}, text: '{"status":"OK","a":1}' })).toEqual({
      status: 'OK',
      a: 1,
    })
  })

  it('takes Retry-After from a 429', () => {
    const error = (() => {
      try {
        parseApiAnswer('x', { status: 429, headers: { 'retry-after': '7' }, text: '' })
      } catch (e) {
        return e as OneFichierError
      }
    })()
    expect(error?.retryAfterMs).toBe(7000)
  })
})

describe('pacer (rclone: min 400 ms, max 5 s, decay 2, attack 0)', () => {
  function fakeClock() {
    let now = 0
    const waits: number[] = []
    return {
      waits,
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms)
        now += ms
      },
    }
  }

  it('spaces calls at least 400 ms apart', async () => {
    const clock = fakeClock()
    const pacer = new Pacer({ minSleepMs: 400, maxSleepMs: 5000, timeScale: 1, now: clock.now, sleep: clock.sleep })
    await pacer.wait()
    await pacer.wait()
    await pacer.wait()
    expect(clock.waits).toEqual([0, 400, 400])
  })

  it('a timer that fires late (a busy machine) does not bring the next calls closer than the gap', async () => {
    let now = 0
    let late = 300
    const sent: number[] = []
    const pacer = new Pacer({
      minSleepMs: 400,
      maxSleepMs: 5000,
      timeScale: 1,
      now: () => now,
      // The first sleep ends 300 ms after it should have; the others on time.
      sleep: async (ms: number) => {
        now += Math.max(ms, 0) + late
        late = 0
      },
    })
    for (let i = 0; i < 3; i++) {
      await pacer.wait()
      sent.push(now)
    }
    // Counted from the plan alone, the second call would go out at 400, 100 ms after the first.
    expect(sent).toEqual([300, 700, 1100])
  })

  it('the next call keeps the gap after the last answer, not only after the last start', async () => {
    const clock = fakeClock()
    const pacer = new Pacer({ minSleepMs: 400, maxSleepMs: 5000, timeScale: 1, now: clock.now, sleep: clock.sleep })
    await pacer.wait()
    // Its answer takes 250 ms (a slow first handshake): the next call goes 400 ms after it, at 650.
    await clock.sleep(250)
    pacer.settled()
    await pacer.wait()
    expect(clock.now()).toBe(650)
  })

  it('a lock holds off every call, even one whose turn was given out before it', async () => {
    let now = 0
    const pacer = new Pacer({
      minSleepMs: 400,
      maxSleepMs: 5000,
      timeScale: 1,
      now: () => now,
      // The lock answer arrives while the second call sleeps for its turn.
      sleep: async (ms: number) => {
        if (now === 0 && ms === 400) pacer.holdOff(30_000)
        now += Math.max(ms, 0)
      },
    })
    await pacer.wait()
    await pacer.wait()
    expect(now).toBe(30_000)
  })

  it('one listing per folder per interval: the second waits for the first plus the interval', async () => {
    const clock = fakeClock()
    const pacer = new Pacer({ minSleepMs: 400, maxSleepMs: 5000, timeScale: 1, now: clock.now, sleep: clock.sleep })
    await pacer.waitSpaced('file/ls.cgi:7', 31_000)
    await pacer.waitSpaced('file/ls.cgi:8', 31_000)
    await pacer.waitSpaced('file/ls.cgi:7', 31_000)
    expect(clock.now()).toBeGreaterThanOrEqual(31_000)
    expect(clock.waits.slice(0, 2)).toEqual([0, 400])
  })

  it('jumps to 5 s after an error and decays by a quarter per success', () => {
    const pacer = new Pacer({ minSleepMs: 400, maxSleepMs: 5000, timeScale: 1 })
    pacer.failure()
    expect(pacer.currentGapMs).toBe(5000)
    pacer.success()
    expect(pacer.currentGapMs).toBe(3750)
    for (let i = 0; i < 20; i++) pacer.success()
    expect(pacer.currentGapMs).toBe(400)
  })
})
