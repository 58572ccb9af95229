// The one redaction step: a secret is taken out of any text in the forms a server or a library
// writes it back (as is, URL-encoded, JSON-escaped), longest first.
import { describe, expect, it } from 'vitest'
import { REDACTED, Redactor } from '../../../src/core/redact.js'
import { RedactingLog } from '../../../src/platform/log.js'
import { MemoryLog } from '../../helpers/memory-log.ts'

describe('Redactor', () => {
  const key = 'Ab+c/d=e f"g'
  const redactor = new Redactor([key, '', 'abc'])

  it('takes a secret out as is, URL-encoded both ways, and JSON-escaped', () => {
    for (const form of [
      key,
      encodeURIComponent(key),
      encodeURIComponent(key).replace(/%20/g, '+'),
      JSON.stringify(key).slice(1, -1),
    ]) {
      expect(redactor.redact(`before ${form} after`)).toBe(`before ${REDACTED} after`)
    }
  })

  it('leaves other text alone, and ignores empty and very short values', () => {
    expect(redactor.redact('abc is not redacted; nothing else is')).toBe('abc is not redacted; nothing else is')
  })

  it('a log that redacts every line, group names included', async () => {
    const memory = new MemoryLog()
    const log = new RedactingLog(memory, (t) => redactor.redact(t))
    log.info(`Bearer ${key}`)
    log.warning(`url?key=${encodeURIComponent(key)}`)
    log.error(key)
    log.debug(key)
    await log.group(key, async () => undefined)
    expect(memory.lines.join('\n')).not.toContain(key)
    expect(memory.lines).toEqual([
      `Bearer ${REDACTED}`,
      `warning: url?key=${REDACTED}`,
      `error: ${REDACTED}`,
      `debug: ${REDACTED}`,
      `[${REDACTED}]`,
    ])
  })
})
