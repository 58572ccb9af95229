// Cancellation as the runner does it (SIGINT): the run stops promptly, starts no deletion, removes
// its temporary zip, and says in one line what state the backup is in.
import { readdir } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { StandIn } from '../stand-in/server.ts'
import { runAction, visibleLog } from '../helpers/action-process.ts'
import { makeWorkspace, randomKey, stampName, type TreeNode } from '../helpers/workspace.ts'

let standIn: StandIn
let workspace: string

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0, slowMs: 20_000 }).start()
  workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'cancel me\n'.repeat(1000) } })
})
afterAll(async () => {
  await standIn.stop()
})
// A fault a cancelled run never reached must not wait for the next test.
afterEach(() => {
  standIn.faults.length = 0
})

describe('cancellation', () => {
  it('during the zip (worker threads busy): stops at once, uploads nothing, removes the temporary zip', async () => {
    const tree: Record<string, TreeNode> = {}
    for (let i = 0; i < 20_000; i++)
      tree[`many/d${i % 20}/f${i}.txt`] = { kind: 'file', content: `line ${i}\n`.repeat(200) }
    const many = await makeWorkspace(tree)
    const apiKey = randomKey()
    standIn.addAccount(apiKey)
    standIn.requests.length = 0
    const run = await runAction({
      workspace: many,
      inputs: { 'api-key': apiKey, path: 'many/', folder: 'z/deep', 'api-url': standIn.apiUrl },
      cancel: { signal: 'SIGINT', whenStdoutIncludes: '::group::Select and zip' },
    })
    expect(run.code, visibleLog(run)).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors, visibleLog(run)).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^::error::Cancelled\. Stopped during zip\. No backup was uploaded\. Nothing was ` +
            String.raw`deleted\. The temporary zip was removed\.$`,
        ),
      ),
    ])
    expect(standIn.requests.some((r) => r.endpoint === 'upload.cgi')).toBe(false)
    expect(await zipLeftovers(run.runnerTemp)).toEqual([])
  })

  it('during a stalled upload: stops, deletes nothing, removes the temporary zip', async () => {
    const apiKey = randomKey()
    const account = standIn.addAccount(apiKey)
    await standIn.seedFile(account, 'b', stampName('my-repo', '2024-01-01T00:00:00Z'), 'old')
    standIn.injectFault('upload.cgi', 'stall')
    standIn.requests.length = 0
    const started = Date.now()
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'data/', folder: 'b', 'keep-last': '1', 'api-url': standIn.apiUrl },
      cancel: { signal: 'SIGINT', whenStdoutIncludes: 'Uploading my-repo-' },
    })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.code, visibleLog(run)).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^::error::Cancelled\. Stopped during upload\. The new backup was not verified.* ` +
            String.raw`Nothing was deleted\. The temporary zip was removed\.$`,
        ),
      ),
    ])
    expect(standIn.requests.some((r) => r.endpoint === 'file/rm.cgi')).toBe(false)
    expect(standIn.filesIn(account, 'b')).toHaveLength(1)
    expect(await zipLeftovers(run.runnerTemp)).toEqual([])
    expect(run.summary).toContain('**Failed**: Cancelled.')
  })

  it('during pruning: no further deletion starts, and the verified backup is reported', async () => {
    const apiKey = randomKey()
    const account = standIn.addAccount(apiKey)
    for (const year of ['2021', '2022', '2023'])
      await standIn.seedFile(account, 'p', stampName('my-repo', `${year}-01-01T00:00:00Z`), year)
    standIn.injectFault('file/rm.cgi', 'slow', 5)
    standIn.requests.length = 0
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'data/', folder: 'p', 'keep-last': '1', 'api-url': standIn.apiUrl },
      cancel: { signal: 'SIGINT', whenStdoutIncludes: 'Retention plan' },
    })
    expect(run.code, visibleLog(run)).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^::error::Cancelled\. Stopped during prune\. The new backup was uploaded and ` +
            String.raw`verified: https:\/\/1fichier\.com\/\?\w+\. No deletion was confirmed`,
        ),
      ),
    ])
    // At most the one deletion in flight was sent; none started after the signal.
    expect(standIn.requests.filter((r) => r.endpoint === 'file/rm.cgi').length).toBeLessThanOrEqual(1)
    expect(await zipLeftovers(run.runnerTemp)).toEqual([])
  })
})

/** What the run left in RUNNER_TEMP besides its state folder (listing times, lock: kept on purpose). */
async function zipLeftovers(runnerTemp: string): Promise<string[]> {
  return (await readdir(runnerTemp)).filter((name) => name !== '1fichier-backup-state')
}
