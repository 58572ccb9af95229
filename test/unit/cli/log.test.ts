// The CLI's log as a terminal and as a cron log see it: progress in place in one, timestamped lines
// in the other, and --quiet keeping only what matters.
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { CliLog } from '../../../src/cli/log.js'
import { uploadProgress } from '../../../src/backup/upload.js'

/** A stream that records what is written, a terminal of `columns` or a pipe. */
function stream(tty: boolean, columns = 80) {
  const written: string[] = []
  const out = new PassThrough() as unknown as NodeJS.WriteStream
  Object.assign(out, { isTTY: tty, columns, write: (chunk: string) => written.push(chunk) > 0 })
  return { out, text: () => written.join('') }
}

describe('CliLog', () => {
  it('in a terminal, keeps progress on one line and clears it before the next line', () => {
    const term = stream(true)
    const log = new CliLog(false, term.out, term.out)
    log.status('Uploading: 10%')
    log.status('Uploading: 55%')
    log.info('Uploaded in 2.0 s')
    log.warning('slow node')
    expect(term.text()).toBe(
      '\r\x1b[2KUploading: 10%\r\x1b[2KUploading: 55%\r\x1b[2KUploaded in 2.0 s\nwarning: slow node\n',
    )
  })

  it('in a terminal, cuts a progress line to the width so that it can be replaced', () => {
    const term = stream(true, 20)
    new CliLog(false, term.out, term.out).status('x'.repeat(50))
    expect(term.text()).toBe(`\r\x1b[2K${'x'.repeat(19)}`)
  })

  it('into a file or a pipe, writes every progress report as a timestamped line', () => {
    const pipe = stream(false)
    const log = new CliLog(false, pipe.out, pipe.out)
    log.status('Uploading: 10%')
    log.info('done')
    const lines = pipe.text().split('\n').filter(Boolean)
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /)
    expect(pipe.text()).not.toContain('\r')
  })

  it('with --quiet, shows no progress and no info, but warnings, errors and the final line', () => {
    const term = stream(true)
    const log = new CliLog(false, term.out, term.out, true)
    log.status('Uploading: 10%')
    log.info('Zipped')
    log.warning('w')
    log.error('e')
    log.final('Backed up')
    expect(term.text()).toBe('warning: w\nerror: e\nBacked up\n')
  })
})

describe('uploadProgress', () => {
  it('gives percent, bytes, rate and the time left', () => {
    const MiB = 1024 * 1024
    expect(uploadProgress(25 * MiB, 100 * MiB, 5)).toBe(
      'Uploading: 25% (25.0 MiB of 100.0 MiB), 5.00 MiB/s, 15.0 s left',
    )
    expect(uploadProgress(0, 100 * MiB, 0)).toBe('Uploading: 0% (0 B of 100.0 MiB), 0 B/s')
  })
})
