// Where the run keeps what must outlive it: the last listing of each folder (1fichier's 30-second
// rule holds across processes), the account's last answer to user/info.cgi (1 call per 5 minutes),
// the last upload rate, and the series locks. Nothing secret goes there.
import * as os from 'node:os'
import * as path from 'node:path'

export interface StateDirectory {
  path: string
  /** The setting that chose it, named when it cannot be used. */
  setting: string
}

/**
 * ONEFICHIER_BACKUP_STATE_DIR when set; RUNNER_TEMP on a GitHub runner; else the user's cache folder
 * (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows).
 */
export function stateDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): StateDirectory {
  if (env.ONEFICHIER_BACKUP_STATE_DIR)
    return { path: path.resolve(env.ONEFICHIER_BACKUP_STATE_DIR), setting: 'ONEFICHIER_BACKUP_STATE_DIR' }
  if (env.RUNNER_TEMP) return { path: path.join(env.RUNNER_TEMP, '1fichier-backup-state'), setting: 'RUNNER_TEMP' }
  if (platform === 'win32' && env.LOCALAPPDATA)
    return { path: path.join(env.LOCALAPPDATA, '1fichier-backup'), setting: 'LOCALAPPDATA' }
  if (platform === 'darwin') return { path: path.join(home, 'Library', 'Caches', '1fichier-backup'), setting: 'HOME' }
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME))
    return { path: path.join(env.XDG_CACHE_HOME, '1fichier-backup'), setting: 'XDG_CACHE_HOME' }
  return { path: path.join(home, '.cache', '1fichier-backup'), setting: 'HOME' }
}
