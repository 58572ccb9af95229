// Every input, read and validated in one place into one typed object. Pure: the shells (action, CLI)
// hand in a lookup function, so nothing here touches the environment, the disk or the network.
import {
  COUNT_RULES,
  type CountRule,
  type Duration,
  type RetentionPolicy,
  WITHIN_RULES,
  parseDuration,
} from './retention.js'
import { NAME_PART, backupFileName } from './naming.js'

/** 1fichier's longest file name. */
const MAX_FILE_NAME = 250

type IfNoFilesFound = 'error' | 'warn' | 'ignore'
type OnUploadFailure = 'fail' | 'artifact'

export interface Config {
  apiKey: string
  /** Raw `path` lines, with `!` excludes, as @actions/glob takes them. */
  patterns: string
  /** Destination folder as path segments; empty = account root. */
  folder: string[]
  namePrefix: string
  label: string
  compressionLevel: number
  includeHiddenFiles: boolean
  followSymlinks: boolean
  ifNoFilesFound: IfNoFilesFound
  retention: RetentionPolicy
  dryRun: boolean
  linkPassword: string
  /** '' = no encryption; else the zip's entries are AES-256 encrypted with it (WinZip AE-2). */
  archivePassword: string
  /** When the selected content equals the newest backup's, upload nothing and point at that one. */
  skipUnchanged: boolean
  /** What to do with the zip when the upload fails for good. */
  onUploadFailure: OnUploadFailure
  retries: number
  stallTimeoutMs: number
  apiUrl: string
}

/** Looks up an input by its action.yml name; returns '' when unset. */
export type InputLookup = (name: string) => string

/** One bad input: names it, says what is wrong, shows a good value. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    /** What is wrong, without the input's name: each shell names the input in its own words. */
    readonly problem: string,
    readonly example: string,
  ) {
    super(`Input '${input}': ${problem}. Example of a good value: ${example}`)
    this.name = 'InputError'
  }
}

/** All the bad inputs at once, so a user fixes them in one go. */
export class InvalidInputs extends Error {
  constructor(readonly problems: InputError[]) {
    super(problems.map((p) => p.message).join('\n'))
    this.name = 'InvalidInputs'
  }
}

export const DEFAULT_API_URL = 'https://api.1fichier.com/v1'

export const KEEP_COUNT_INPUTS = COUNT_RULES.map((rule) => `keep-${rule}` as const)

/** Every input, in action.yml's order (the CLI takes each one as a --flag but the secrets). */
export const INPUT_NAMES = [
  'api-key',
  'path',
  'folder',
  'name-prefix',
  'label',
  'compression-level',
  'include-hidden-files',
  'follow-symlinks',
  'if-no-files-found',
  ...KEEP_COUNT_INPUTS,
  'keep-within',
  'keep-within-hourly',
  'keep-within-daily',
  'keep-within-weekly',
  'keep-within-monthly',
  'keep-within-yearly',
  'dry-run',
  'link-password',
  'archive-password',
  'skip-unchanged',
  'on-upload-failure',
  'retries',
  'stall-timeout-seconds',
  'api-url',
] as const

/** The inputs that are passwords: never trimmed, never printed, never a command-line argument. */
export const SECRET_INPUTS: readonly string[] = ['api-key', 'link-password', 'archive-password']

const BOOLEAN_TRUE = ['true', 'True', 'TRUE']
const BOOLEAN_FALSE = ['false', 'False', 'FALSE']

// Characters 1fichier mangles or rejects in names (rclone escapes them), plus path and control characters.
const UNSAFE_FOLDER_CHARS = /[\\<>"'$`\u0000-\u001f\u007f]/

export interface Environment {
  /** `owner/name` of the repository, when known; the default name prefix is taken from it. */
  repository?: string | undefined
}

/**
 * Each reader records its problem and returns a harmless placeholder, so that all the problems are
 * found in one go and the user fixes them at once.
 */
function problemCollector() {
  const problems: InputError[] = []
  const attempt = <T>(fallback: T, read: () => T): T => {
    try {
      return read()
    } catch (error) {
      if (error instanceof InputError) problems.push(error)
      else if (error instanceof InvalidInputs) problems.push(...error.problems)
      else throw error
      return fallback
    }
  }
  return { problems, attempt }
}

export function parseConfig(get: InputLookup, env: Environment = {}): Config {
  const { problems, attempt } = problemCollector()

  const apiKey = attempt('', () => readApiKey(get('api-key')))
  const patterns = attempt('', () => readPatterns(get('path')))
  const folder = attempt<string[]>([], () => readFolder(get('folder')))
  const namePrefix = attempt('backup', () => readNamePrefix(get('name-prefix'), env.repository))
  const label = attempt('', () => readLabel(get('label')))
  const compressionLevel = attempt(6, () =>
    readInteger('compression-level', get('compression-level'), { min: 0, max: 9, fallback: 6, example: '6' }),
  )
  const includeHiddenFiles = attempt(false, () =>
    readBoolean('include-hidden-files', get('include-hidden-files'), false),
  )
  const followSymlinks = attempt(false, () => readBoolean('follow-symlinks', get('follow-symlinks'), false))
  const ifNoFilesFound = attempt<IfNoFilesFound>('error', () => readIfNoFilesFound(get('if-no-files-found')))
  const retention = attempt<RetentionPolicy>({}, () => readRetention(get))
  const dryRun = attempt(false, () => readBoolean('dry-run', get('dry-run'), false))
  const linkPassword = attempt('', () => readLinkPassword(get('link-password')))
  const archivePassword = attempt('', () => readArchivePassword(get('archive-password')))
  const skipUnchanged = attempt(false, () => readBoolean('skip-unchanged', get('skip-unchanged'), false))
  const onUploadFailure = attempt<OnUploadFailure>('fail', () => readOnUploadFailure(get('on-upload-failure')))
  const retries = attempt(5, () =>
    readInteger('retries', get('retries'), { min: 1, max: 100, fallback: 5, example: '5' }),
  )
  const stallTimeoutSeconds = attempt(300, () =>
    readInteger('stall-timeout-seconds', get('stall-timeout-seconds'), {
      min: 5,
      max: 86_400,
      fallback: 300,
      example: '300',
    }),
  )
  const apiUrl = attempt(DEFAULT_API_URL, () => readApiUrl(get('api-url')))

  const nameLength = backupFileName(namePrefix, new Date(0), label).length
  if (nameLength > MAX_FILE_NAME) {
    problems.push(
      new InputError(
        label === '' ? 'name-prefix' : 'label',
        `the backup's file name would be ${nameLength} characters, more than the ${MAX_FILE_NAME} 1fichier accepts; ` +
          `shorten name-prefix or label`,
        'my-repo',
      ),
    )
  }
  if (problems.length > 0) throw new InvalidInputs(problems)
  return {
    apiKey,
    patterns,
    folder,
    namePrefix,
    label,
    compressionLevel,
    includeHiddenFiles,
    followSymlinks,
    ifNoFilesFound,
    retention,
    dryRun,
    linkPassword,
    archivePassword,
    skipUnchanged,
    onUploadFailure,
    retries,
    stallTimeoutMs: stallTimeoutSeconds * 1000,
    apiUrl,
  }
}

function readApiKey(raw: string): string {
  // Used exactly as stored: never trimmed, and never echoed (the problem is described, not shown).
  if (raw.trim() === '') {
    throw new InputError(
      'api-key',
      'it is empty; set it from a secret (create a key at https://1fichier.com/console/params.pl)',
      '${{ secrets.ONEFICHIER_API_KEY }}',
    )
  }
  if (!/^[\x21-\x7e]+$/.test(raw)) {
    throw new InputError(
      'api-key',
      'it is not printable ASCII without spaces (white space around it, a line break or another character); copy ' +
        'the key again from https://1fichier.com/console/params.pl',
      '${{ secrets.ONEFICHIER_API_KEY }}',
    )
  }
  return raw
}

function readPatterns(raw: string): string {
  const lines = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  if (!lines.some((line) => !line.startsWith('!'))) {
    throw new InputError(
      'path',
      lines.length === 0 ? 'no path given' : 'only exclusions (!pattern) given, nothing to include',
      '"data/" or, on several lines, "data/", "config/*.yml", "!data/cache/**"',
    )
  }
  return lines.join('\n')
}

function readFolder(raw: string): string[] {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '')
  if (trimmed === '') return []
  const segments = trimmed.split('/')
  for (const segment of segments) {
    if (segment === '') throw new InputError('folder', `'${raw}' has an empty segment (//)`, 'backups/my-repo')
    if (segment === '.' || segment === '..') {
      throw new InputError(
        'folder',
        `'${raw}' contains '${segment}'; give the path from the account root`,
        'backups/my-repo',
      )
    }
    if (segment !== segment.trim()) {
      throw new InputError('folder', `segment '${segment}' starts or ends with a space`, 'backups/my-repo')
    }
    if (UNSAFE_FOLDER_CHARS.test(segment)) {
      throw new InputError(
        'folder',
        `segment '${segment}' contains a character 1fichier does not accept in names (\\ < > " ' $ \` or a control ` +
          `character)`,
        'backups/my-repo',
      )
    }
    if (segment.length > 250) {
      throw new InputError(
        'folder',
        `segment '${segment.slice(0, 20)}...' is longer than 250 characters`,
        'backups/my-repo',
      )
    }
  }
  return segments
}

/** The default prefix comes from the repository name, cleaned to the allowed characters. */
export function defaultNamePrefix(repository: string | undefined): string {
  const name = (repository ?? '').split('/').pop() ?? ''
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '')
  return cleaned === '' ? 'backup' : cleaned
}

function readNamePrefix(raw: string, repository: string | undefined): string {
  const prefix = raw.trim()
  if (prefix === '') return defaultNamePrefix(repository)
  if (!NAME_PART.test(prefix)) {
    throw new InputError('name-prefix', `'${prefix}' may contain only letters, digits, '.', '_' and '-'`, 'my-repo')
  }
  if (prefix.length > 150) throw new InputError('name-prefix', 'it is longer than 150 characters', 'my-repo')
  return prefix
}

function readLabel(raw: string): string {
  const label = raw.trim()
  if (label === '') return ''
  if (!NAME_PART.test(label)) {
    throw new InputError(
      'label',
      `'${label}' may contain only letters, digits, '.', '_' and '-' (a ref like refs/tags/v1 must be shortened)`,
      'v1.4.0',
    )
  }
  if (label.length > 80) throw new InputError('label', 'it is longer than 80 characters', 'v1.4.0')
  return label
}

interface IntegerRule {
  min: number
  max: number
  fallback: number
  example: string
}

function readInteger(input: string, raw: string, rule: IntegerRule): number {
  const text = raw.trim()
  if (text === '') return rule.fallback
  if (!/^\d+$/.test(text)) {
    throw new InputError(input, `'${text}' is not a whole number from ${rule.min} to ${rule.max}`, rule.example)
  }
  const value = Number(text)
  if (value < rule.min || value > rule.max) {
    throw new InputError(input, `${text} is outside ${rule.min} to ${rule.max}`, rule.example)
  }
  return value
}

function readBoolean(input: string, raw: string, fallback: boolean): boolean {
  const text = raw.trim()
  if (text === '') return fallback
  if (BOOLEAN_TRUE.includes(text)) return true
  if (BOOLEAN_FALSE.includes(text)) return false
  throw new InputError(input, `'${text}' is not true or false`, 'true')
}

function readIfNoFilesFound(raw: string): IfNoFilesFound {
  const text = raw.trim()
  if (text === '') return 'error'
  if (text === 'error' || text === 'warn' || text === 'ignore') return text
  throw new InputError('if-no-files-found', `'${text}' is not one of error, warn, ignore`, 'error')
}

type WithinKey = 'within' | (typeof WITHIN_RULES)[number][0]

/** keep-within and restic's keep-within-<period> inputs, with their policy keys. */
export const KEEP_WITHIN_INPUTS: ReadonlyArray<readonly [string, WithinKey]> = [
  ['keep-within', 'within'],
  ...WITHIN_RULES.map(([key, period]) => [`keep-within-${period}`, key] as const),
]

function readRetention(get: InputLookup): RetentionPolicy {
  const policy: RetentionPolicy = {}
  const problems: InputError[] = []
  for (const input of KEEP_COUNT_INPUTS) {
    const text = get(input).trim()
    if (text === '') continue
    // restic's -1: every period, as far back as the series goes.
    if (text === 'unlimited') {
      policy[input.slice('keep-'.length) as CountRule] = Infinity
      continue
    }
    if (!/^\d+$/.test(text) || Number(text) > 1_000_000) {
      problems.push(
        new InputError(input, `'${text}' is not a whole number of 0 or more (0 turns the rule off), or unlimited`, '7'),
      )
      continue
    }
    policy[input.slice('keep-'.length) as CountRule] = Number(text)
  }
  for (const [input, key] of KEEP_WITHIN_INPUTS) {
    const text = get(input).trim()
    if (text === '') continue
    try {
      policy[key] = parseDuration(text)
    } catch (error) {
      problems.push(new InputError(input, (error as Error).message, '30d (units: h, d, w, m, y; e.g. 36h, 8w, 1y6m)'))
    }
  }
  if (problems.length === 1) throw problems[0]!
  if (problems.length > 1) throw new InvalidInputs(problems)
  return policy
}

function readLinkPassword(raw: string): string {
  if (raw === '') return ''
  if (raw.trim() !== raw) {
    // Used exactly as stored: white space around it is refused, never silently dropped.
    throw new InputError(
      'link-password',
      'it starts or ends with white space (often a copy-paste slip); remove it where the password is kept',
      'a secret of 6 or more characters',
    )
  }
  if (raw.length < 6) {
    // Said without the value: it is a secret.
    throw new InputError(
      'link-password',
      'it is shorter than the 6 characters 1fichier requires',
      'a secret of 6 or more characters',
    )
  }
  if (/[\u0000-\u001f\u007f]/.test(raw)) {
    throw new InputError(
      'link-password',
      'it contains a line break or control character',
      'a secret of 6 or more characters',
    )
  }
  return raw
}

/** WinZip and 7-Zip take any length; a short one is guessed quickly (PBKDF2 has only 1,000 rounds). */
const MIN_ARCHIVE_PASSWORD = 12

function readArchivePassword(raw: string): string {
  if (raw === '') return ''
  const example = 'a secret of 12 or more characters, e.g. from `openssl rand -base64 24`'
  // Said without the value: it is a secret.
  if (raw.length < MIN_ARCHIVE_PASSWORD) {
    throw new InputError(
      'archive-password',
      `it is shorter than ${MIN_ARCHIVE_PASSWORD} characters, too easy to guess offline`,
      example,
    )
  }
  if (raw.trim() !== raw) {
    throw new InputError(
      'archive-password',
      'it starts or ends with white space (often a copy-paste slip, and easy to lose when typing it into 7-Zip)',
      example,
    )
  }
  if (/[\u0000-\u001f\u007f]/.test(raw)) {
    throw new InputError('archive-password', 'it contains a line break or control character', example)
  }
  return raw
}

function readOnUploadFailure(raw: string): OnUploadFailure {
  const value = raw.trim()
  if (value === '' || value === 'fail') return 'fail'
  if (value === 'artifact') return 'artifact'
  throw new InputError('on-upload-failure', `'${value}' is not one of fail, artifact`, 'artifact')
}

/** Whether a URL's host is this machine (localhost, 127.0.0.0/8, ::1): the only place plain http may go. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

function readApiUrl(raw: string): string {
  const text = raw.trim()
  if (text === '') return DEFAULT_API_URL
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError('api-url', `'${text}' is not a URL`, DEFAULT_API_URL)
  }
  // The key travels in a header: plain http is allowed only to this machine.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new InputError('api-url', `'${text}' must use https (plain http only to localhost)`, DEFAULT_API_URL)
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError('api-url', 'it must not contain credentials; the key goes in api-key', DEFAULT_API_URL)
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError('api-url', `'${text}' must not have a query or fragment`, DEFAULT_API_URL)
  }
  return url.toString().replace(/\/+$/, '')
}

/** A retention policy is active when at least one rule keeps something. */
export function retentionActive(policy: RetentionPolicy): boolean {
  return (
    KEEP_COUNT_INPUTS.some((input) => (policy[input.slice(5) as CountRule] ?? 0) > 0) ||
    KEEP_WITHIN_INPUTS.some(([, key]) => policy[key] !== undefined && !isZeroDuration(policy[key]))
  )
}

function isZeroDuration(d: Duration): boolean {
  return d.years === 0 && d.months === 0 && d.days === 0 && d.hours === 0
}

export type { RetentionPolicy }

/** What the commands that read the series back (list, restore, check, prune) need. */
export interface RepositoryConfig {
  apiKey: string
  folder: string[]
  namePrefix: string
  retention: RetentionPolicy
  dryRun: boolean
  /** The download password set on the backups (link-password). */
  linkPassword: string
  /** To open AES zips (archive-password). */
  archivePassword: string
  /** 'latest', 'all' (check only) or one file name of the series. */
  backup: string
  /** Spend CDN credit on downloads (needed from a datacenter address, such as a GitHub-hosted runner). */
  cdn: boolean
  retries: number
  stallTimeoutMs: number
  apiUrl: string
}

export function parseRepositoryConfig(
  get: InputLookup,
  env: Environment = {},
  options: { allowAll?: boolean } = {},
): RepositoryConfig {
  const { problems, attempt } = problemCollector()
  const config: RepositoryConfig = {
    apiKey: attempt('', () => readApiKey(get('api-key'))),
    folder: attempt<string[]>([], () => readFolder(get('folder'))),
    namePrefix: attempt('backup', () => readNamePrefix(get('name-prefix'), env.repository)),
    retention: attempt<RetentionPolicy>({}, () => readRetention(get)),
    dryRun: attempt(false, () => readBoolean('dry-run', get('dry-run'), false)),
    linkPassword: attempt('', () => readLinkPassword(get('link-password'))),
    archivePassword: attempt('', () => readArchivePassword(get('archive-password'))),
    backup: attempt('latest', () => readBackupChoice(get('backup'), options.allowAll ?? false)),
    cdn: attempt(false, () => readBoolean('cdn', get('cdn'), false)),
    retries: attempt(5, () => readInteger('retries', get('retries'), { min: 1, max: 100, fallback: 5, example: '5' })),
    stallTimeoutMs:
      1000 *
      attempt(300, () =>
        readInteger('stall-timeout-seconds', get('stall-timeout-seconds'), {
          min: 5,
          max: 86_400,
          fallback: 300,
          example: '300',
        }),
      ),
    apiUrl: attempt(DEFAULT_API_URL, () => readApiUrl(get('api-url'))),
  }
  if (problems.length > 0) throw new InvalidInputs(problems)
  return config
}

function readBackupChoice(raw: string, allowAll: boolean): string {
  const text = raw.trim()
  if (text === '' || text === 'latest') return 'latest'
  if (text === 'all' && allowAll) return 'all'
  if (!/^[A-Za-z0-9._-]+\.zip$/.test(text)) {
    throw new InputError(
      'backup',
      `'${text}' is not ${allowAll ? 'latest, all' : 'latest'} or the file name of a backup`,
      'latest, or my-repo-20261128T031500Z.zip',
    )
  }
  return text
}
