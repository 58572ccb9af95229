// Starts the stand-in on its own (for the e2e workflow job, or by hand):
//   node test/stand-in/main.ts [--port 8443] [--key KEY] [--env-file FILE]
// Prints the API URL; with --env-file, appends STANDIN_API_URL, STANDIN_API_KEY and
// NODE_EXTRA_CA_CERTS lines (e.g. $GITHUB_ENV). Runs until SIGINT/SIGTERM.
import { appendFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { CA_CERT_PATH, StandIn } from './server.ts'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, key: { type: 'string' }, 'env-file': { type: 'string' } },
})
const standIn = await new StandIn({ port: Number(values.port) }).start()
const key = values.key ?? randomBytes(16).toString('hex')
standIn.addAccount(key)
console.log(`1fichier stand-in at ${standIn.apiUrl} (CA: ${CA_CERT_PATH})`)
if (values['env-file']) {
  appendFileSync(
    values['env-file'],
    `STANDIN_API_URL=${standIn.apiUrl}\nSTANDIN_API_KEY=${key}\nNODE_EXTRA_CA_CERTS=${CA_CERT_PATH}\n`,
  )
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void standIn.stop().then(() => process.exit(0)))
}
