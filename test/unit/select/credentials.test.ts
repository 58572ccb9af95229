// Files that look like credentials are flagged before they go into a backup: a warning each, the
// backup going on (they may be meant to be there). Templates are not flagged.
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSelection } from '../../../src/select/select.js'
import { makeWorkspace } from '../../helpers/workspace.ts'

describe('the credential guard', () => {
  it('warns about dotenv files, SSH keys, registry and cloud credentials; not about templates', async () => {
    const file = (content = 'x') => ({ kind: 'file' as const, content })
    const workspace = await makeWorkspace({
      'app/.env': file('API_KEY=secret'),
      'app/.env.local': file(),
      'app/.env.production': file(),
      'app/.env.example': file(),
      'app/.envrc.txt': file(),
      'app/gha-creds-1a2b.json': file(),
      'app/.npmrc': file(),
      'app/keys/id_ed25519': file(),
      'app/keys/id_ed25519.pub': file(),
      'app/README.md': file(),
    })
    const selection = await openSelection(path.join(workspace, 'app'), {
      includeHiddenFiles: true,
      followSymlinks: false,
      workspace,
      exclude: [],
    })
    const entries = []
    for await (const entry of selection.entries) entries.push(entry)
    expect(entries.length).toBeGreaterThan(0)
    const flagged = selection.tally.credentialWarnings.map((w) => /^'([^']+)'/.exec(w)?.[1]).sort()
    expect(flagged).toEqual(
      ['.env', '.env.local', '.env.production', '.npmrc', 'gha-creds-1a2b.json', 'keys/id_ed25519'].sort(),
    )
    expect(selection.tally.credentialWarnings.find((w) => w.startsWith("'.env'"))).toMatch(/dotenv file/)
    // Every file is still in the backup: a warning, not a refusal.
    expect(selection.tally.fileCount).toBe(10)
  })
})
