// The signals that cancel a run, on every runner: Windows sends Ctrl+C (SIGINT) and Ctrl+Break
// (SIGBREAK), never SIGTERM.
import { describe, expect, it } from 'vitest'
import { cancelSignals, exitCodeFor } from '../../../src/platform/signals.js'

describe('cancellation signals', () => {
  it('Windows adds SIGBREAK (it never sends SIGTERM); it ends like SIGTERM, with 143', () => {
    expect(cancelSignals('win32')).toContain('SIGBREAK')
    expect(cancelSignals('linux')).toEqual(['SIGINT', 'SIGTERM'])
    expect(exitCodeFor('SIGBREAK')).toBe(143)
    expect(exitCodeFor('SIGINT')).toBe(130)
  })
})
