// `node scripts/mem-probe.ts <profile>`: runs the bundled action on a bench tree (npm run bench builds
// them) and samples its RSS every 50 ms, printing the peak and the RSS at each log line. For finding
// where memory goes; the benchmark (npm run bench) is what reports the figures. MEM_PROBE_ENTRY
// runs another bundle (e.g. a worktree's dist/index.js) for an A/B; MEM_PROBE_SMAPS saves the smaps at the peak.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { StandIn } from '../test/stand-in/server.ts'
import { actionEnvironment, DIST_ENTRY, REPO_ROOT } from '../test/helpers/action-process.ts'

const name = process.argv[2] ?? 'big'
const extra = process.argv.slice(3)
const nodeFlags = extra.filter((a) => a.startsWith('--'))
const extraEnv = Object.fromEntries(
  extra.filter((a) => !a.startsWith('--')).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
)
const tree = path.join(REPO_ROOT, '.bench', name)
const standIn = await new StandIn({
  listIntervalMs: 0,
  discardUploads: true,
  accountInfoIntervalMs: 0,
  accountInfoIpIntervalMs: 0,
}).start()
const key = randomBytes(16).toString('hex')
standIn.addAccount(key)
const { env } = await actionEnvironment({
  workspace: tree,
  inputs: {
    'api-key': key,
    path: 'data/',
    folder: `bench/${name}`,
    'compression-level': '6',
    'api-url': standIn.apiUrl,
  },
  env: { ONEFICHIER_BACKUP_TEST_TIME_SCALE: '1', ...extraEnv },
})
const started = performance.now()
const child = spawn(process.execPath, [...nodeFlags, process.env.MEM_PROBE_ENTRY ?? DIST_ENTRY], {
  cwd: tree,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
})
const status = () => {
  try {
    const text = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024
    return { rss: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile'), hwm: kb('VmHWM') }
  } catch {
    return undefined
  }
}
// MEM_PROBE_SMAPS=<file>: the child's /proc smaps at its peak, to see which mappings hold the memory.
const smapsOut = process.env.MEM_PROBE_SMAPS
const saveSmaps = (file: string) => {
  try {
    writeFileSync(file, readFileSync(`/proc/${child.pid}/smaps`))
  } catch {
    // The child has just ended: the last copy stays.
  }
}
let peak = { rss: 0, anon: 0, file: 0, hwm: 0, at: 0 }
const timer = setInterval(() => {
  const s = status()
  if (s && s.rss > peak.rss) {
    peak = { ...s, at: (performance.now() - started) / 1000 }
    if (smapsOut) saveSmaps(smapsOut)
  }
}, 50)
const t = () => ((performance.now() - started) / 1000).toFixed(1).padStart(6)
let buffered = ''
child.stdout.on('data', (chunk: Buffer) => {
  buffered += chunk.toString()
  const lines = buffered.split('\n')
  buffered = lines.pop()!
  for (const line of lines) {
    if (line.startsWith('::debug::') || line.startsWith('::add-mask')) continue
    const s = status()
    console.log(
      `${t()} s rss ${s?.rss.toFixed(0) ?? '?'} (anon ${s?.anon.toFixed(0) ?? '?'}, hwm ` +
        `${s?.hwm.toFixed(0) ?? '?'}) | ${line}`,
    )
  }
})
let lastHwm = 0
const hwmTimer = setInterval(() => {
  const s = status()
  if (s && s.hwm > lastHwm + 3) {
    lastHwm = s.hwm
    console.log(`${t()} s hwm ${s.hwm.toFixed(0)} (anon ${s.anon.toFixed(0)})`)
  }
}, 50)
const code = await new Promise((resolve) => child.on('close', resolve))
clearInterval(timer)
clearInterval(hwmTimer)
console.log(
  `exit ${String(code)}; peak RSS ${peak.rss.toFixed(0)} MB (anon ${peak.anon.toFixed(0)}, file ` +
    `${peak.file.toFixed(0)}) at ${peak.at.toFixed(1)} s; HWM ${peak.hwm.toFixed(0)} MB`,
)
await standIn.stop()
