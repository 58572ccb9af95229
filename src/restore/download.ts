// A backup brought down to a file: a one-use token per try (get_token.cgi, as rclone asks it), a
// dropped connection resumed with Range, then the size and Whirlpool checked against the listing.
// A corrupted or short download is fetched again with a new token, then refused.
import { rm, stat } from 'node:fs/promises'
import { BackupError } from '../core/errors.js'
import { digestFile } from '../backup/digest.js'
import { formatBytes } from '../core/format.js'
import type { Log } from '../platform/log.js'
import type { OneFichierClient } from '../onefichier/client.js'
import { OneFichierError, errorNumber, isRetryable } from '../onefichier/errors.js'
import type { ListedBackup } from './series.js'

export interface DownloadOptions {
  linkPassword: string
  cdn: boolean
  retries: number
  log: Log
}

/** Whole downloads tried when the bytes do not match the listing (each after a new token). */
const WHOLE_ATTEMPTS = 2

export async function downloadBackup(
  client: OneFichierClient,
  backup: ListedBackup,
  file: string,
  options: DownloadOptions,
): Promise<void> {
  const { log } = options
  for (let whole = 1; ; whole++) {
    await rm(file, { force: true })
    await fetchResuming(client, backup, file, options)
    const size = (await stat(file)).size
    const { whirlpool } = await digestFile(file).result
    const problem =
      backup.size >= 0 && size !== backup.size
        ? `${formatBytes(size)} arrived, the listing says ${formatBytes(backup.size)}`
        : backup.whirlpool !== '' && whirlpool !== backup.whirlpool
          ? `its Whirlpool ${whirlpool.slice(0, 16)}... is not 1fichier's ${backup.whirlpool.slice(0, 16)}...`
          : null
    if (!problem) {
      log.info(`Downloaded ${backup.fileName} (${formatBytes(size)}); size and Whirlpool match 1fichier's`)
      return
    }
    await rm(file, { force: true })
    if (whole >= WHOLE_ATTEMPTS) {
      throw new BackupError(
        `The download of ${backup.fileName} is corrupted (${problem}) after ${whole} tries; nothing was extracted. ` +
          `Run again later.`,
      )
    }
    log.warning(`The download of ${backup.fileName} is corrupted (${problem}); downloading it again with a new token`)
  }
}

async function fetchResuming(
  client: OneFichierClient,
  backup: ListedBackup,
  file: string,
  options: DownloadOptions,
): Promise<void> {
  let offset = 0
  for (let attempt = 1; ; attempt++) {
    const token = await tokenFor(client, backup, options)
    try {
      await client.transport.download(token, file, offset)
      return
    } catch (error) {
      if (!(error instanceof OneFichierError) || !isRetryable(error.kind) || attempt >= options.retries) throw error
      offset = (error as OneFichierError & { resumeFrom?: number }).resumeFrom ?? 0
      options.log.warning(
        `${error.message.split('. ')[0]}; resuming from byte ${offset} with a new token (attempt ${attempt + 1} of ` +
          `${options.retries})`,
      )
    }
  }
}

/** A one-use token; 1fichier's refusals of downloads get their own advice. */
async function tokenFor(client: OneFichierClient, backup: ListedBackup, options: DownloadOptions): Promise<string> {
  try {
    return await client.getDownloadToken(backup.url, { password: options.linkPassword, cdn: options.cdn })
  } catch (error) {
    if (!(error instanceof OneFichierError)) throw error
    const code = errorNumber(error.detail)
    if (code === 913) {
      throw new BackupError(
        `1fichier refused the download (${error.detail}): premium downloads through the API are refused from ` +
          `datacenter addresses, which a GitHub-hosted runner is, unless CDN credit is spent. Use --cdn (the restore ` +
          `action's cdn: true) on an account with CDN credit, or restore from another machine.`,
      )
    }
    if (code === 887) {
      throw new BackupError(
        `1fichier refused the download (${error.detail}): the account allows one location at a time. Stop downloads ` +
          `from other places (or sign out elsewhere) and run again.`,
      )
    }
    if (code === 631 && /password/i.test(error.detail)) {
      throw new BackupError(
        `1fichier refused the download (${error.detail}): the backup has a download password; set ` +
          `ONEFICHIER_LINK_PASSWORD (link-password) to it.`,
      )
    }
    throw error
  }
}
