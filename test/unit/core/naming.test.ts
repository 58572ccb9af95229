import { describe, expect, it } from 'vitest'
import { backupFileName, seriesMembership, seriesPattern } from '../../../src/core/naming.js'

describe('backup names', () => {
  const time = new Date('2026-11-28T03:15:00.123Z')
  it('follows the spec', () => {
    expect(backupFileName('my-repo', time)).toBe('my-repo-20261128T031500Z.zip')
    expect(backupFileName('my-app', time, 'v1.4.0')).toBe('my-app-20261128T031500Z-v1.4.0.zip')
  })

  it.each([
    ['my-repo-20261128T031500Z.zip', true],
    ['my-repo-20261128T031500Z-v1.4.0.zip', true],
    ['my-repo-20261128T031500Z-a_b-c.zip', true],
    ['my-repo-app-20261128T031500Z.zip', false], // another series whose prefix starts with ours
    ['my-20261128T031500Z.zip', false],
    ['xmy-repo-20261128T031500Z.zip', false],
    ['my-repo-20261128T031500Z.zip.part', false],
    ['my-repo-20261128T031500Z-.zip', false],
    ['my-repo-20261128T0315Z.zip', false],
    ['my-repo-20261128T031500Z.ZIP', false],
    ['my-repo-latest.zip', false],
    ['notes.txt', false],
  ])('%s is in the series my-repo: %s', (name, member) => {
    expect(seriesMembership('my-repo', name).member).toBe(member)
  })

  it('escapes the prefix: a dot matches only a dot', () => {
    expect(seriesPattern('a.b').test('a.b-20261128T031500Z.zip')).toBe(true)
    expect(seriesPattern('a.b').test('axb-20261128T031500Z.zip')).toBe(false)
  })

  it('reads the time from the name, and flags an impossible one', () => {
    expect(seriesMembership('p', 'p-20240229T235959Z.zip')).toEqual({
      member: true,
      time: new Date('2024-02-29T23:59:59Z'),
    })
    expect(seriesMembership('p', 'p-20250229T000000Z.zip')).toMatchObject({ member: true, time: null })
    expect(seriesMembership('p', 'p-20261328T000000Z.zip')).toMatchObject({ member: true, time: null })
  })
})
