// user/info.cgi's answer, read leniently: rclone declares its fields as strings, the swagger as
// numbers, and a field may be missing. Only what the run acts on is kept.
import { toNumber } from './types.js'

/** The account's answer to user/info.cgi, as much of it as the run uses. */
export interface AccountFacts {
  /** 0 none (free), 1 Premium, 2 Access, 3 Premium GOLD. */
  offer?: number
  uploadForbidden?: boolean
  overQuota?: boolean
  /** 'YYYY-MM-DD HH:MM:SS', Paris time, as the API gives it. */
  subscriptionEnd?: string
  coldStorage?: number
  allowedColdStorage?: number
}

export function accountFacts(answer: Record<string, unknown>): AccountFacts {
  const facts: AccountFacts = {}
  const offer = toNumber(answer.offer)
  if (offer !== undefined && Number.isInteger(offer)) facts.offer = offer
  const forbidden = flag(answer.upload_forbidden)
  if (forbidden !== undefined) facts.uploadForbidden = forbidden
  const over = flag(answer.overquota)
  if (over !== undefined) facts.overQuota = over
  const end = answer.subscription_end
  if (typeof end === 'string' && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(end)) facts.subscriptionEnd = end
  const cold = toNumber(answer.cold_storage)
  if (cold !== undefined) facts.coldStorage = cold
  const allowed = toNumber(answer.allowed_cold_storage)
  if (allowed !== undefined) facts.allowedColdStorage = allowed
  return facts
}

/** 1, "1", true: set; 0, "0", false: not set; anything else: unknown. */
function flag(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === '1') return true
  if (value === false || value === 0 || value === '0') return false
  return undefined
}
