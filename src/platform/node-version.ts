// The first thing either entry runs, before anything that needs Node 24 is loaded (undici 8 and
// @actions/core 3 fail on an older Node with a TypeError that says nothing useful): one line that
// names the version needed and where to get it, exit code 2. It imports nothing.

const REQUIRED_NODE_MAJOR = 24

/** The line to print when `version` (process.versions.node) is too old; null when it will do. */
function nodeVersionProblem(version: string, program: string): string | null {
  const major = Number(version.split('.')[0])
  if (Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR) return null
  return (
    `${program} needs Node.js ${REQUIRED_NODE_MAJOR} or newer, and this is Node.js ${version}: install Node.js ` +
    `${REQUIRED_NODE_MAJOR} from https://nodejs.org/en/download (or a version manager: nvm install ` +
    `${REQUIRED_NODE_MAJOR}).`
  )
}

/** Exits with code 2 and that line when this Node is too old. */
export function requireNode(program: string): void {
  const problem = nodeVersionProblem(process.versions.node, program)
  if (!problem) return
  process.stderr.write(`error: ${problem}\n`)
  process.exit(2)
}
