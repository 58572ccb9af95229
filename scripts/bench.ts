// `npm run bench`: the bundled action against the obvious script a user would write instead
// (Info-ZIP `zip -r` at the same level, then `curl -F`), and the same with archiver and with 7-Zip
// (-mmt) writing the zip, on trees this script builds, uploading to the same loopback stand-in.
// Prints wall time, CPU time and peak RSS of each, and the ratios of the action's to each baseline's.
// The way back too: `1fichier-backup restore` against `curl -o` + `unzip`, on the zip Info-ZIP made.
// And the zip stage alone, with the pipeline and with the sequential writer (scripts/bench-zip.ts).
// Run by hand (it needs ~6 GB of disk and several minutes), never in CI.
//   npm run bench [-- --profiles mixed,small,big] [--level 6]
import { execFile, execFileSync, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { type Account, CA_CERT_PATH, StandIn } from '../test/stand-in/server.ts'
import { actionEnvironment, DIST_ENTRY, REPO_ROOT } from '../test/helpers/action-process.ts'

const execFileAsync = promisify(execFile)
const { values } = parseArgs({
  options: { profiles: { type: 'string', default: 'mixed,small,big' }, level: { type: 'string', default: '6' } },
})
const LEVEL = values.level
const BENCH_DIR = path.join(REPO_ROOT, '.bench')
const ARCHIVER_SCRIPT = path.join(REPO_ROOT, 'scripts/bench-archiver.ts')
const ZIP_STAGE_SCRIPT = path.join(REPO_ROOT, 'scripts/bench-zip.ts')
const CLI_ENTRY = path.join(REPO_ROOT, 'dist/cli/index.js')
const MiB = 1024 * 1024

// Deterministic content: the same trees on every run.
let seed = 42
function nextRandom(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}
const WORDS = (
  'backup zip upload verify prune retention folder archive series daily weekly monthly yearly checksum ' +
  'whirlpool node action workflow runner secret'
).split(' ')

/** Text that deflates about 2:1: words mixed with hex noise. */
function textLike(size: number): Buffer {
  const parts: string[] = []
  let length = 0
  while (length < size) {
    const line =
      nextRandom() < 0.5
        ? `${Array.from({ length: 8 }, () => WORDS[Math.floor(nextRandom() * WORDS.length)]).join(' ')}\n`
        : `${randomBytes(24).toString('hex')}\n`
    parts.push(line)
    length += line.length
  }
  return Buffer.from(parts.join('')).subarray(0, size)
}

async function buildMixed(dir: string): Promise<void> {
  // ~1 GiB, ~3,300 files in nested folders: 60% text-like, 40% random bytes.
  let total = 0
  let index = 0
  while (total < 1024 * MiB) {
    const size = Math.floor(16 * 1024 + nextRandom() * 600 * 1024)
    const isText = nextRandom() < 0.6
    const folder = path.join(dir, `d${index % 10}`, `e${index % 37}`)
    await mkdir(folder, { recursive: true })
    await writeFile(
      path.join(folder, `f${index}.${isText ? 'txt' : 'bin'}`),
      isText ? textLike(size) : randomBytes(size),
    )
    total += size
    index++
  }
}

async function buildSmall(dir: string): Promise<void> {
  // 100,000 small files (0.5-4 KiB) in 100 folders.
  for (let d = 0; d < 100; d++) {
    const folder = path.join(dir, `d${d}`)
    await mkdir(folder, { recursive: true })
    const writes: Array<Promise<void>> = []
    for (let f = 0; f < 1000; f++)
      writes.push(writeFile(path.join(folder, `f${f}.txt`), textLike(512 + Math.floor(nextRandom() * 3584))))
    await Promise.all(writes)
  }
}

async function buildBig(dir: string): Promise<void> {
  // One 3 GiB file: alternating text-like and random 8 MiB blocks.
  await mkdir(dir, { recursive: true })
  const out = createWriteStream(path.join(dir, 'disk.img'))
  const text = textLike(8 * MiB)
  for (let i = 0; i < 384; i++) {
    if (!out.write(i % 5 < 3 ? text : randomBytes(8 * MiB)))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  out.end()
  await finished(out)
}

const PROFILES: Record<string, { build: (dir: string) => Promise<void>; label: string }> = {
  mixed: { build: buildMixed, label: '1 GiB mixed (60% text, 40% random)' },
  small: { build: buildSmall, label: '100,000 small files' },
  big: { build: buildBig, label: 'one 3 GiB file' },
}

interface Measure {
  wall: number
  cpu: number
  rssMB: number
  code: number | null
  /** When it was started (ms since the epoch), to place the time stamps of its stderr. */
  startedAt: number
  stderr: string
}

/** Runs a command under GNU time; returns wall, user+sys CPU and peak RSS. */
async function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log: string },
): Promise<Measure> {
  const timeFile = path.join(BENCH_DIR, 'time.out')
  const startedAt = Date.now()
  const started = performance.now()
  const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%U %S %M', command, ...args], {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // The run's own log, both streams (stage times; the CLI logs to stderr), kept beside the trees for a closer look.
  const log = createWriteStream(options.log)
  child.stdout.pipe(log, { end: false })
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString()
    log.write(c)
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  log.end()
  await finished(log)
  const wall = (performance.now() - started) / 1000
  const [user, sys, rssKB] = (await readFile(timeFile, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number)
  if (code !== 0) console.error(`  ${command} exited ${code}: ${stderr.slice(-2000)}`)
  return { wall, cpu: user + sys, rssMB: rssKB / 1024, code, startedAt, stderr }
}

/** A run in three parts (seconds): until its transfer starts, the transfer, and after it. */
interface Split {
  before: number
  transfer: number
  after: number
}

/**
 * Where our CLI's time went, from its --verbose log (each stderr line time-stamped): the download
 * starts when get_token.cgi answers and ends at "Downloaded"; before it, start-up and the paced calls.
 */
function cliSplit(m: Measure): Split {
  const lines = m.stderr.split('\n')
  const at = (i: number) => (i < 0 ? NaN : (Date.parse(lines[i].slice(0, 24)) - m.startedAt) / 1000)
  const asked = lines.findIndex((line) => /debug: POST \S+\/download\/get_token\.cgi/.test(line))
  const answered = lines.findIndex((line, i) => asked >= 0 && i > asked && line.includes('-> HTTP 200'))
  const downloaded = lines.findIndex((line) => / Downloaded /.test(line))
  return { before: at(answered), transfer: at(downloaded) - at(answered), after: m.wall - at(downloaded) }
}

/** When a baseline's first tool ended, in seconds from its start: its command prints TOOL_SPLIT in between. */
function firstToolEnded(m: Measure): number {
  return (Number(/^(\d+\.\d+)$/m.exec(m.stderr)?.[1] ?? NaN) * 1000 - m.startedAt) / 1000
}

/** curl, then the tool that extracts or tests: the download is curl's time (its token was asked for outside). */
function baselineSplit(m: Measure): Split {
  const downloaded = firstToolEnded(m)
  return { before: 0, transfer: downloaded, after: m.wall - downloaded }
}

/** "1.4 s" or "850 ms" as seconds; NaN when the log did not say. */
function seconds(text: string | undefined): number {
  const match = /^([\d.]+) (m?s)$/.exec(text ?? '')
  return match ? Number(match[1]) / (match[2] === 'ms' ? 1000 : 1) : NaN
}

/**
 * The key as curl's Authorization header, in a file only its owner reads (`curl -H @file`): a key is
 * never put in an argument list, where any process can read it, nor in a logged command line.
 */
async function writeAuthHeader(key: string): Promise<string> {
  const file = path.join(BENCH_DIR, '.auth-header')
  await rm(file, { force: true })
  await writeFile(file, `Authorization: Bearer ${key}\n`, { mode: 0o600 })
  return file
}

/**
 * The bytes of the files under `dir`. Not du's count, which adds the folders' own blocks: a folder
 * that held many names keeps more of them, so a faithful restore counted 819,200 bytes apart.
 */
function fileBytes(dir: string): number {
  const sizes = execFileSync('find', [dir, '-type', 'f', '-printf', '%s\\n'], { encoding: 'utf8', maxBuffer: 1 << 26 })
  return sizes.split('\n').reduce((sum, size) => sum + Number(size), 0)
}

/** Put between a baseline's two tools: the moment the first one ended, on stderr. */
const TOOL_SPLIT = 'date +%s.%N >&2'

async function main(): Promise<void> {
  if (!['time', 'zip', 'unzip', 'curl', '7zz'].every((tool) => existsSync(`/usr/bin/${tool}`))) {
    throw new Error(
      'the benchmark needs /usr/bin/time, zip, unzip, curl and 7zz (apt-get install time zip unzip curl 7zip)',
    )
  }
  await mkdir(BENCH_DIR, { recursive: true })
  // Each profile's run stands for a nightly job of its own: the listing rule and user/info.cgi's
  // 5-minute limit are off, or a later profile would measure a 30-s lock hold-off, not the work.
  const standIn = await new StandIn({
    listIntervalMs: 0,
    discardUploads: true,
    accountInfoIntervalMs: 0,
    accountInfoIpIntervalMs: 0,
  }).start()
  const key = randomBytes(16).toString('hex')
  const account = standIn.addAccount(key)
  const authHeader = await writeAuthHeader(key)
  const rows: string[] = []
  const restoreRows: string[] = []
  const backupSplitRows: string[] = []
  const restoreSplitRows: string[] = []
  const pipelineRows: string[] = []
  const hashNotes: string[] = []
  const checkNotes: string[] = []
  // The entry and the chunks ncc splits off (the action's code, loaded after the re-execution; the
  // artifact client, loaded only when the upload fails).
  const distDir = path.dirname(DIST_ENTRY)
  const bundleFiles = (await readdir(distDir)).filter((f) => f.endsWith('.js'))
  const bundleSizes = await Promise.all(
    bundleFiles.map(async (f) => [f, (await stat(path.join(distDir, f))).size] as const),
  )
  const bundle = bundleSizes.reduce((sum, [, size]) => sum + size, 0)

  // Start-up: load the bundle and validate inputs (a bad value stops it right there).
  const startup: number[] = []
  for (let i = 0; i < 5; i++) {
    const { env } = await actionEnvironment({
      workspace: BENCH_DIR,
      inputs: { 'api-key': key, path: 'x', 'compression-level': '11' },
    })
    const t = performance.now()
    // It exits 1 on the bad input.
    await execFileAsync(process.execPath, [DIST_ENTRY], { env, cwd: BENCH_DIR }).catch(() => undefined)
    startup.push(performance.now() - t)
  }
  startup.sort((a, b) => a - b)

  for (const name of values.profiles.split(',')) {
    const profile = PROFILES[name] as (typeof PROFILES)[string] | undefined
    if (!profile) throw new Error(`unknown profile ${name}`)
    const tree = path.join(BENCH_DIR, name)
    if (!existsSync(path.join(tree, '.done'))) {
      console.error(`building ${profile.label} in ${tree} ...`)
      await rm(tree, { recursive: true, force: true })
      await profile.build(path.join(tree, 'data'))
      await writeFile(path.join(tree, '.done'), '')
    }
    const inputBytes = Number(execFileSync('du', ['-sb', path.join(tree, 'data')], { encoding: 'utf8' }).split('\t')[0])
    // Both runs read the tree from the page cache: the first one must not pay for a cold read.
    await execFileAsync('bash', ['-c', 'find data -type f -print0 | xargs -0 cat > /dev/null'], { cwd: tree })

    // (a) the bundled action
    const { env } = await actionEnvironment({
      workspace: tree,
      inputs: {
        'api-key': key,
        path: 'data/',
        folder: `bench/${name}`,
        'compression-level': LEVEL,
        'api-url': standIn.apiUrl,
      },
      env: { ONEFICHIER_BACKUP_TEST_TIME_SCALE: '1' },
    })
    const a = await measure(process.execPath, [DIST_ENTRY], {
      cwd: tree,
      env,
      log: path.join(BENCH_DIR, `${name}-action.log`),
    })
    const aSize = standIn.accounts.get(key)!.files.at(-1)?.size ?? 0
    // The checksums are computed beside the upload; what they cost in wall time is the wait after it.
    const aLog = await readFile(path.join(BENCH_DIR, `${name}-action.log`), 'utf8')
    const ready = /Checksums ready (?:before the upload ended|([\d.]+ m?s) after the upload ended)/.exec(aLog)
    const waited = !ready ? NaN : ready[1] ? seconds(ready[1]) : 0
    hashNotes.push(
      `${profile.label}: waited ${Number.isNaN(waited) ? '?' : `${waited.toFixed(2)} s`} for the ` +
        `checksums after the upload (${Number.isNaN(waited) ? '?' : ((100 * waited) / a.wall).toFixed(1)}% of the run)`,
    )

    // The baselines: a zip written by another tool, then `curl -F` to the same server.
    const zipPath = path.join(BENCH_DIR, `${name}.zip`)
    const baseline = (tool: string, zipCommand: string) =>
      zipThenCurl({ standIn, authHeader, tree, zipPath, zipCommand, log: path.join(BENCH_DIR, `${name}-${tool}.log`) })
    // (b) Info-ZIP at the same level: the obvious script a user would write.
    const b = await baseline('zip', `zip -r -q -${LEVEL} ${zipPath} .`)
    // The read-back check (proof before prune) rides on the hashing pass: what it adds to that pass,
    // against the action's zip stage. Measured on the same zip (Info-ZIP's), hashing alone first.
    const zipSeconds = seconds(/into \S+: \S+ \S+ in ([\d.]+ m?s)/.exec(aLog)?.[1])
    const uploadSeconds = seconds(/Uploaded in ([\d.]+ m?s)/.exec(aLog)?.[1])
    const bZip = firstToolEnded(b)
    const rest = a.wall - zipSeconds - uploadSeconds - waited
    backupSplitRows.push(
      `| ${profile.label} | a: action | ${zipSeconds.toFixed(1)} | ${uploadSeconds.toFixed(1)} | ` +
        `${waited.toFixed(1)} | ${rest.toFixed(1)} |`,
      `| | b: zip -r + curl | ${bZip.toFixed(1)} | ${(b.wall - bZip).toFixed(1)} | | |`,
    )
    const hashOnly = await timeDigest(zipPath, false)
    const withCheck = await timeDigest(zipPath, true)
    checkNotes.push(
      `${profile.label}: hashing alone ${hashOnly.toFixed(2)} s, with the read-back check ` +
        `${withCheck.toFixed(2)} s: +${(withCheck - hashOnly).toFixed(2)} s, ` +
        `${((100 * (withCheck - hashOnly)) / zipSeconds).toFixed(1)}% of the zip stage (${zipSeconds.toFixed(1)} s)`,
    )
    // The way back, on that same zip (moved into the stand-in): our restore against curl + unzip.
    const r = await restoreRuns({
      standIn,
      account,
      authHeader,
      name,
      zipPath,
      fileBytes: fileBytes(path.join(tree, 'data')),
    })
    const restoreRow = (label: string, m: Measure) =>
      `| | ${label} | ${m.wall.toFixed(1)} | ${m.cpu.toFixed(1)} | ${m.rssMB.toFixed(0)} |`
    const ratioRow = (label: string, x: Measure, y: Measure) =>
      `| | **${label}** | **${(x.wall / y.wall).toFixed(2)}** | ${(x.cpu / y.cpu).toFixed(2)} | |`
    const splitRow = (label: string, split: Split) =>
      `| | ${label} | ${split.before.toFixed(2)} | ${split.transfer.toFixed(2)} | ${split.after.toFixed(2)} |`
    restoreSplitRows.push(
      splitRow('r: restore', cliSplit(r.ours)).replace('| |', `| ${profile.label} |`),
      splitRow('u: curl + unzip', baselineSplit(r.theirs)),
      splitRow('s: curl + 7zz x', baselineSplit(r.sevenZip)),
      splitRow('k: check', cliSplit(r.check)),
      splitRow('t: curl + unzip -t', baselineSplit(r.unzipTest)),
    )
    restoreRows.push(
      restoreRow('r: restore', r.ours).replace('| |', `| ${profile.label} |`),
      restoreRow('u: curl + unzip', r.theirs),
      ratioRow('r/u', r.ours, r.theirs),
      restoreRow('s: curl + 7zz x', r.sevenZip),
      ratioRow('r/s', r.ours, r.sevenZip),
      restoreRow('k: check', r.check),
      restoreRow('t: curl + unzip -t', r.unzipTest),
      ratioRow('k/t', r.check, r.unzipTest),
    )
    // The zip stage alone (no upload): the pipeline against the sequential writer, on the same code.
    const zipStageRun = (mode: 'pipeline' | 'sequential') =>
      measure(process.execPath, [ZIP_STAGE_SCRIPT, tree, zipPath, LEVEL, mode], {
        cwd: tree,
        env: { PATH: process.env.PATH },
        log: path.join(BENCH_DIR, `${name}-zip-${mode}.log`),
      })
    const pipelined = await zipStageRun('pipeline')
    const sequential = await zipStageRun('sequential')
    const stageRow = (label: string, m: Measure) =>
      `| | ${label} | ${m.wall.toFixed(1)} | ${m.cpu.toFixed(1)} | ${m.rssMB.toFixed(0)} |`
    pipelineRows.push(
      stageRow('p: pipeline', pipelined).replace('| |', `| ${profile.label} |`),
      stageRow('q: sequential writer', sequential),
      `| | **p/q** | **${(pipelined.wall / sequential.wall).toFixed(2)}** | ` +
        `${(pipelined.cpu / sequential.cpu).toFixed(2)} | |`,
    )
    // (c) archiver, the zip library the user named, as its README uses it.
    const c = await baseline('archiver', `${process.execPath} ${ARCHIVER_SCRIPT} . ${zipPath} ${LEVEL}`)
    // (d) 7-Zip writing a zip on every core, at the same deflate level.
    const d = await baseline('7z', `7zz a -tzip -mmt=on -mx=${LEVEL} -bd -bso0 -bsp0 ${zipPath} .`)
    await rm(zipPath, { force: true })

    const ratio = (x: number, y: number) => (y > 0 ? (x / y).toFixed(2) : 'n/a')
    const row = (run: string, m: ZipRun) =>
      `| | | ${run} | ${m.wall.toFixed(1)} | ${m.cpu.toFixed(1)} | ${m.rssMB.toFixed(0)} | ` +
      `${(m.size / inputBytes).toFixed(3)} |`
    rows.push(
      `| ${profile.label} | ${(inputBytes / MiB).toFixed(0)} MiB | a: action | ${a.wall.toFixed(1)} | ` +
        `${a.cpu.toFixed(1)} | ${a.rssMB.toFixed(0)} | ${(aSize / inputBytes).toFixed(3)} |`,
      row('b: zip -r + curl', b),
      row('c: archiver + curl', c),
      row('d: 7z -mmt + curl', d),
      `| | | **a/b** · a/c · a/d | **${ratio(a.wall, b.wall)}** · ${ratio(a.wall, c.wall)} · ` +
        `${ratio(a.wall, d.wall)} | ${ratio(a.cpu, b.cpu)} · ${ratio(a.cpu, c.cpu)} · ${ratio(a.cpu, d.cpu)} | | |`,
    )
    console.error(
      `${name}: a ${a.wall.toFixed(1)} s (exit ${a.code}), b ${b.wall.toFixed(1)} s, c ` +
        `${c.wall.toFixed(1)} s, d ${d.wall.toFixed(1)} s`,
    )
  }
  await standIn.stop()

  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log(
    `\nMachine: ${cpus().length} cores (${cpu}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ` +
      `${process.version}, compression level ${LEVEL}`,
  )
  console.log(
    `Bundle dist/*.js: ${(bundle / MiB).toFixed(2)} MiB ` +
      `(${bundleSizes.map(([f, size]) => `${f} ${(size / MiB).toFixed(2)}`).join(', ')}); start-up to ` +
      `input validation: median ${startup[2].toFixed(0)} ms (of 5)\n`,
  )
  console.log('| profile | input | run | wall s | CPU s | peak RSS MB | zip/input |')
  console.log('|---|---|---|---|---|---|---|')
  for (const row of rows) console.log(row)
  console.log('\nRestore of the zip Info-ZIP made (download from the loopback stand-in, then extraction):\n')
  console.log('| profile | run | wall s | CPU s | peak RSS MB |')
  console.log('|---|---|---|---|---|')
  for (const row of restoreRows) console.log(row)
  console.log(
    '\nWhere the time goes (s). Backup: the zip stage, the upload, the wait after it (checksums and ' +
      'read-back), and the rest (start-up, API calls); the baseline, zip -r then curl:\n',
  )
  console.log('| profile | run | zip | upload | after the upload | rest |')
  console.log('|---|---|---|---|---|---|')
  for (const row of backupSplitRows) console.log(row)
  console.log(
    '\nThe way back: before the download (ours: start-up, listing and token, calls 400 ms apart as ' +
      "rclone's; the baselines' tokens are asked for outside their time), the download, and after it:\n",
  )
  console.log('| profile | run | before | download | after |')
  console.log('|---|---|---|---|---|')
  for (const row of restoreSplitRows) console.log(row)
  console.log(
    '\nThe zip stage alone (no upload): the pipeline against the sequential writer (same code, one piece at a time):\n',
  )
  console.log('| profile | run | wall s | CPU s | peak RSS MB |')
  console.log('|---|---|---|---|---|')
  for (const row of pipelineRows) console.log(row)
  console.log('\nSHA-256 + Whirlpool (a child process reading the zip while it uploads):')
  for (const note of hashNotes) console.log(`- ${note}`)
  console.log('\nRead-back check of the zip (every entry inflated and its CRC-32 checked, in the hashing pass):')
  for (const note of checkNotes) console.log(`- ${note}`)
}

interface ZipRun extends Measure {
  size: number
}

/** A baseline run: `zipCommand` writes `zipPath` from the tree's data/, then curl uploads it. */
async function zipThenCurl(run: {
  standIn: StandIn
  authHeader: string
  tree: string
  zipPath: string
  zipCommand: string
  log: string
}): Promise<ZipRun> {
  await rm(run.zipPath, { force: true })
  // An upload id fetched beforehand, outside the timing; asynchronously: the stand-in answers from this process.
  const server = JSON.parse(
    (
      await execFileAsync('curl', [
        '-sS',
        '--cacert',
        CA_CERT_PATH,
        '-H',
        `@${run.authHeader}`,
        `${run.standIn.apiUrl}/upload/get_upload_server.cgi`,
      ])
    ).stdout,
  ) as { url: string; id: string }
  const upload =
    `curl -sS -o /dev/null --cacert ${CA_CERT_PATH} -H @${run.authHeader} -F did=0 ` +
    `-F "file[]=@${run.zipPath}" "https://${server.url}/upload.cgi?id=${server.id}"`
  const measured = await measure('bash', ['-c', `cd data && ${run.zipCommand} && ${TOOL_SPLIT} && ${upload}`], {
    cwd: run.tree,
    env: { PATH: process.env.PATH },
    log: run.log,
  })
  return { ...measured, size: (await stat(run.zipPath)).size }
}

/**
 * The way back: the CLI's restore (listing, token, download, plan, extraction, times and modes) against
 * `curl -o` of a token URL fetched beforehand, then `unzip -q`. Both must give back the tree's bytes.
 */
async function restoreRuns(run: {
  standIn: StandIn
  account: Account
  /** The key as a curl header file (writeAuthHeader). */
  authHeader: string
  name: string
  zipPath: string
  /** The tree's file bytes, which each restore must give back. */
  fileBytes: number
}): Promise<{ ours: Measure; theirs: Measure; sevenZip: Measure; check: Measure; unzipTest: Measure }> {
  const folder = `bench-restore/${run.name}`
  const stored = await run.standIn.seedFileFrom(run.account, folder, 'bench-20260101T000000Z.zip', run.zipPath)
  const env = {
    PATH: process.env.PATH,
    HOME: BENCH_DIR,
    NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
    ONEFICHIER_API_KEY: run.account.apiKey,
  }
  const to = path.join(BENCH_DIR, `${run.name}-restored`)
  // --verbose time-stamps each API call, so the split of the run can be read from its log.
  const cliArgs = ['--folder', folder, '--name-prefix', 'bench', '--api-url', run.standIn.apiUrl, '--verbose']
  const restored = async (label: string, m: Measure) => {
    const bytes = fileBytes(to)
    if (m.code !== 0 || bytes !== run.fileBytes)
      console.error(`  ${label}: exit ${m.code}, ${bytes} of ${run.fileBytes} bytes`)
    await rm(to, { recursive: true, force: true })
  }
  await rm(to, { recursive: true, force: true })
  const ours = await measure(process.execPath, [CLI_ENTRY, 'restore', ...cliArgs, '--to', to], {
    cwd: BENCH_DIR,
    env,
    log: path.join(BENCH_DIR, `${run.name}-restore.log`),
  })
  await restored('restore', ours)
  // A token URL per baseline, asked for outside the measured time (as our restore asks its own).
  const tokenUrl = async () =>
    (
      JSON.parse(
        (
          await execFileAsync('curl', [
            '-sS',
            '--cacert',
            CA_CERT_PATH,
            '-H',
            `@${run.authHeader}`,
            '-H',
            'Content-Type: application/json',
            '-d',
            JSON.stringify({ url: stored.url }),
            `${run.standIn.apiUrl}/download/get_token.cgi`,
          ])
        ).stdout,
      ) as { url: string }
    ).url
  const download = path.join(BENCH_DIR, `${run.name}-download.zip`)
  // A baseline: curl downloads with a fresh token, then `tool` works on the download.
  const curlThen = async (tool: string) =>
    `curl -sS --cacert ${CA_CERT_PATH} -o ${download} "${await tokenUrl()}" && ${TOOL_SPLIT} && ${tool} ${download}`
  const theirs = await measure('bash', ['-c', await curlThen(`unzip -q -d ${to}`)], {
    cwd: BENCH_DIR,
    env,
    log: path.join(BENCH_DIR, `${run.name}-unzip.log`),
  })
  await restored('curl + unzip', theirs)
  await rm(download, { force: true })
  // 7-Zip extracting on every core, from its own download.
  const sevenZip = await measure('bash', ['-c', await curlThen(`7zz x -bd -bso0 -bsp0 -o${to}`)], {
    cwd: BENCH_DIR,
    env,
    log: path.join(BENCH_DIR, `${run.name}-7zz.log`),
  })
  await restored('curl + 7zz x', sevenZip)
  // check (download, plan, every entry inflated and checked, nothing written) against unzip -t.
  const check = await measure(process.execPath, [CLI_ENTRY, 'check', ...cliArgs], {
    cwd: BENCH_DIR,
    env,
    log: path.join(BENCH_DIR, `${run.name}-check.log`),
  })
  if (check.code !== 0) console.error(`  check: exit ${check.code}`)
  await rm(download, { force: true })
  const unzipTest = await measure('bash', ['-c', await curlThen('unzip -tq')], {
    cwd: BENCH_DIR,
    env,
    log: path.join(BENCH_DIR, `${run.name}-unzip-t.log`),
  })
  if (unzipTest.code !== 0) console.error(`  unzip -t: exit ${unzipTest.code}`)
  await rm(download, { force: true })
  return { ours, theirs, sevenZip, check, unzipTest }
}

/** One hashing pass over `zip` (as the action makes it), with or without the read-back check. */
async function timeDigest(zip: string, check: boolean): Promise<number> {
  // From lib/ (what `npm run build` compiles): this script runs as plain Node, which strips types
  // but does not map .js to .ts.
  const lib = path.join(REPO_ROOT, 'lib')
  const digestModule = path.join(lib, 'platform/digest.js')
  const { digestFile } = (await import(digestModule)) as typeof import('../src/platform/digest.js')
  const { ZipReadBack } = (await import(path.join(lib, 'zip/read-back.js'))) as typeof import('../src/zip/read-back.js')
  const started = performance.now()
  const reader = check ? await ZipReadBack.open(zip, (await stat(zip)).size) : undefined
  await digestFile(zip, reader ? { reader } : {}).result
  await reader?.finish()
  return (performance.now() - started) / 1000
}

await main()
