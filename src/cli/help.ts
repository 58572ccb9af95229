// What --help prints: the whole story without a command, one command's part with one
// (`1fichier-backup list --help`). Every flag here is in the table of command-line.ts.
import type { Command } from './command-line.js'

const USAGE = `Usage: 1fichier-backup [backup] --path PATH [--path PATH...] [options]
       1fichier-backup list|restore|check|prune [--folder F] [--name-prefix P] [options]
       1fichier-backup COMMAND --help

Zips PATHs, uploads the zip to your 1fichier account, verifies it, and deletes older backups of
the same series by the retention rules. The same engine as the GitHub Action. Options may come
before or after the command word.
`

const SECRETS = `The API key (never a command-line argument):
  ONEFICHIER_API_KEY=...          environment variable, or
  --key-file FILE                 a file holding the key (e.g. mode 0600)
  ONEFICHIER_API_KEY_FILE=FILE    the same as --key-file (systemd credentials, container secrets)
  ONEFICHIER_LINK_PASSWORD=...    optional download password for the uploaded file
  ONEFICHIER_ARCHIVE_PASSWORD=... optional: encrypt the zip's contents with AES-256 (12+ characters;
                                  7-Zip, WinZip, pyzipper open it; entry names stay readable)
  ONEFICHIER_LINK_PASSWORD_FILE, ONEFICHIER_ARCHIVE_PASSWORD_FILE: the same, from a file
                                  Secrets are used exactly as given (a file's last line ending is
                                  dropped); white space around a password is refused.
`

const BACKUP = `What to back up:
  --path PATH                     file, directory or glob; repeat for more; !PATTERN excludes
  --include-hidden-files          include dot files and directories
  --follow-symlinks               store link targets' content (inside the current directory only)
  --if-no-files-found MODE        error (default), warn or ignore
  --compression-level N           0 (store) to 9; default 6

Where and how it is named (every command):
  --folder PATH                   destination folder, e.g. backups/host (created when missing)
  --name-prefix NAME              series name (default: the current directory's name)
  --label TEXT                    optional suffix, e.g. a version
                                  files are named NAME-YYYYMMDDTHHMMSSZ[-LABEL].zip (UTC)

Retention (restic semantics; only when one is set; also for list and prune):
  --keep-last N, --keep-hourly N, --keep-daily N, --keep-weekly N, --keep-monthly N, --keep-yearly N
  --keep-within DURATION          e.g. 36h, 30d, 8w, 6m, 1y (measured back from the newest backup)
  --keep-within-hourly D, --keep-within-daily D, --keep-within-weekly D, --keep-within-monthly D,
  --keep-within-yearly D          within D, the newest backup of every hour/day/week/month/year
                                  a count may also be 'unlimited' (restic's -1)
  --dry-run                       zip and print the plan; upload nothing, delete nothing

Skipping:
  --skip-unchanged                upload nothing when the files (names, modes, contents) are the same
                                  as in the newest backup of the series; retention still runs
  --on-upload-failure fail        the only choice here: on a failed upload the zip is dropped and the
                                  exit code is 1 ("artifact" needs a GitHub Actions job)
`

const COMMON = `Network (every command):
  --retries N                     attempts per request (default 5)
  --stall-timeout-seconds N       abort a transfer with no progress for N s (default 300)
  --api-url URL                   another API address (default https://api.1fichier.com/v1);
                                  HTTPS_PROXY and NO_PROXY are honoured

Output (every command):
  --json                          print the result as one JSON document on stdout (also on failure)
  --verbose                       print every request (never the key)
  --quiet, -q                     print only warnings, errors and the final line
  --log-file FILE                 also append every line to FILE, with its time (--quiet or not;
                                  secrets redacted as everywhere)
                                  Into a file or a pipe (cron, systemd), each line starts with its
                                  ISO 8601 UTC time; the log goes to stderr when stdout holds the
                                  result.
  --help, -h, --version

Exit codes: (as restic's where they overlap)
  0    done (or nothing to back up with --if-no-files-found warn|ignore)
  1    failed (a backup that fails deletes nothing), or check found a damaged backup
  2    bad arguments, no key, prune without a keep-* rule, restore into a folder that is not
       empty without an overwrite mode, or a Node.js older than 24
  3    done, but with something to see to: old backups that could not be deleted (tried again
       next run)
  10   no backup found: the series' folder does not exist, or it holds no backup (the one asked for)
  11   another backup or prune of the same series is running (its lock, in the state folder,
       names it; a lock left by a dead process is taken over)
  12   the archive password is missing or does not open the backup
  130  cancelled by SIGINT (Ctrl+C), 143 by SIGTERM (or Ctrl+Break on Windows)

State: the time of each folder's last listing (1fichier allows one per folder per 30 s, across
runs), the account's last user/info.cgi answer and the series locks are kept in
ONEFICHIER_BACKUP_STATE_DIR, else RUNNER_TEMP on a runner, else the user's cache folder
(~/.cache/1fichier-backup). Nothing secret is kept there.
`

const SERIES = `The series: --folder F and --name-prefix P, as the backups were made (P defaults to the
current directory's name, as for backup).
`

const REPOSITORY: Record<Exclude<Command, 'backup'>, string> = {
  list: `  list    [--keep-... N] [--json]
          the series, newest first: name, time (UTC, from the name), size, link; with keep-* rules,
          which rule keeps each
`,
  restore: `  restore [--backup latest|FILE-NAME] --to DIR [--cdn]
          [--overwrite always|if-changed|if-newer|never] [--delete] [--dry-run]
          [--include PATTERN...] [--exclude PATTERN...] [--keep-special-bits]
          downloads the backup, checks its size and Whirlpool, plans the whole zip (refused as a whole
          if any entry would land outside DIR, through a link, or on another entry), checks every
          entry, and writes contents, modes, modification times, links (last) and folders through a
          staging folder inside DIR that is undone on any failure or signal. DIR must be empty or new
          unless --overwrite says what happens to files already there (always; if-changed: unless the
          same size and time; if-newer: if the backup's is newer; never). Files the backup lacks are
          kept, unless --delete (inside the restored paths only). --dry-run lists what would be
          created, replaced and deleted. --include/--exclude restore part (restic's patterns: a
          leading / anchors at the root). Setuid, setgid and sticky bits are dropped unless
          --keep-special-bits. AES zips need ONEFICHIER_ARCHIVE_PASSWORD
`,
  check: `  check   [--backup latest|all|FILE-NAME] [--cdn]
          downloads, verifies size and Whirlpool, runs restore's plan and reads every entry; extracts
          nothing; with all, reports every backup; exit 1 when any is damaged
`,
  prune: `  prune   --keep-... N [--dry-run]
          retention alone, no upload (restic's forget), with the same plan and safety as after a backup
`,
}

const DOWNLOADS = `  --cdn spends CDN credit on the download: 1fichier refuses API downloads from datacenter addresses
  (a GitHub-hosted runner is one) without it. ONEFICHIER_LINK_PASSWORD opens backups that have a
  download password.
`

/** --help: everything without a command, that command's part with one. */
export function helpFor(command: Command | undefined): string {
  const repository = (commands: Array<Exclude<Command, 'backup'>>) =>
    `Commands that read the series back (the same key, folder and name prefix as backups):\n\n${SERIES}\n` +
    `${commands.map((c) => REPOSITORY[c]).join('')}\n` +
    (commands.some((c) => c === 'restore' || c === 'check') ? DOWNLOADS : '')
  if (command === undefined)
    return [USAGE, SECRETS, BACKUP, COMMON, repository(['list', 'restore', 'check', 'prune'])].join('\n')
  if (command === 'backup') return [USAGE, SECRETS, BACKUP, COMMON].join('\n')
  return [`Usage: 1fichier-backup ${command} [options]\n`, repository([command]), SECRETS, COMMON].join('\n')
}
