// on-upload-failure: artifact. The bundled action, 1fichier failing for good, and GitHub's artifact
// service stood in for at its HTTP boundary: the very zip becomes a workflow artifact, the step
// still fails and says where the backup went, and nothing is pruned.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { StandIn, type Account } from '../stand-in/server.ts'
import { ArtifactService } from '../stand-in/artifact-service.ts'
import { runAction, visibleLog, type ActionRun } from '../helpers/action-process.ts'
import { inspectZip, makeWorkspace, randomKey, sha256, stampName, type TreeNode } from '../helpers/workspace.ts'

let standIn: StandIn
let artifacts: ArtifactService
let apiKey: string
let account: Account

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
  artifacts = await new ArtifactService().start()
})
afterAll(async () => {
  await standIn.stop()
  await artifacts.stop()
})
beforeEach(() => {
  apiKey = randomKey()
  account = standIn.addAccount(apiKey)
  standIn.faults.length = 0
  artifacts.artifacts.length = 0
  artifacts.calls.length = 0
  artifacts.fault = null
})

const TREE: Record<string, TreeNode> = {
  'out/app.bin': {
    kind: 'file',
    content: Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31) % 256)),
    mode: 0o755,
  },
  'out/notes.txt': { kind: 'file', content: 'release notes\n'.repeat(1000) },
}

const OLD = ['2026-01-01T03:00:00Z', '2026-02-01T03:00:00Z', '2026-03-01T03:00:00Z'].map((d) => stampName('my-repo', d))

async function failingBackup(inputs: Record<string, string>): Promise<ActionRun> {
  for (const name of OLD) await standIn.seedFile(account, 'releases', name, 'old backup')
  // Every upload attempt is refused: the upload fails after all its retries.
  standIn.injectFault('upload.cgi', 'http-500', 100)
  const workspace = await makeWorkspace(TREE)
  return runAction({
    workspace,
    inputs: {
      'api-key': apiKey,
      path: 'out',
      folder: 'releases',
      'keep-last': '1',
      retries: '2',
      'api-url': standIn.apiUrl,
      ...inputs,
    },
    env: artifacts.environment(),
  })
}

function expectNothingPruned(): void {
  expect(
    standIn
      .filesIn(account, 'releases')
      .map((f) => f.filename)
      .sort(),
  ).toEqual(OLD)
  expect(standIn.requests.filter((r) => r.path.endsWith('/file/rm.cgi'))).toHaveLength(0)
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
}

describe('on-upload-failure: artifact', () => {
  it('saves the very zip as a workflow artifact, fails the step saying where it is, and prunes nothing', async () => {
    const run = await failingBackup({ 'on-upload-failure': 'artifact' })
    expect(run.code, visibleLog(run)).toBe(1)
    expectNothingPruned()

    // One artifact, named as the backup, holding the zip itself (not a zip of the zip).
    expect(artifacts.artifacts).toHaveLength(1)
    const [artifact] = artifacts.artifacts
    expect(artifact.name).toMatch(/^my-repo-\d{8}T\d{6}Z\.zip$/)
    expect(artifact.finalized).toBe(true)
    expect(artifact.hash).toBe(`sha256:${sha256(artifact.data)}`)
    expect(artifact.size).toBe(String(artifact.data.length))
    const zipFile = path.join(tmpdir(), `artifact-${artifact.id}.zip`)
    await writeFile(zipFile, artifact.data)
    expect(inspectZip(zipFile).map((e) => [e.name, e.kind, e.mode, e.sha256])).toEqual([
      [
        'app.bin',
        'file',
        0o755,
        sha256(TREE['out/app.bin'].kind === 'file' ? (TREE['out/app.bin'] as { content: Buffer }).content : ''),
      ],
      ['notes.txt', 'file', 0o644, sha256('release notes\n'.repeat(1000))],
    ])

    // The one error says what failed and where the backup went; outputs point at the artifact.
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/upload to 1fichier failed/)
    expect(errors[0]).toContain(`saved instead as workflow artifact '${artifact.name}' (id ${artifact.id}`)
    expect(errors[0]).toContain('Nothing was pruned')
    const url = `https://github.com/octo-org/my-repo/actions/runs/4242/artifacts/${artifact.id}`
    expect(errors[0]).toContain(url)
    expect(run.outputs['artifact-id']).toBe(String(artifact.id))
    expect(run.outputs['artifact-url']).toBe(url)
    expect(run.summary).toContain('**Failed**')
    expect(run.summary).toContain(url)
    // Neither secret appears: not the API key, not the runtime token, not the signed blob URL's signature.
    const visible = [visibleLog(run), run.summary, JSON.stringify(run.outputs)].join('\n')
    expect(visible).not.toContain(apiKey)
    expect(visible).not.toContain(artifacts.environment().ACTIONS_RUNTIME_TOKEN)
  })

  it('when the artifact service fails too, says both failed; still nothing is pruned', async () => {
    artifacts.fault = 'create-unauthorized'
    const run = await failingBackup({ 'on-upload-failure': 'artifact' })
    expect(run.code).toBe(1)
    expectNothingPruned()
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /upload to 1fichier failed.*Saving the zip as a workflow artifact failed too \(.*\)\. Nothing was pruned\./,
    )
    expect(run.outputs['artifact-id'] ?? '').toBe('')
    expect(visibleLog(run)).not.toContain(apiKey)
  })

  it('with the default (fail), the artifact service is never called', async () => {
    const run = await failingBackup({})
    expect(run.code).toBe(1)
    expectNothingPruned()
    expect(artifacts.calls).toEqual([])
    expect(errorLines(run)[0]).not.toContain('artifact')
  })

  it('after a successful upload, the artifact service is never called', async () => {
    const workspace = await makeWorkspace(TREE)
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'out', 'on-upload-failure': 'artifact', 'api-url': standIn.apiUrl },
      env: artifacts.environment(),
    })
    expect(run.code, visibleLog(run)).toBe(0)
    expect(artifacts.calls).toEqual([])
    expect(run.outputs['artifact-id']).toBe('')
  })

  it('rejects an unknown choice, naming the input and the choices', async () => {
    const workspace = await makeWorkspace(TREE)
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'out', 'on-upload-failure': 'cache', 'api-url': standIn.apiUrl },
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::Input 'on-upload-failure': 'cache' is not one of fail, artifact")
  })
})
