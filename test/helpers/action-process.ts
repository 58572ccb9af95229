// Runs the bundled action (dist/index.js) as the runner would: a separate Node 24 process with
// INPUT_* variables (defaults from action.yml), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { CA_CERT_PATH } from '../stand-in/server.ts'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DIST_ENTRY = path.join(REPO_ROOT, 'dist/index.js')

interface ActionYaml {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>
  outputs: Record<string, { description: string }>
}

function readActionYaml(file = 'action.yml'): ActionYaml {
  return parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as ActionYaml
}

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Every file the run wrote that a user could see, for secret scans. */
  allText: string
  /** The RUNNER_TEMP the run was given (the action's temporary zip goes there). */
  runnerTemp: string
  /** The process id the run was started as. */
  pid: number | undefined
}

export interface RunOptions {
  inputs: Record<string, string>
  workspace: string
  env?: Record<string, string>
  /** Sends this signal after the given delay, or when stdout shows the text. */
  cancel?: { signal: NodeJS.Signals; whenStdoutIncludes: string }
  timeoutMs?: number
  /** Another action of the repository (restore/action.yml), run from its own bundle. */
  action?: { yaml: string; entry: string }
}

/** The runner's heredoc format: `name<<DELIM\nvalue\nDELIM`. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    outputs[name] = value.join('\n')
  }
  return outputs
}

/** The environment the runner would give the action: INPUT_* (with action.yml's defaults) and files. */
export async function actionEnvironment(options: Pick<RunOptions, 'inputs' | 'workspace' | 'env' | 'action'>) {
  const action = readActionYaml(options.action?.yaml)
  const dir = await mkdtemp(path.join(tmpdir(), 'action-run-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  const runnerTemp = path.join(dir, 'runner-temp')
  await Promise.all([
    writeFile(outputFile, ''),
    writeFile(summaryFile, ''),
    import('node:fs/promises').then((fs) => fs.mkdir(runnerTemp)),
  ])
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'octo-org/my-repo',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: runnerTemp,
    RUNNER_DEBUG: '0',
    NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
    ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
    ...options.env,
  }
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = name in options.inputs ? options.inputs[name] : (spec.default ?? '')
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  for (const name of Object.keys(options.inputs)) {
    if (!(name in action.inputs)) throw new Error(`test passes input '${name}', which action.yml does not declare`)
  }
  return { env, outputFile, summaryFile, runnerTemp }
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const { env, outputFile, summaryFile, runnerTemp } = await actionEnvironment(options)
  const entry = options.action ? path.join(REPO_ROOT, options.action.entry) : DIST_ENTRY
  const child = spawn(process.execPath, [entry], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (options.cancel && stdout.includes(options.cancel.whenStdoutIncludes) && !child.killed) {
      child.kill(options.cancel.signal)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  )
  clearTimeout(timer)
  const outputText = await readFile(outputFile, 'utf8')
  const summary = await readFile(summaryFile, 'utf8')
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(outputText),
    summary,
    allText: [stdout, stderr, outputText, summary].join('\n'),
    runnerTemp,
    pid: child.pid,
  }
}

/** stdout without the runner's `::add-mask::` lines, which the runner consumes and never shows. */
export function visibleLog(run: ActionRun): string {
  return [run.stdout, run.stderr]
    .join('\n')
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
}
