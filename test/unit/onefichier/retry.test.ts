// The one retry rule: how many tries, which failures are tried again, and the hooks every caller
// (the API calls, the upload, mkdir, the download) hangs its own policy on.
import { describe, expect, it } from 'vitest'
import { OneFichierError } from '../../../src/onefichier/errors.js'
import { retry } from '../../../src/onefichier/retry.js'

const failing = (...errors: Error[]) => {
  const tries: number[] = []
  const attempt = async (n: number) => {
    tries.push(n)
    if (n <= errors.length) throw errors[n - 1]
    return `done on try ${n}`
  }
  return { tries, attempt }
}
const glitch = () => new OneFichierError('retryable', 'file/ls.cgi', 'HTTP 502')

describe('retry', () => {
  it('tries a retryable failure again, with beforeRetry between tries, until it succeeds', async () => {
    const { tries, attempt } = failing(glitch(), new OneFichierError('flood', 'file/ls.cgi', 'flood detected'))
    const between: number[] = []
    expect(await retry(attempt, { attempts: 5, beforeRetry: (_e, n) => void between.push(n) })).toBe('done on try 3')
    expect(tries).toEqual([1, 2, 3])
    expect(between).toEqual([1, 2])
  })

  it('stops after the attempts given, saying how many there were', async () => {
    const { tries, attempt } = failing(glitch(), glitch(), glitch(), glitch())
    await expect(retry(attempt, { attempts: 3 })).rejects.toThrow(/HTTP 502 \(after 3 attempts\)/)
    expect(tries).toEqual([1, 2, 3])
  })

  it('a final failure is thrown at once; an error of another kind is never retried nor settled', async () => {
    const fatal = failing(new OneFichierError('auth', 'folder/ls.cgi', 'bad key'))
    await expect(retry(fatal.attempt, { attempts: 5 })).rejects.toThrow(/bad key/)
    expect(fatal.tries).toEqual([1])

    const bug = failing(new TypeError('a bug'))
    let settled = 0
    const settle = async () => {
      settled++
      return undefined
    }
    await expect(retry(bug.attempt, { attempts: 5, settle })).rejects.toThrow(TypeError)
    expect(settled).toBe(0)
  })

  it('settle ends the call with what it found, even after the last try (the body had landed)', async () => {
    const { tries, attempt } = failing(glitch(), glitch())
    const found = await retry(attempt, {
      attempts: 2,
      settle: async (_error, n) => (n === 2 ? 'found in the folder' : undefined),
    })
    expect(found).toBe('found in the folder')
    expect(tries).toEqual([1, 2])
  })

  it("the caller widens what is retried and words the last failure (the download's refused token)", async () => {
    const token = new OneFichierError('token', 'download', 'token refused')
    const { tries, attempt } = failing(token, token)
    await expect(
      retry(attempt, {
        attempts: 2,
        retryable: (error) => error.kind === 'token',
        giveUp: (error, n) => new Error(`gave up on '${error.detail}' after ${n}`),
      }),
    ).rejects.toThrow("gave up on 'token refused' after 2")
    expect(tries).toEqual([1, 2])
  })

  it('a cancelled run is not tried again', async () => {
    const controller = new AbortController()
    const { tries, attempt } = failing(glitch(), glitch())
    controller.abort(new Error('cancelled by SIGTERM'))
    await expect(retry(attempt, { attempts: 5, signal: controller.signal })).rejects.toThrow('cancelled by SIGTERM')
    expect(tries).toEqual([1])
  })
})
