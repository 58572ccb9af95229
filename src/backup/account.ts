// The pre-flight: what 1fichier says about the account, asked before the zip is written, so that
// a full or forbidden account stops the run at once instead of after the whole zip is sent.
// user/info.cgi has its own strict limit (1 call a minute per IP, 1 per 5 minutes per account;
// more gives "Flood detected: IP Locked #38"), so its answer is kept in the state file and reused
// meanwhile. The answer is advice: only a clear "uploads forbidden" or "over quota" stops a run.
import { BackupError, headlineOf } from '../core/errors.js'
import type { AccountFacts } from '../onefichier/account.js'
import { OneFichierError } from '../onefichier/errors.js'
import type { Session } from '../session/session.js'

const ACCOUNT_INFO_EVERY_MS = 5 * 60_000
const ACCOUNT_INFO_PER_IP_MS = 60_000
/** A subscription that ends this soon is mentioned. */
const SUBSCRIPTION_NOTICE_DAYS = 14
const DAY_MS = 24 * 3600_000

/**
 * Asks (or recalls) the account's state; throws when uploads cannot succeed, else returns the
 * notices the log, the job summary and --json give (files that expire, a subscription that ends).
 */
export async function checkAccount(
  session: Pick<Session, 'client' | 'state' | 'log' | 'signal'>,
  now = Date.now(),
): Promise<string[]> {
  const { client, state, log, signal } = session
  const known = state ? await state.accountInfo() : {}
  let facts: AccountFacts | undefined
  if (known.checkedAt !== undefined && now - known.checkedAt < ACCOUNT_INFO_EVERY_MS) {
    facts = known.facts
    log.debug(`Account: 1fichier's answer of ${Math.round((now - known.checkedAt) / 1000)} s ago is reused`)
  } else if (known.anyCalledAt !== undefined && now - known.anyCalledAt < ACCOUNT_INFO_PER_IP_MS) {
    facts = known.facts
    log.debug('Account: user/info.cgi was called less than a minute ago from here; not asked again')
  } else {
    try {
      facts = await client.accountInfo()
    } catch (error) {
      signal?.throwIfAborted()
      // A refused key or an account that is not a customer fails every call: said now, once.
      if (error instanceof OneFichierError && (error.kind === 'auth' || error.kind === 'account')) throw error
      // Advice only: the calls that matter say it again if the key or the account is at fault.
      log.info(
        `Asking 1fichier about the account (user/info.cgi) failed: ${headlineOf(error)}; the backup ` +
          `goes on without it`,
      )
    }
    await state?.rememberAccountInfo(now, facts)
  }
  return facts ? judgeAccount(facts, new Date(now)) : []
}

/** Throws for an account that cannot take the upload; returns the notices for one that can. */
export function judgeAccount(facts: AccountFacts, now: Date): string[] {
  const nothingDone = 'Nothing was zipped, uploaded or deleted.'
  if (facts.uploadForbidden)
    throw new BackupError(
      `1fichier forbids uploads on this account (user/info.cgi: upload_forbidden), which it does when the account is ` +
        `over its storage quota or its subscription has ended: free space (1fichier-backup prune applies retention) ` +
        `or renew the subscription on 1fichier.com, then run again. ${nothingDone}`,
    )
  if (facts.overQuota)
    throw new BackupError(
      `The 1fichier account is over its storage quota (user/info.cgi: overquota${usage(facts)}): delete files ` +
        `(1fichier-backup prune applies retention) or raise the quota on 1fichier.com, then run again. ${nothingDone}`,
    )
  const notices: string[] = []
  if (facts.offer === 0)
    notices.push(
      'This is a free 1fichier account: 1fichier deletes its files 30 days after their last download, so ' +
        'retention is not the only thing that deletes these backups. Download (1fichier-backup check) the ones to ' +
        'keep within 30 days, or use a Premium account.',
    )
  else if (facts.offer === 2)
    notices.push(
      'This is an Access 1fichier account: by an older offers table, 1fichier deletes its files 30 days after their ' +
        'last download, so retention may not be the only thing that deletes these backups. Download (1fichier-backup ' +
        'check) the ones to keep within 30 days, or use a Premium account.',
    )
  const end = subscriptionEnd(facts)
  if (end !== undefined && facts.offer !== 0) {
    const days = Math.floor((end.getTime() - now.getTime()) / DAY_MS)
    const day = facts.subscriptionEnd!.slice(0, 10)
    if (days < 0)
      notices.push(`The 1fichier subscription ended on ${day}: renew it, or uploads and downloads may stop.`)
    else if (days <= SUBSCRIPTION_NOTICE_DAYS)
      notices.push(
        `The 1fichier subscription ends on ${day} (in ${days} day${days === 1 ? '' : 's'}): renew it before then, or ` +
          `uploads and downloads may stop.`,
      )
  }
  return notices
}

function usage(facts: AccountFacts): string {
  const { coldStorage, allowedColdStorage } = facts
  return coldStorage !== undefined && allowedColdStorage !== undefined
    ? `, ${coldStorage} of ${allowedColdStorage} used`
    : ''
}

/** The subscription's end as a time (Paris time read as UTC: a day's precision is all it needs). */
function subscriptionEnd(facts: AccountFacts): Date | undefined {
  if (!facts.subscriptionEnd) return undefined
  const time = Date.parse(
    `${facts.subscriptionEnd.replace(' ', 'T')}${facts.subscriptionEnd.length > 10 ? '' : 'T00:00:00'}Z`,
  )
  return Number.isNaN(time) ? undefined : new Date(time)
}
