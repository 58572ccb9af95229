// The deletion rule, as a property over random listings: duplicates, foreign names, look-alikes,
// links under other 1fichier domains, links with no id, shuffled order. Whatever the listing,
// what is deleted is always inside the series and outside what is kept, and never the new backup.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { refusal } from '../../../src/series/deletion.js'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { formatTimestamp, seriesPattern } from '../../../src/core/naming.js'
import { seriesFromListing } from '../../../src/series/listing.js'
import { applyRetention } from '../../../src/series/retention.js'
import type { OneFichierClient } from '../../../src/onefichier/client.js'
import { fileIdOf } from '../../../src/onefichier/file-id.js'
import type { FileItem } from '../../../src/onefichier/types.js'
import type { RetentionPolicy } from '../../../src/core/retention.js'

const PREFIX = 'my-repo'
const NOW = new Date('2026-06-01T00:00:00Z')
const DOMAINS = ['https://1fichier.com/', 'https://alterupload.com/', 'https://dl4free.com/']

/** A fake of the calls retention makes: the listing it is given, and a record of rm.cgi. */
function fakeClient(listing: FileItem[]) {
  const removed: string[] = []
  const client = {
    listFiles: async () => listing,
    removeFile: async (url: string) => {
      removed.push(url)
      return 1
    },
  } as unknown as OneFichierClient
  return { client, removed }
}

const stamp = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2026-07-01T00:00:00Z'),
  noInvalidDate: true,
})
const id = fc.stringMatching(/^[a-z0-9]{10}$/)

/** A name of the series, or one that only looks like it. */
const name = fc.oneof(
  stamp.map((t) => `${PREFIX}-${formatTimestamp(t)}.zip`),
  stamp.map((t) => `${PREFIX}-${formatTimestamp(t)}-v1.2.zip`),
  stamp.map((t) => `${PREFIX}-${formatTimestamp(t)} (1).zip`),
  stamp.map((t) => `${PREFIX}-${formatTimestamp(t)}.zip.bak`),
  stamp.map((t) => `x${PREFIX}-${formatTimestamp(t)}.zip`),
  stamp.map((t) => `other-${formatTimestamp(t)}.zip`),
  fc.constantFrom('notes.txt', `${PREFIX}-20261399T999999Z.zip`, `${PREFIX}.zip`),
)

const file = fc.record({ id, name, domain: fc.constantFrom(...DOMAINS), noId: fc.integer({ min: 0, max: 9 }) })

/** A listing with repeats (same id, same or other name, other domain), shuffled. */
const listing = fc
  .array(fc.tuple(file, fc.nat({ max: 2 }), fc.option(name, { nil: undefined })), { maxLength: 25 })
  .chain((files) => {
    const items: FileItem[] = []
    for (const [f, repeats, otherName] of files) {
      const url = f.noId === 0 ? f.domain : `${f.domain}?${f.id}`
      items.push({ url, filename: f.name, size: 10, checksum: 'a'.repeat(128) })
      for (let r = 0; r < repeats; r++) {
        items.push({
          url: `${DOMAINS[r % DOMAINS.length]}?${f.id.toUpperCase()}`,
          filename: r === 0 && otherName ? otherName : f.name,
          size: 10,
        })
      }
    }
    return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length })
  })

const policy: fc.Arbitrary<RetentionPolicy> = fc.record(
  { last: fc.nat({ max: 4 }), daily: fc.nat({ max: 4 }), weekly: fc.nat({ max: 3 }), monthly: fc.nat({ max: 3 }) },
  { requiredKeys: [] },
)

describe('the deletion rule', () => {
  it('deletes only series members that no rule keeps, never the new backup, whatever the listing', async () => {
    await fc.assert(
      fc.asyncProperty(listing, policy, fc.boolean(), async (items, rules, newIsListed) => {
        const newUrl = `https://1fichier.com/?newbackup01`
        const newBackup = { fileName: `${PREFIX}-${formatTimestamp(NOW)}.zip`, url: newUrl, time: NOW }
        const all = newIsListed
          ? [
              ...items,
              { url: newUrl.replace('1fichier.com', 'alterupload.com'), filename: newBackup.fileName, size: 10 },
            ]
          : items
        const { client, removed } = fakeClient(all)
        const outcome = await applyRetention({
          client,
          folderId: 1,
          prefix: PREFIX,
          policy: { last: 1, ...rules },
          now: NOW,
          newBackup,
          dryRun: false,
          log: new MemoryLog(),
        })
        const keptIds = new Set(outcome.plan!.keep.map((d) => fileIdOf(d.backup.url)))
        // One decision per file id, whatever the listing repeats.
        const decided = outcome.plan!.decisions.map((d) => fileIdOf(d.backup.url) ?? d.backup.url)
        expect(new Set(decided).size).toBe(decided.length)
        for (const url of removed) {
          const removedId = fileIdOf(url)
          expect(removedId).not.toBeNull()
          expect(removedId).not.toBe('newbackup01')
          expect(keptIds.has(removedId)).toBe(false)
          const listed = all.filter((i) => fileIdOf(i.url) === removedId)
          expect(listed.length).toBeGreaterThan(0)
          for (const item of listed) expect(item.filename).toMatch(seriesPattern(PREFIX))
        }
        // Each deletion is one asked for by the plan, once.
        expect(new Set(removed.map(fileIdOf)).size).toBe(removed.length)
      }),
      { numRuns: 400 },
    )
  })

  it('treats a file listed twice as one backup: the kept copy is never deleted', async () => {
    const older = { url: 'https://1fichier.com/?aaaaaaaaaa', filename: 'my-repo-20260101T000000Z.zip', size: 1 }
    const listing = [older, { ...older, url: 'https://alterupload.com/?AAAAAAAAAA' }]
    const { client, removed } = fakeClient(listing)
    const outcome = await applyRetention({
      client,
      folderId: 1,
      prefix: PREFIX,
      policy: { last: 2 },
      now: NOW,
      newBackup: { fileName: 'my-repo-20260601T000000Z.zip', url: 'https://1fichier.com/?bbbbbbbbbb', time: NOW },
      dryRun: false,
      log: new MemoryLog(),
    })
    expect(outcome.plan!.decisions.map((d) => d.keep)).toEqual([true, true])
    expect(removed).toEqual([])
  })

  it('leaves alone an id the listing shows under a series name and a foreign one', () => {
    const listing = [
      { url: 'https://1fichier.com/?cccccccccc', filename: 'my-repo-20250101T000000Z.zip', size: 1 },
      { url: 'https://1fichier.com/?cccccccccc', filename: 'holiday-photos.zip', size: 1 },
    ]
    expect(seriesFromListing(listing, PREFIX).series).toEqual([])
    const proof = { kind: 'retention' as const, listing, prefix: PREFIX, keep: new Set<string>() }
    expect(refusal({ url: listing[0].url, fileName: listing[0].filename }, proof)).toMatch(/outside the series/)
  })

  it("removes a bad copy only when it is provably this run's own upload", () => {
    const fileName = 'my-repo-20260601T000000Z.zip'
    const before = [{ url: 'https://1fichier.com/?dddddddddd', filename: fileName, size: 1 }]
    const proof = (b: FileItem[] | undefined) => ({ kind: 'own-bad-upload' as const, before: b, fileName })
    expect(refusal({ url: 'https://1fichier.com/?eeeeeeeeee', fileName }, proof(before))).toBeNull()
    // Same id under another domain: it was there before.
    expect(refusal({ url: 'https://dl4free.com/?DDDDDDDDDD', fileName }, proof(before))).toMatch(
      /before this run's upload/,
    )
    expect(
      refusal({ url: 'https://1fichier.com/?eeeeeeeeee', fileName: 'my-repo-20260601T000000Z (1).zip' }, proof(before)),
    ).toMatch(/not this run's/)
    expect(refusal({ url: 'https://1fichier.com/?eeeeeeeeee', fileName }, proof(undefined))).toMatch(
      /not listed before the upload/,
    )
    expect(refusal({ url: 'https://1fichier.com/', fileName }, proof(before))).toMatch(/no file id/)
  })
})
