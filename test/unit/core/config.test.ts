// Every input read and validated in one place: defaults, good values, and a table of bad ones.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_API_URL,
  InvalidInputs,
  defaultNamePrefix,
  parseConfig,
  retentionActive,
} from '../../../src/core/config.js'

const KEY = 'Zx9-secret-key-value-0123456789ab'
const base: Record<string, string> = { 'api-key': KEY, path: 'data/' }
const lookup = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

describe('parseConfig', () => {
  it('refuses up front a backup name longer than the 250 characters 1fichier accepts', () => {
    const long = (prefix: number, label: number) => () =>
      parseConfig(lookup({ ...base, 'name-prefix': 'p'.repeat(prefix), label: 'l'.repeat(label) }))
    // prefix + '-YYYYMMDDTHHMMSSZ' (17) + '-' + label + '.zip' (4)
    expect(long(150, 78)).not.toThrow()
    expect(long(150, 79)).toThrow(
      /file name would be 251 characters, more than the 250 1fichier accepts; shorten name-prefix or label/,
    )
  })

  it('applies the defaults of the spec', () => {
    const config = parseConfig(lookup(base), { repository: 'octo-org/My Repo!' })
    expect(config).toMatchObject({
      apiKey: KEY,
      patterns: 'data/',
      folder: [],
      namePrefix: 'My-Repo',
      label: '',
      compressionLevel: 6,
      includeHiddenFiles: false,
      followSymlinks: false,
      ifNoFilesFound: 'error',
      retention: {},
      dryRun: false,
      linkPassword: '',
      retries: 5,
      stallTimeoutMs: 300_000,
      apiUrl: DEFAULT_API_URL,
    })
  })

  it('reads good values', () => {
    const config = parseConfig(
      lookup({
        ...base,
        path: 'data/\n  config/*.yml \n# a comment\n!data/cache/**\n',
        folder: '/backups/my-repo/',
        'name-prefix': 'my_app.v2',
        label: 'v1.4.0',
        'compression-level': '0',
        'include-hidden-files': 'True',
        'follow-symlinks': 'true',
        'if-no-files-found': 'ignore',
        'keep-last': '3',
        'keep-daily': '7',
        'keep-within': '1y6m',
        'dry-run': 'TRUE',
        retries: '1',
        'stall-timeout-seconds': '60',
        'api-url': 'https://localhost:8443/v1/',
      }),
    )
    expect(config.patterns).toBe('data/\nconfig/*.yml\n!data/cache/**')
    expect(config.folder).toEqual(['backups', 'my-repo'])
    expect(config.retention).toEqual({ last: 3, daily: 7, within: { years: 1, months: 6, days: 0, hours: 0 } })
    expect(config.apiUrl).toBe('https://localhost:8443/v1')
    expect(config.stallTimeoutMs).toBe(60_000)
    expect(retentionActive(config.retention)).toBe(true)
  })

  it('treats all-zero rules as no retention', () => {
    expect(retentionActive(parseConfig(lookup({ ...base, 'keep-last': '0', 'keep-daily': '0' })).retention)).toBe(false)
    expect(retentionActive(parseConfig(lookup(base)).retention)).toBe(false)
  })

  it('cleans the default prefix from the repository name', () => {
    expect(defaultNamePrefix('org/.my repo.')).toBe('my-repo')
    expect(defaultNamePrefix(undefined)).toBe('backup')
    expect(defaultNamePrefix('org/***')).toBe('backup')
  })
})

// [input, bad value, what the message must say]
const BAD: Array<[string, string, RegExp]> = [
  ['api-key', '', /empty.*console\/params\.pl/],
  ['api-key', '   ', /empty/],
  ['api-key', 'abc def', /not printable ASCII without spaces/],
  ['api-key', ` ${KEY}`, /not printable ASCII without spaces/],
  ['api-key', `${KEY}\n`, /not printable ASCII without spaces/],
  ['api-key', `${KEY}é`, /not printable ASCII without spaces/],
  ['link-password', ' padded-secret', /white space/],
  ['link-password', 'padded-secret ', /white space/],
  ['archive-password', 'padded archive secret ', /white space/],
  ['path', '', /no path given/],
  ['path', '!data/**', /only exclusions/],
  ['path', '# only a comment', /no path given/],
  ['folder', 'a/../b', /contains '\.\.'/],
  ['folder', './b', /contains '\.'/],
  ['folder', 'a//b', /empty segment/],
  ['folder', 'a/b<c', /character 1fichier does not accept/],
  ['folder', "it's", /character 1fichier does not accept/],
  ['folder', `a/${'x'.repeat(251)}`, /longer than 250/],
  ['name-prefix', 'my/repo', /only letters, digits/],
  ['name-prefix', 'my repo', /only letters, digits/],
  ['label', 'refs/tags/v1', /only letters, digits/],
  ['label', 'v1 beta', /only letters, digits/],
  ['compression-level', '11', /outside 0 to 9/],
  ['compression-level', '-1', /not a whole number/],
  ['compression-level', 'max', /not a whole number/],
  ['include-hidden-files', 'yes', /not true or false/],
  ['follow-symlinks', '1', /not true or false/],
  ['dry-run', 'maybe', /not true or false/],
  ['if-no-files-found', 'fail', /not one of error, warn, ignore/],
  ['keep-last', '-1', /not a whole number of 0 or more/],
  ['keep-daily', '7.5', /not a whole number/],
  ['keep-weekly', 'four', /not a whole number/],
  ['keep-monthly', '1e3', /not a whole number/],
  ['keep-yearly', '99999999', /not a whole number/],
  ['keep-hourly', ' -3 ', /not a whole number/],
  ['keep-within', '10x', /not a duration/],
  ['keep-within', '30', /not a duration/],
  ['keep-within', '1.5d', /not a duration/],
  ['link-password', 'abc', /shorter than the 6 characters/],
  ['archive-password', 'eleven-char', /shorter than 12 characters/],
  ['archive-password', ' padded secret value ', /starts or ends with white space/],
  ['archive-password', 'two\nline secret value', /line break or control character/],
  ['skip-unchanged', 'yes', /true or false|not a boolean|TRUE/],
  ['on-upload-failure', 'retry', /not one of fail, artifact/],
  ['retries', '0', /outside 1 to 100/],
  ['retries', 'three', /not a whole number/],
  ['stall-timeout-seconds', '0', /outside 5 to 86400/],
  ['stall-timeout-seconds', '2m', /not a whole number/],
  ['api-url', 'not a url', /not a URL/],
  ['api-url', 'http://api.1fichier.com/v1', /must use https/],
  ['api-url', 'https://user:pw@api.1fichier.com/v1', /must not contain credentials/],
  ['api-url', 'https://api.1fichier.com/v1?key=x', /must not have a query/],
]

describe('bad inputs', () => {
  it.each(BAD)("'%s' = %j is refused", (input, value, problem) => {
    let error: unknown
    try {
      parseConfig(lookup({ ...base, [input]: value }))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidInputs)
    const problems = (error as InvalidInputs).problems
    expect(problems.map((p) => p.input)).toEqual([input])
    expect(problems[0].message).toMatch(new RegExp(`^Input '${input}': `))
    expect(problems[0].message).toMatch(problem)
    expect(problems[0].message).toMatch(/Example of a good value: \S/)
    expect(problems[0].message).not.toContain(KEY)
  })

  it('has at least 25 cases', () => expect(BAD.length).toBeGreaterThanOrEqual(25))

  it('reports every bad input at once', () => {
    const error = (() => {
      try {
        parseConfig(lookup({ ...base, 'keep-last': '-1', 'keep-within': '3x', retries: '0' }))
      } catch (e) {
        return e as InvalidInputs
      }
    })()
    expect(error?.problems.map((p) => p.input).sort()).toEqual(['keep-last', 'keep-within', 'retries'])
  })

  it('never echoes a secret value', () => {
    const error = (() => {
      try {
        parseConfig(
          lookup({ ...base, 'api-key': 'has space secret', 'link-password': 'pw1', 'archive-password': 'arch-pw' }),
        )
      } catch (e) {
        return e as InvalidInputs
      }
    })()
    expect(error?.problems).toHaveLength(3)
    expect(error?.message).not.toContain('has space secret')
    expect(error?.message).not.toContain('pw1')
    expect(error?.message).not.toContain('arch-pw')
  })
})
