export const id = 330;
export const ids = [330];
export const modules = {

/***/ 3997:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CR: () => (/* binding */ buildResult),
/* harmony export */   Dy: () => (/* binding */ RunEvents),
/* harmony export */   KT: () => (/* binding */ named),
/* harmony export */   Lc: () => (/* binding */ NOTHING_DONE),
/* harmony export */   uN: () => (/* binding */ outputValues),
/* harmony export */   vk: () => (/* binding */ describeProgress),
/* harmony export */   yM: () => (/* binding */ recordEvent)
/* harmony export */ });
const NOTHING_DONE = {
    stage: 'start',
    stagesMs: {},
    zip: { fileCount: 0, missing: [], size: 0 },
    comparison: '',
    notices: [],
    deleted: [],
};
/** The progress after one more event; the progress given is not changed. */
function recordEvent(progress, event) {
    switch (event.kind) {
        case 'stage':
            return { ...progress, stage: event.stage };
        case 'stage-timed':
            return { ...progress, stagesMs: { ...progress.stagesMs, [event.stage]: event.ms } };
        case 'zipped':
            return { ...progress, zip: { fileCount: event.fileCount, missing: event.missing, size: event.size } };
        case 'compared':
            return { ...progress, comparison: event.sentence };
        case 'notice':
            return { ...progress, notices: [...progress.notices, event.text] };
        case 'verified':
            return { ...progress, verifiedUrl: event.url };
        case 'deleted':
            return { ...progress, deleted: [...progress.deleted, event.fileName] };
        case 'artifact':
            return { ...progress, artifact: event.artifact };
        case 'done':
            return { ...progress, stage: 'done' };
    }
}
/** The run's result from what it did (its folded events) and how it ended. */
function buildResult(identity, progress, outcome, durationMs) {
    const facts = {
        fileName: identity.fileName,
        namePrefix: identity.config.namePrefix,
        fileCount: progress.zip.fileCount,
        folderPath: identity.config.folder.join('/'),
        encrypted: identity.config.archivePassword !== '',
        missing: progress.zip.missing,
        comparison: progress.comparison,
        notices: progress.notices,
        durationMs,
        stagesMs: progress.stagesMs,
    };
    switch (outcome.status) {
        case 'no-files':
            return { ...facts, status: 'no-files', url: '', folderId: null, retention: null };
        case 'dry-run':
            return { ...facts, ...outcome.digests, size: progress.zip.size, status: 'dry-run', url: '', ...outcome.plan };
        case 'unchanged': {
            const { fileName, url, size, sha256, whirlpool } = outcome.existing;
            const { folderId, retention } = outcome;
            return { ...facts, fileName, url, size, sha256, whirlpool, folderId, retention, status: 'unchanged' };
        }
        case 'uploaded': {
            const { size, url, sha256, whirlpool, folderId, retention } = outcome;
            return { ...facts, size, url, sha256, whirlpool, folderId, retention, status: 'uploaded' };
        }
    }
}
/**
 * The run's side of its events: each one is folded into the run's own progress and handed to the
 * shell's listener. `stage` times a stage as the events 'stage' and 'stage-timed'.
 */
class RunEvents {
    listener;
    folded = NOTHING_DONE;
    constructor(listener) {
        this.listener = listener;
    }
    get progress() {
        return this.folded;
    }
    emit(event) {
        this.folded = recordEvent(this.folded, event);
        this.listener?.(event);
    }
    async stage(stage, body) {
        this.emit({ kind: 'stage', stage });
        const start = performance.now();
        try {
            return await body();
        }
        finally {
            this.emit({ kind: 'stage-timed', stage, ms: Math.round(performance.now() - start) });
        }
    }
}
/** What a run that stopped early leaves behind, in one sentence for the log. */
function describeProgress(progress) {
    const backup = progress.verifiedUrl
        ? `The new backup was uploaded and verified: ${progress.verifiedUrl}.`
        : progress.stage === 'upload' || progress.stage === 'verify'
            ? 'The new backup was not verified; if the upload had finished, an unverified copy may be in the folder.'
            : 'No backup was uploaded.';
    const deleted = progress.deleted.length > 0
        ? `1fichier confirmed ${progress.deleted.length} deletions before the stop (${progress.deleted.join(', ')}); ` +
            `no other backup was deleted.`
        : progress.stage === 'prune'
            ? 'No deletion was confirmed before the stop (one in flight may still take effect); no other backup was ' +
                'deleted.'
            : 'Nothing was deleted.';
    return `Stopped during ${progress.stage}. ${backup} ${deleted} The temporary zip was removed.`;
}
/** The zip's size and checksums, or none (0 and empty) when no files were found. */
function zipOf(result) {
    return result.status === 'no-files' ? { size: 0, sha256: '', whirlpool: '' } : result;
}
/** A backup as the outputs name it. */
const named = (b) => ({ 'file-name': b.fileName, url: b.url });
/**
 * The values both shells hand back, typed: the action writes them as step outputs (strings), the
 * CLI's --json as they are.
 */
function outputValues(result) {
    const retention = result.retention;
    return {
        url: result.url,
        'file-name': result.status === 'no-files' ? '' : result.fileName,
        size: zipOf(result).size,
        sha256: zipOf(result).sha256,
        whirlpool: zipOf(result).whirlpool,
        'file-count': result.fileCount,
        'folder-id': result.folderId,
        pruned: (retention?.pruned ?? []).map(named),
        'pruned-count': retention?.pruned.length ?? 0,
        'kept-count': retention?.plan ? retention.plan.keep.length + retention.notPruned.length : null,
        unchanged: result.status === 'unchanged',
    };
}


/***/ }),

/***/ 9330:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/config.js
var core_config = __webpack_require__(6641);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
;// CONCATENATED MODULE: ./lib/core/failure.js
// The one failure policy: what a failed run says and the exit code it ends with, for the backup
// action, the restore sub-action and every command of the CLI. Crontabs and scripts rely on the codes.


/** Exit codes a crontab can rely on (the action's step fails on any but 0). */
const EXIT = {
    ok: 0,
    failed: 1,
    usage: 2,
    /** The backup is safe, but retention could not do all it planned (restic uses 3 too). */
    retentionIncomplete: 3,
    /** The series or the backup asked for does not exist (restic: 10, no repository). */
    noBackup: 10,
    /** Another run of the same series holds its lock (restic exits 11 when it cannot lock). */
    locked: 11,
    /** The archive password is missing or wrong (restic: 12). */
    wrongPassword: 12,
    /** 128 + SIGINT's number; SIGTERM gives 143. */
    cancelled: 130,
    terminated: 143,
};
/** Bad arguments or inputs, found before any request: exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}
function describeFailure(error, context = {}) {
    if (context.cancelled)
        return failure([context.cancelled.line], context.cancelled.exitCode);
    const describeInput = context.describeInput ?? ((problem) => problem.message);
    if (error instanceof core_config/* InvalidInputs */.hS)
        return failure(error.problems.map(describeInput), EXIT.usage);
    if (error instanceof core_config/* InputError */.dz)
        return failure([describeInput(error)], EXIT.usage);
    if (error instanceof UsageError)
        return failure([error.message], EXIT.usage);
    if (error instanceof errors/* SeriesLockedError */.u6)
        return failure([error.message], EXIT.locked);
    if (error instanceof errors/* NoBackupFoundError */.o_)
        return failure([error.message], EXIT.noBackup);
    if (error instanceof errors/* ArchivePasswordError */.Ye)
        return failure([error.message], EXIT.wrongPassword);
    if (error instanceof errors/* BackupError */.hj)
        return failure([error.message], EXIT.failed);
    return { ...failure([`Unexpected failure: ${(0,errors/* messageOf */.bD)(error)}`], EXIT.failed), unexpected: true };
}
function failure(lines, exitCode) {
    return { lines, exitCode, unexpected: false, summary: lines.join(' ') };
}

// EXTERNAL MODULE: ./lib/core/format.js
var format = __webpack_require__(5888);
;// CONCATENATED MODULE: ./lib/core/redact.js
// The one redaction step: every text that reaches a log line, an error, an output or the summary,
// in the action and in the CLI, passes through it. Server messages and library errors may carry
// a secret back (an echoed Authorization header, a URL with a password in it); this takes the API
// key and both passwords out, in the forms a server or a library writes them.
/** What a secret is replaced with. */
const REDACTED = '***';
/** Shorter values are refused as secrets anyway; redacting 1-3 characters would garble every line. */
const MIN_SECRET_LENGTH = 4;
/** The spellings of one secret that a text may hold: as is, URL-encoded (%20 or +), JSON-escaped. */
function secretForms(secret) {
    const forms = new Set([secret]);
    const trimmed = secret.trim();
    if (trimmed !== '')
        forms.add(trimmed);
    for (const value of [...forms]) {
        forms.add(encodeURIComponent(value));
        forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
        forms.add(encodeURI(value));
        forms.add(JSON.stringify(value).slice(1, -1));
    }
    return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}
class Redactor {
    needles = [];
    constructor(secrets = []) {
        for (const secret of secrets)
            this.add(secret);
    }
    /** Adds a secret (and its encoded forms); empty or very short values are ignored. */
    add(secret) {
        const forms = secretForms(secret).filter((form) => !this.needles.includes(form));
        // Longest first, so a form that contains another is replaced whole.
        this.needles = [...this.needles, ...forms].sort((a, b) => b.length - a.length);
    }
    /** Every form the redactor takes out, for the runner's masks. */
    get forms() {
        return this.needles;
    }
    redact(text) {
        let result = text;
        for (const needle of this.needles)
            if (result.includes(needle))
                result = result.split(needle).join(REDACTED);
        return result;
    }
}

;// CONCATENATED MODULE: ./lib/core/version.js
// Written by `npm run build` from package.json's version and repository: the one place each is set.
const VERSION = '0.1.0';
/** Where the action is published: `uses: 1fichier-backup/1fichier-backup-action@v1`. */
const REPOSITORY = '1fichier-backup/1fichier-backup-action';

// EXTERNAL MODULE: ./lib/platform/log.js
var platform_log = __webpack_require__(1673);
;// CONCATENATED MODULE: ./lib/platform/signals.js


/** Exit codes as Unix tools use them: 128 + the signal's number. */
function exitCodeFor(signal) {
    return signal === 'SIGTERM' || signal === 'SIGBREAK' ? EXIT.terminated : EXIT.cancelled;
}
/** The signals that cancel a run: Windows never sends SIGTERM; its Ctrl+Break is SIGBREAK. */
function cancelSignals(platform = process.platform) {
    return platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM'];
}
/**
 * The runner cancels with SIGINT, then SIGTERM 7.5 s later. The first signal aborts what is under
 * way (no deletion starts after it); cleanup runs in the run's `finally`.
 */
function watchCancellation(log) {
    const controller = new AbortController();
    let received;
    const onSignal = (signal) => {
        if (controller.signal.aborted)
            return;
        received = signal;
        log.warning(`Received ${signal}: stopping; nothing will be deleted`);
        controller.abort(new Error(`cancelled by ${signal}`));
    };
    for (const signal of cancelSignals())
        process.on(signal, onSignal);
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        dispose() {
            for (const signal of cancelSignals())
                process.off(signal, onSignal);
        },
    };
}
/**
 * Tests only: ONEFICHIER_BACKUP_TEST_TIME_SCALE=0.01 makes every wait (pacing, flood pause) 100x
 * shorter. Honoured only for a loopback api-url, so it can never be used to hammer the real service.
 */
function timeScaleFromEnv(apiUrl) {
    const raw = process.env.ONEFICHIER_BACKUP_TEST_TIME_SCALE;
    const value = raw === undefined ? NaN : Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1)
        return 1;
    let host;
    try {
        host = new URL(apiUrl).hostname;
    }
    catch {
        return 1;
    }
    return (0,core_config/* isLoopbackHost */.cW)(host) ? value : 1;
}

// EXTERNAL MODULE: ./lib/backup/result.js
var backup_result = __webpack_require__(3997);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/leven/index.js
var leven = __webpack_require__(7785);
;// CONCATENATED MODULE: ./lib/cli/command-line.js
// The command line, parsed: one table of flags for every command, the command word before or after
// the options, the secrets from the environment or files (never from an argument). Pure but for
// reading the secret files; unit-tested in test/unit/cli/command-line.test.ts.






const COMMANDS = ['backup', 'list', 'restore', 'check', 'prune'];
const EVERY = COMMANDS;
const KEEP_FLAGS = [...core_config/* KEEP_COUNT_INPUTS */.U5, ...core_config/* KEEP_WITHIN_INPUTS */.Ys.map(([input]) => input)];
/** Every flag of every command. A backup input is the flag of the same name (the secrets excepted). */
const FLAGS = {
    // The series and the connection: every command.
    folder: { commands: EVERY },
    'name-prefix': { commands: EVERY },
    'api-url': { commands: EVERY },
    retries: { commands: EVERY },
    'stall-timeout-seconds': { commands: EVERY },
    'key-file': { commands: EVERY },
    json: { switch: true, commands: EVERY },
    verbose: { switch: true, commands: EVERY },
    quiet: { switch: true, short: 'q', commands: EVERY },
    'log-file': { commands: EVERY },
    help: { switch: true, short: 'h', commands: EVERY },
    version: { switch: true, commands: EVERY },
    // What to back up, and how.
    path: { multiple: true, commands: ['backup'] },
    label: { commands: ['backup'] },
    'compression-level': { commands: ['backup'] },
    'include-hidden-files': { switch: true, commands: ['backup'] },
    'follow-symlinks': { switch: true, commands: ['backup'] },
    'if-no-files-found': { commands: ['backup'] },
    'skip-unchanged': { switch: true, commands: ['backup'] },
    'on-upload-failure': { commands: ['backup'] },
    // Retention: after a backup, as prune alone, and as list's "kept by".
    ...Object.fromEntries(KEEP_FLAGS.map((flag) => [flag, { commands: ['backup', 'list', 'prune'] }])),
    'dry-run': { switch: true, commands: ['backup', 'prune', 'restore'] },
    // The way back.
    backup: { commands: ['restore', 'check'] },
    cdn: { switch: true, commands: ['restore', 'check'] },
    to: { commands: ['restore'] },
    overwrite: { commands: ['restore'] },
    delete: { switch: true, commands: ['restore'] },
    include: { multiple: true, commands: ['restore'] },
    exclude: { multiple: true, commands: ['restore'] },
    'keep-special-bits': { switch: true, commands: ['restore'] },
};
/** Where each secret comes from, to say so when one is given as a flag or is missing. */
const SECRET_SOURCES = {
    'api-key': 'The API key (ONEFICHIER_API_KEY, ONEFICHIER_API_KEY_FILE or --key-file)',
    'link-password': 'ONEFICHIER_LINK_PASSWORD',
    'archive-password': 'ONEFICHIER_ARCHIVE_PASSWORD',
};
/** True when the switch was given (bare or =true). */
function isOn(line, name) {
    return line.values[name] === 'true';
}
/** The backup inputs the flags give (paths as lines), as the action reads its inputs. */
function backupInputs(line) {
    const inputs = {};
    for (const name of core_config/* INPUT_NAMES */.Qh) {
        const value = line.values[name];
        if (value !== undefined)
            inputs[name] = Array.isArray(value) ? value.join('\n') : value;
    }
    return inputs;
}
function parseCommandLine(argv) {
    const options = {};
    for (const [name, flag] of Object.entries(FLAGS))
        options[name] = { type: 'string', multiple: flag.multiple === true };
    // The secrets are parsed so that they can be refused by name, never taken.
    for (const name of core_config/* SECRET_INPUTS */.pH)
        options[name] = { type: 'string' };
    refuseUnknownFlags(argv);
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: argv.map(bareSwitchAsTrue), options, strict: true, allowPositionals: true });
    }
    catch (error) {
        throw new UsageError(describeParseError(error));
    }
    const command = commandOf(parsed.positionals);
    const values = {};
    for (const [name, value] of Object.entries(parsed.values))
        if (value !== undefined)
            values[name] = value;
    for (const name of core_config/* SECRET_INPUTS */.pH)
        if (name in values)
            throw new UsageError(secretFlagRefusal(name));
    for (const name of Object.keys(values)) {
        const flag = FLAGS[name];
        if (flag === undefined)
            continue;
        if (!flag.commands.includes(command))
            throw new UsageError(`--${name} does not apply to '${command}'. See 1fichier-backup ${command} --help.`);
        if (flag.switch && !/^(true|false)$/i.test(String(values[name])))
            throw new UsageError(`--${name} is a switch: give it bare, or as --${name}=true or --${name}=false.`);
        if (flag.switch)
            values[name] = String(values[name]).toLowerCase();
    }
    checkCommandRules(command, values);
    return { command, values };
}
/** `--json` as `--json=true`, `-q` as `--quiet=true`: one idiom, a switch with an optional value. */
function bareSwitchAsTrue(arg) {
    const name = arg.startsWith('--')
        ? arg.slice(2)
        : Object.keys(FLAGS).find((n) => FLAGS[n]?.short !== undefined && arg === `-${FLAGS[n].short}`);
    return name !== undefined && FLAGS[name]?.switch ? `--${name}=true` : arg;
}
/** An unknown --flag named, with the closest known one; the value that follows it is never shown. */
function refuseUnknownFlags(argv) {
    const known = [...Object.keys(FLAGS), ...core_config/* SECRET_INPUTS */.pH];
    for (const arg of argv) {
        if (arg === '--')
            return;
        if (!arg.startsWith('--'))
            continue;
        const name = arg.slice(2).split('=')[0] ?? '';
        if (known.includes(name))
            continue;
        const near = (0,leven/* closestMatch */.h)(name, known, { maxDistance: name.length < 5 ? 1 : 2 });
        throw new UsageError(`Unknown option '--${name}'.${near ? ` Did you mean --${near}?` : ''} See --help.`);
    }
}
/** The command word, wherever it stands; `backup` when there is none, so older command lines work. */
function commandOf(positionals) {
    const [first, ...rest] = positionals;
    if (first === undefined)
        return 'backup';
    if (rest.length === 0 && COMMANDS.includes(first))
        return first;
    // Not echoed: it may be the key, pasted where no flag takes it, and the line goes to a log file.
    const stray = positionals.find((p) => !COMMANDS.includes(p)) ?? first;
    const near = (0,leven/* closestMatch */.h)(stray, COMMANDS, { maxDistance: 2 });
    throw new UsageError('Unexpected argument (not shown, in case it is a secret)' +
        (near && stray.length <= 10 ? `; did you mean the command '${near}'?` : '') +
        ': every value follows its --flag, and the key comes from ONEFICHIER_API_KEY or --key-file. See --help.');
}
function checkCommandRules(command, values) {
    if (command === 'backup' && String(values['on-upload-failure'] ?? '').trim() === 'artifact')
        throw new UsageError("--on-upload-failure artifact works only inside a GitHub Actions job (it uses the run's artifact storage); " +
            'from the command line the only choice is fail.');
    if (command === 'restore' && values.to === undefined && values.help === undefined)
        throw new UsageError("'restore' needs --to DIR: the folder to restore into.");
    if (values.delete === 'true' && values.overwrite === undefined)
        throw new UsageError('--delete goes with --overwrite MODE: say what happens to files already there.');
}
function secretFlagRefusal(name) {
    if (name === 'api-key')
        return ('--api-key is not accepted: a key on the command line is visible to every user of the machine. Set ' +
            'ONEFICHIER_API_KEY or use --key-file.');
    return `--${name} is not accepted on the command line: set ${SECRET_SOURCES[name]} instead.`;
}
/**
 * parseArgs' refusal in words, with --help. Its messages name the flag, never the value that
 * follows it; a stray argument never reaches it (commandOf refuses it without echoing it).
 */
function describeParseError(error) {
    return `${(0,errors/* messageOf */.bD)(error).replace(/\. To specify an option argument starting with.*$/s, '')}. See --help.`;
}
/** The three secrets, each from its `*_FILE` variable (the key also from --key-file) or its variable. */
function readSecrets(env, keyFile) {
    const fromEnv = (name) => {
        const file = env[`${name}_FILE`];
        return file ? readSecretFile(file, `${name}_FILE`) : (env[name] ?? '');
    };
    return {
        'api-key': typeof keyFile === 'string' ? readSecretFile(keyFile, '--key-file') : fromEnv('ONEFICHIER_API_KEY'),
        'link-password': fromEnv('ONEFICHIER_LINK_PASSWORD'),
        'archive-password': fromEnv('ONEFICHIER_ARCHIVE_PASSWORD'),
    };
}
/**
 * A secret handed over as a file (systemd credentials, container secrets): its content exactly,
 * less one final line ending. The path is not echoed: a key pasted where the path belongs would be.
 */
function readSecretFile(file, where) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new UsageError(`cannot read the file named by ${where} (${code}); give the path of a file that holds the secret (the value ` +
            `itself is not shown here, in case it is the secret)`);
    }
    return text.replace(/\r?\n$/, '');
}

;// CONCATENATED MODULE: ./lib/cli/help.js
const USAGE = `Usage: 1fichier-backup [backup] --path PATH [--path PATH...] [options]
       1fichier-backup list|restore|check|prune [--folder F] [--name-prefix P] [options]
       1fichier-backup COMMAND --help

Zips PATHs, uploads the zip to your 1fichier account, verifies it, and deletes older backups of
the same series by the retention rules. The same engine as the GitHub Action. Options may come
before or after the command word.
`;
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
`;
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
`;
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
`;
const SERIES = `The series: --folder F and --name-prefix P, as the backups were made (P defaults to the
current directory's name, as for backup).
`;
const help_REPOSITORY = {
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
};
const DOWNLOADS = `  --cdn spends CDN credit on the download: 1fichier refuses API downloads from datacenter addresses
  (a GitHub-hosted runner is one) without it. ONEFICHIER_LINK_PASSWORD opens backups that have a
  download password.
`;
/** --help: everything without a command, that command's part with one. */
function helpFor(command) {
    const repository = (commands) => `Commands that read the series back (the same key, folder and name prefix as backups):\n\n${SERIES}\n` +
        `${commands.map((c) => help_REPOSITORY[c]).join('')}\n` +
        (commands.some((c) => c === 'restore' || c === 'check') ? DOWNLOADS : '');
    if (command === undefined)
        return [USAGE, SECRETS, BACKUP, COMMON, repository(['list', 'restore', 'check', 'prune'])].join('\n');
    if (command === 'backup')
        return [USAGE, SECRETS, BACKUP, COMMON].join('\n');
    return [`Usage: 1fichier-backup ${command} [options]\n`, repository([command]), SECRETS, COMMON].join('\n');
}

;// CONCATENATED MODULE: ./lib/cli/log.js
// The CLI's log: plain lines, timestamped where they go to a file or a pipe.

// ECMA-48: carriage return, then erase the whole line.
const CLEAR_LINE = '\r\x1b[2K';
/**
 * Plain lines. Into a file or a pipe (cron, systemd's journal), each starts with an ISO 8601 UTC
 * time; in a terminal, none, and progress is one line updated in place. --quiet keeps warnings,
 * errors and the final line only.
 */
class CliLog {
    verbose;
    out;
    err;
    quiet;
    file;
    /** The stream that shows a progress line now, to be cleared before anything else is written. */
    statusOn = null;
    constructor(verbose, out = process.stdout, err = process.stderr, quiet = false, 
    /** --log-file's descriptor: every line appended with its time, --quiet or not (the lines come redacted). */
    file) {
        this.verbose = verbose;
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.file = file;
    }
    line(stream, text) {
        this.toFile(text);
        if (!stream)
            return;
        this.clearStatus();
        stream.write(stream.isTTY ? `${text}\n` : `${new Date().toISOString()} ${text}\n`);
    }
    toFile(text) {
        if (this.file !== undefined)
            (0,external_node_fs_.writeSync)(this.file, `${new Date().toISOString()} ${text}\n`);
    }
    clearStatus() {
        this.statusOn?.write(CLEAR_LINE);
        this.statusOn = null;
    }
    info(message) {
        this.line(this.quiet ? null : this.out, message);
    }
    /** In a terminal, replaces the previous progress line; elsewhere, an info line. */
    status(message) {
        // Quiet, or not a terminal: a plain line (or only the log file's), as info() writes it.
        if (this.quiet || !this.out.isTTY) {
            this.info(message);
            return;
        }
        this.toFile(message);
        // Cut to the terminal's width: a wrapped line could not be replaced.
        const width = this.out.columns > 1 ? this.out.columns - 1 : 79;
        this.out.write(`${CLEAR_LINE}${message.slice(0, width)}`);
        this.statusOn = this.out;
    }
    /** The run's last line: printed even with --quiet. */
    final(message) {
        this.line(this.out, message);
    }
    warning(message) {
        this.line(this.err, `warning: ${message}`);
    }
    error(message) {
        this.line(this.err, `error: ${message}`);
    }
    debug(message) {
        if (this.verbose)
            this.line(this.err, `debug: ${message}`);
    }
    get debugEnabled() {
        return this.verbose;
    }
    async group(name, body) {
        this.info(`== ${name}`);
        return body();
    }
}

;// CONCATENATED MODULE: ./lib/cli/output.js
// What the CLI prints at the end of a backup: --json's one document, with typed values.

/** --json: the outputs with their real types (numbers, booleans, lists); a dry run adds the planned deletions. */
function jsonResult(result) {
    const retention = result.retention;
    return {
        status: result.status,
        ...(0,backup_result/* outputValues */.uN)(result),
        encrypted: result.encrypted,
        'not-pruned': (retention?.notPruned ?? []).map((n) => ({ ...(0,backup_result/* named */.KT)(n.backup), reason: n.reason })),
        ...(result.status === 'dry-run'
            ? { 'planned-deletions': (retention?.plan?.remove ?? []).map((d) => (0,backup_result/* named */.KT)(d.backup)) }
            : {}),
        'retention-skipped': retention?.skipped ?? null,
        'missing-files': result.missing.map((m) => ({ name: m.name, reason: m.reason })),
        'account-warnings': result.notices,
        'duration-ms': result.durationMs,
    };
}
function retentionIncomplete(result) {
    const retention = result.retention;
    return retention !== null && (retention.plan === null || retention.notPruned.length > 0);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(3581);
;// CONCATENATED MODULE: ./lib/restore/raw-name.js
// A zip's names need not be UTF-8 (a Linux file name is bytes), so restore carries them as bytes:
// as one-byte strings, a character per byte (latin1), because 100,000 strings weigh 50 MB less than
// 100,000 Buffers and compare, split and key a Map as strings do.
/** The name's bytes, for the file system (which takes a Buffer path as the bytes it holds). */
const bytesOf = (name) => Buffer.from(name, 'latin1');
/** The name's text, decoded as UTF-8 (as the file system shows it). */
const textOf = (name) => bytesOf(name).toString('utf8');

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
// EXTERNAL MODULE: ./lib/zip/inflate.js
var inflate = __webpack_require__(2404);
// EXTERNAL MODULE: ./lib/zip/aes.js
var zip_aes = __webpack_require__(5880);
// EXTERNAL MODULE: ./lib/zip/format.js
var zip_format = __webpack_require__(9480);
;// CONCATENATED MODULE: ./lib/restore/zip-reader.js
// Reads a zip back, through yauzl (a well-kept reader) and its public API. Opening reads the whole
// central directory and checks the zip's structure before any data is read: the end record's count
// against the directory's size, every local header against its central record, no two entries
// sharing or overlapping their bytes, every method one this tool reads (naming a tool that reads the
// others). Then each entry's data comes out checked against its CRC-32 and size, or for AES entries
// (WinZip AE-1/AE-2, 128 to 256 bits) against the password check and the authentication code: small
// entries whole (contentSync), the others as streams.










/** Methods other tools write, named so that the refusal can say which tool reads them. */
const METHOD_NAMES = {
    1: 'Shrink',
    6: 'Implode',
    9: 'Deflate64',
    12: 'bzip2',
    14: 'LZMA',
    93: 'Zstandard',
    95: 'XZ',
    98: 'PPMd',
};
/**
 * One entry of the zip, as a restore needs it: only this is kept of yauzl's entry, in flat fields
 * (100,000 entries with a nested object each weigh 25 MB more). An entry whose name and mode the
 * plan keeps as they are is also its own node in the plan (plan.ts's PlannedNode): 100,000 files
 * then need no second object each.
 */
class ArchiveEntry {
    name;
    displayName;
    kind;
    mode;
    size;
    mtime;
    aesKeyBytes;
    compressedSize;
    crc32;
    method;
    aesVersion;
    aesMethod;
    /** Its place in the nodes of the plan that holds it (set by the plan). */
    index = -1;
    /** The first byte after the local header (set once the structure is checked). */
    dataStart = -1;
    constructor(
    /** The name's bytes (the Unicode path field's when it has one), `/`-separated, without a trailing `/`. */
    name, 
    /** For messages: decoded, control characters escaped (the same string as `name` for a plain ASCII name). */
    displayName, kind, 
    /** Unix permission bits (with setuid, setgid, sticky), when the zip has them. */
    mode, size, 
    /**
     * Seconds since the epoch, from the extended timestamp (or NTFS time), else the DOS time; null when
     * the zip's is not a time. A number, not a Date: 100,000 Dates weigh 9 MB.
     */
    mtime, 
    /** AES entries: the key length (16, 24, 32 bytes). */
    aesKeyBytes, compressedSize, 
    /** Signed (`| 0`): compare as `>>> 0`. */
    crc32, 
    /** 0 (stored), 8 (deflated) or 99 (AES, whose field names the method inside). */
    method, 
    /** AES entries: AE-1 or AE-2; 0 for the others. */
    aesVersion, 
    /** AES entries: the method inside the encryption. */
    aesMethod) {
        this.name = name;
        this.displayName = displayName;
        this.kind = kind;
        this.mode = mode;
        this.size = size;
        this.mtime = mtime;
        this.aesKeyBytes = aesKeyBytes;
        this.compressedSize = compressedSize;
        this.crc32 = crc32;
        this.method = method;
        this.aesVersion = aesVersion;
        this.aesMethod = aesMethod;
    }
    // As its own plan node: the path is the name, the entry is itself.
    get path() {
        return this.name;
    }
    get entry() {
        return this;
    }
    get display() {
        return this.displayName;
    }
}
/** The read-ahead window through which yauzl reads the central directory and the local headers. */
const WINDOW_BYTES = 1024 * 1024;
/** A zip that must not be restored: the message names the entry and the rule. */
class UnsafeArchiveError extends errors/* BackupError */.hj {
    name = 'UnsafeArchiveError';
}
/** A zip whose data does not match its own checksums (or a wrong archive password). */
class CorruptArchiveError extends errors/* BackupError */.hj {
    name = 'CorruptArchiveError';
}
/** A zip this tool does not read (a method or an encryption of other tools); the message names one that does. */
class UnsupportedArchiveError extends errors/* BackupError */.hj {
    name = 'UnsupportedArchiveError';
}
const refused = (what) => `${what}. The zip is refused as a whole and nothing was written.`;
class OpenArchive {
    reader;
    entries;
    inflater = new inflate/* WholeInflater */.b();
    constructor(reader, entries) {
        this.reader = reader;
        this.entries = entries;
    }
    /** Opens `file`, reads the whole central directory and checks the zip's structure. */
    static async open(file) {
        const reader = new WindowedReader((0,external_node_fs_.openSync)(file, 'r'));
        try {
            let zip;
            try {
                zip = await new Promise((resolve, reject) => yauzl.fromRandomAccessReader(reader, reader.size, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (error, z) => (error ? reject(error) : resolve(z))));
            }
            catch (error) {
                throw new CorruptArchiveError(`The backup is not a readable zip (${error.message}).`);
            }
            try {
                const end = readEndRecord(reader);
                // Sized once (growing by copies leaves MBs of garbage at 100,000 entries): the end record's count,
                // but no more records than the file has room for, whatever the end record claims.
                const expected = Math.min(zip.entryCount, Math.floor(reader.size / zip_format/* CENTRAL_HEADER_LENGTH */.tb));
                const entries = new Array(expected);
                const spans = new Spans(expected);
                let read = 0;
                let directoryBytes = 0;
                // Each record is checked as it is read and only its description kept: yauzl's entries weigh.
                await forEachCentralRecord(zip, (raw, next) => {
                    const entry = describe(raw);
                    checkMethod(entry, raw);
                    directoryBytes += zip_format/* CENTRAL_HEADER_LENGTH */.tb + raw.fileNameLength + raw.extraFieldLength + raw.fileCommentLength;
                    zip.readLocalFileHeader(raw, {}, (error, local) => next(() => {
                        spans.add(raw.relativeOffsetOfLocalHeader, locateData(raw, entry, error, local, reader.size));
                        entries[read++] = entry;
                    }));
                });
                entries.length = read;
                if (end)
                    checkCount(end, entries.length, directoryBytes);
                spans.check(entries, end);
                return new OpenArchive(reader, entries);
            }
            finally {
                zip.close();
                // yauzl's listeners on the reader hold the zip and, through it, every entry it read.
                zip.removeAllListeners();
                reader.removeAllListeners();
            }
        }
        catch (error) {
            reader.release();
            throw error;
        }
    }
    close() {
        this.reader.release();
    }
    /**
     * A small unencrypted entry's whole content, read and inflated in one piece and checked (CRC-32 and
     * size) before it is returned; null for an entry that is read as a stream (large or AES). The
     * content is a view of a reused buffer (the read window, or the inflater's): use it before the next call.
     */
    contentSync(entry) {
        if (!readsWhole(entry))
            return null;
        const stored = this.reader.bytes(entry.dataStart, entry.compressedSize);
        const content = inflateChecked(stored, entry, this.inflater);
        if (!Buffer.isBuffer(content))
            throw zip_reader_problemError(entry.displayName, content);
        return content;
    }
    /**
     * The entry's content as it was zipped, checked as it streams: a CRC-32 (or, for AES, the
     * authentication code) that does not match makes the stream fail at its end.
     */
    content(entry, password) {
        const { displayName } = entry;
        const aes = entry.aesVersion !== 0;
        if (aes && (password === undefined || password === ''))
            throw encryptedWithoutPassword(entry);
        const stored = this.reader.stream(entry.dataStart, entry.compressedSize);
        const checks = [];
        if (aes)
            checks.push(new AesCheck(password, entry.aesKeyBytes, displayName));
        const method = aes ? entry.aesMethod : entry.method;
        if (method === zip_format/* METHOD_DEFLATED */.oT)
            checks.push((0,external_node_zlib_.createInflateRaw)());
        checks.push(new SizeCheck(entry.size, displayName));
        // AE-2 has no CRC-32 (its authentication code checks the data); AE-1 keeps it as well.
        if (!aes || entry.aesVersion === 1)
            checks.push(new CrcCheck(entry.crc32, displayName));
        return chain(displayName, stored, ...checks);
    }
}
/** Whether contentSync takes the entry (small and not encrypted); the others are read as streams. */
const readsWhole = (entry) => entry.aesVersion === 0 && (0,inflate/* inflatesWhole */.o)(entry.compressedSize, entry.size);
/**
 * A small unencrypted entry's stored bytes, inflated when deflated and checked against its size and
 * CRC-32: the content (a view of the inflater's reused buffer), or what is wrong with it.
 */
function inflateChecked(stored, entry, inflater) {
    let content;
    try {
        // No bytes at all is an empty entry whatever the method (as yauzl and unzip read it).
        content = entry.method === zip_format/* METHOD_STORED */.y$ || stored.length === 0 ? stored : inflater.inflate(stored, entry.size);
    }
    catch (error) {
        return { kind: 'damaged', detail: error.message };
    }
    if (content.length !== entry.size)
        return { kind: 'size' };
    if ((0,external_node_zlib_.crc32)(content) >>> 0 !== entry.crc32 >>> 0)
        return { kind: 'crc' };
    return content;
}
/** The problem as the entry's failure. */
function zip_reader_problemError(name, problem) {
    if (problem.kind === 'size')
        return wrongSize(name);
    if (problem.kind === 'crc')
        return wrongCrc(name);
    return damaged(name, new Error(problem.detail));
}
/**
 * Small entries of a zip checked by a thread that has not opened it (the archive worker's parent):
 * it gets where each entry's data is, reads through its own descriptor, and checks as contentSync does.
 */
class WholeEntryChecker {
    inflater = new inflate/* WholeInflater */.b();
    reader;
    constructor(file) {
        this.reader = new WindowedReader((0,external_node_fs_.openSync)(file, 'r'));
    }
    /** Null when the entry is sound. Only for entries that contentSync takes (inflatesWhole, not AES). */
    check(dataStart, compressedSize, entry) {
        if (!(0,inflate/* inflatesWhole */.o)(compressedSize, entry.size))
            throw new Error('internal: a streamed entry was sent to be checked whole');
        const content = inflateChecked(this.reader.bytes(dataStart, compressedSize), entry, this.inflater);
        return Buffer.isBuffer(content) ? null : content;
    }
    close() {
        this.reader.release();
    }
}
function encryptedWithoutPassword(entry) {
    return new errors/* ArchivePasswordError */.Ye(`'${entry.displayName}' is encrypted (archive-password): set ONEFICHIER_ARCHIVE_PASSWORD to restore it.`);
}
/** For streams on the archive's descriptor: a stream's end or destroy() must not close it (release() does). */
const SHARED_DESCRIPTOR = {
    open: external_node_fs_.open,
    read: external_node_fs_.read,
    close: (_fd, callback) => callback(null),
};
/**
 * The zip's one descriptor, read through a window: yauzl asks for the central directory and each
 * local header in pieces of a few bytes, which here cost a copy instead of a system call each.
 * yauzl's README lets a reader implement `read` itself; data streams come from `stream`.
 */
class WindowedReader extends yauzl.RandomAccessReader {
    fd;
    size;
    /** Two windows, most recent first: one on the central directory, one on the local headers it points to. */
    windows = [];
    released = false;
    constructor(fd) {
        super();
        this.fd = fd;
        this.size = (0,external_node_fs_.fstatSync)(fd).size;
    }
    /**
     * `length` bytes at `position` (at most WINDOW_BYTES): a view of a window, valid until the next
     * call. The two windows' memory is reused, so that 100,000 small entries make no garbage here.
     */
    bytes(position, length) {
        const window = this.windowFor(position, length);
        const from = position - window.start;
        return window.bytes.subarray(from, from + length);
    }
    /** The window that holds these bytes, filled if neither does; made the most recent. No allocation. */
    windowFor(position, length) {
        const [first, second] = this.windows;
        const holds = (w) => w && position >= w.start && position + length <= w.start + w.filled;
        if (holds(first))
            return first;
        if (holds(second)) {
            this.windows[0] = second;
            this.windows[1] = first;
            return second;
        }
        if (length > WINDOW_BYTES)
            throw new Error(`internal: a read of ${length} bytes is larger than a window`);
        // The least recent one is refilled (or a second one made), and becomes the most recent.
        const window = second ?? { start: 0, filled: 0, bytes: Buffer.allocUnsafe(WINDOW_BYTES) };
        this.fill(window, position, length);
        this.windows[1] = first ?? window;
        this.windows[0] = window;
        if (!first)
            this.windows.length = 1;
        return window;
    }
    fill(window, position, needed) {
        const want = Math.min(WINDOW_BYTES, this.size - position);
        if (want < needed)
            throw new CorruptArchiveError('The backup is cut short (a read past its end).');
        window.start = position;
        window.filled = 0;
        while (window.filled < want) {
            const read = (0,external_node_fs_.readSync)(this.fd, window.bytes, window.filled, want - window.filled, position + window.filled);
            if (read === 0)
                break;
            window.filled += read;
        }
        if (window.filled < needed)
            throw new CorruptArchiveError('The backup is cut short (a read past its end).');
    }
    /** The stored bytes of one entry, as a stream that does not close the shared descriptor. */
    stream(start, length) {
        if (length === 0) {
            const empty = new external_node_stream_.PassThrough();
            empty.end();
            return empty;
        }
        return (0,external_node_fs_.createReadStream)('', { fd: this.fd, start, end: start + length - 1, fs: SHARED_DESCRIPTOR });
    }
    read(buffer, offset, length, position, callback) {
        let failure = null;
        try {
            // Copied straight from the window: no view made per read (yauzl reads 4 times per entry).
            const window = this.windowFor(position, length);
            window.bytes.copy(buffer, offset, position - window.start, position - window.start + length);
        }
        catch (error) {
            failure = error;
        }
        // Never synchronously: yauzl reads the next entry from this callback, 100,000 deep otherwise.
        process.nextTick(callback, failure);
    }
    _readStreamForRange(start, end) {
        return this.stream(start, end - start);
    }
    close(callback) {
        // The descriptor is the archive's, closed by release(); yauzl's close only ends its own use.
        process.nextTick(callback, null);
    }
    release() {
        if (this.released)
            return;
        this.released = true;
        this.windows = [];
        (0,external_node_fs_.closeSync)(this.fd);
    }
}
/** The central directory's length in bytes, from the end record alone (0 when there is none). */
function centralDirectoryBytes(file) {
    const reader = new WindowedReader((0,external_node_fs_.openSync)(file, 'r'));
    try {
        return readEndRecord(reader)?.size ?? 0;
    }
    catch {
        return 0;
    }
    finally {
        reader.release();
    }
}
/**
 * Calls `visit` with each central record in turn; `visit` reads what it needs and calls `next` with
 * the step that ends its work (which may throw). Callbacks, not an async function per record: at
 * 100,000 records, the promises alone weighed 200 MB of garbage.
 */
async function forEachCentralRecord(zip, visit) {
    await new Promise((resolve, reject) => {
        const fail = (error) => reject((0,errors/* asError */.zR)(error));
        const next = (finish) => {
            try {
                finish();
            }
            catch (error) {
                fail(error);
                return;
            }
            zip.readEntry();
        };
        zip.on('entry', (raw) => {
            try {
                visit(raw, next);
            }
            catch (error) {
                fail(error);
            }
        });
        zip.on('end', resolve);
        zip.on('error', (error) => reject(new CorruptArchiveError(`The backup's central directory cannot be read (${error.message}).`)));
        zip.readEntry();
    });
}
/**
 * Where the central directory is and how long, from the end record (zip64's when it has one), read
 * through the archive's own reader (yauzl has just read the same tail: no second open).
 */
function readEndRecord(reader) {
    const length = Math.min(reader.size, zip_format/* END_LENGTH */.XI + 0xffff);
    const tail = reader.bytes(reader.size - length, length);
    const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (at < 0 || at + zip_format/* END_LENGTH */.XI > length)
        return null;
    let size = tail.readUInt32LE(at + 12);
    let offset = tail.readUInt32LE(at + 16);
    if ((size === 0xffffffff || offset === 0xffffffff || tail.readUInt16LE(at + 10) === 0xffff) && at >= 20) {
        if (tail.readUInt32LE(at - zip_format/* ZIP64_LOCATOR_LENGTH */.q2) !== zip_format/* ZIP64_LOCATOR_SIGNATURE */.k_)
            return { offset, size };
        const recordAt = Number(tail.readBigUInt64LE(at - 12));
        if (recordAt + 56 > reader.size)
            return null;
        const record = reader.bytes(recordAt, 56);
        if (record.readUInt32LE(0) !== zip_format/* ZIP64_END_SIGNATURE */.Z_)
            return null;
        size = Number(record.readBigUInt64LE(40));
        offset = Number(record.readBigUInt64LE(48));
    }
    return { offset, size };
}
/**
 * The bytes each entry spans in the file (from its local header to its data's end), in flat arrays:
 * no two may share or overlap, and none may run into the central directory.
 */
class Spans {
    starts;
    ends;
    count = 0;
    /** `expected`: the entries the end record counts (the arrays grow if there are more). */
    constructor(expected) {
        this.starts = new Float64Array(Math.max(16, expected));
        this.ends = new Float64Array(this.starts.length);
    }
    add(start, end) {
        if (this.count === this.starts.length) {
            this.starts = grown(this.starts);
            this.ends = grown(this.ends);
        }
        this.starts[this.count] = start;
        this.ends[this.count++] = end;
    }
    check(entries, end) {
        const { starts, ends } = this;
        const order = this.byStart();
        const at = (i) => (order ? order[i] : i);
        for (let i = 1; i < this.count; i++) {
            const [before, after] = [at(i - 1), at(i)];
            if (starts[after] < ends[before]) {
                const how = starts[after] === starts[before] ? 'share one local entry' : 'overlap';
                throw new UnsafeArchiveError(refused(`The backup's entries '${entries[before].displayName}' and '${entries[after].displayName}' ${how} ` +
                    `in the file (byte ${starts[after]})`));
            }
        }
        const last = this.count > 0 ? at(this.count - 1) : undefined;
        if (end && last !== undefined && ends[last] > end.offset) {
            throw new UnsafeArchiveError(refused(`The backup's entry '${entries[last].displayName}' runs into the central directory`));
        }
    }
    /** The entries' indexes by where they start; null when they are in that order already (as writers write them). */
    byStart() {
        const { starts } = this;
        let sorted = true;
        for (let i = 1; i < this.count && sorted; i++)
            sorted = starts[i - 1] <= starts[i];
        if (sorted)
            return null;
        return Array.from({ length: this.count }, (_, i) => i).sort((a, b) => starts[a] - starts[b]);
    }
}
function grown(values) {
    const more = new Float64Array(values.length * 2);
    more.set(values);
    return more;
}
/** The end record's count must account for the whole central directory: no entry hidden behind it. */
function checkCount(end, count, directoryBytes) {
    if (directoryBytes === end.size)
        return;
    throw new UnsafeArchiveError(refused(`The backup's end record counts ${count} entries, but its central directory is ${end.size} bytes ` +
        `long and those entries fill ${directoryBytes}: the zip holds entries its count hides`));
}
/**
 * The entry's local header must agree with its central record (name, method, encryption, CRC-32);
 * sets where its data starts and returns where its bytes end.
 */
function locateData(raw, entry, error, local, fileSize) {
    const name = entry.displayName;
    if (error)
        throw new CorruptArchiveError(`'${name}' has no readable local header (${error.message}).`);
    const disagree = !local.fileName.equals(raw.fileNameRaw)
        ? 'another name'
        : local.compressionMethod !== raw.compressionMethod
            ? 'another compression method'
            : (local.generalPurposeBitFlag & zip_format/* FLAG_ENCRYPTED */.uM) !== (raw.generalPurposeBitFlag & zip_format/* FLAG_ENCRYPTED */.uM)
                ? 'another encryption'
                : (raw.generalPurposeBitFlag & zip_format/* FLAG_DATA_DESCRIPTOR */.wR) === 0 && local.crc32 !== raw.crc32
                    ? 'another CRC-32'
                    : null;
    if (disagree) {
        throw new UnsafeArchiveError(refused(`The backup's entry '${name}' has a local header that gives ${disagree} than its central record`));
    }
    const end = local.fileDataStart + raw.compressedSize;
    if (end > fileSize)
        throw new CorruptArchiveError(`'${name}' runs past the end of the file: the backup is cut short.`);
    entry.dataStart = local.fileDataStart;
    return end;
}
/** The Info-ZIP Unicode path field's name, when its CRC says it belongs to this entry's name. */
function unicodePath(raw) {
    const field = raw.extraFields.find((f) => f.id === zip_format/* UNICODE_PATH_ID */.sm);
    if (!field || field.data.length < 6 || field.data[0] !== 1)
        return null;
    if (field.data.readUInt32LE(1) !== (0,external_node_zlib_.crc32)(raw.fileNameRaw) >>> 0)
        return null;
    return field.data.subarray(5);
}
/** For messages; a plain ASCII name's display is its raw string itself (no second copy). */
function displayOf(name, raw, flags) {
    if (isPlainAscii(name))
        return raw;
    const utf8 = (flags & zip_format/* FLAG_UTF8 */.Tq) !== 0 || !name.toString('utf8').includes('\uFFFD');
    return (0,format/* escapeControl */.hN)(name.toString(utf8 ? 'utf8' : 'latin1'));
}
function isPlainAscii(name) {
    for (const byte of name)
        if (byte < 0x20 || byte > 0x7e)
            return false;
    return true;
}
function describe(raw) {
    const unicode = unicodePath(raw);
    const name = unicode ?? raw.fileNameRaw;
    const system = raw.versionMadeBy >> 8;
    const unixMode = system === zip_format/* MADE_BY_UNIX */.ny || system === zip_format/* MADE_BY_OSX */.zZ ? (raw.externalFileAttributes >>> 16) & 0xffff : 0;
    const type = unixMode & zip_format/* S_IFMT */.NW;
    const slash = name[name.length - 1] === 0x2f;
    const isDir = type === zip_format/* S_IFDIR */.pJ || slash || (type === 0 && (raw.externalFileAttributes & zip_format/* DOS_DIRECTORY */.nR) !== 0);
    const kind = type === zip_format/* S_IFLNK */.Hq ? 'symlink' : isDir ? 'directory' : 'file';
    const trimmed = slash ? name.subarray(0, name.length - 1) : name;
    const rawName = trimmed.toString('latin1');
    const mtime = raw.getLastModDate();
    const aes = aesField(raw);
    return new ArchiveEntry(rawName, displayOf(trimmed, rawName, unicode ? zip_format/* FLAG_UTF8 */.Tq : raw.generalPurposeBitFlag), kind, unixMode ? unixMode & 0o7777 : null, raw.uncompressedSize, 
    // Whole seconds (the zip's times are), kept as small integers: 100,000 boxed numbers weigh 2 MB.
    Number.isNaN(mtime.getTime()) ? null : Math.floor(mtime.getTime() / 1000), aes ? (zip_aes/* AES_KEY_BYTES */.Cg[aes.strength] ?? null) : null, raw.compressedSize, 
    // Signed 32 bits for the same reason; compared as `>>> 0`.
    raw.crc32 | 0, raw.compressionMethod, aes ? aes.version : 0, aes ? aes.method : 0);
}
/** WinZip's AES field: AE-1 or AE-2, the key strength and the method inside the encryption. */
function aesField(raw) {
    if (raw.compressionMethod !== zip_aes/* AES_METHOD */.UZ)
        return null;
    const field = raw.extraFields.find((f) => f.id === zip_aes/* AES_EXTRA_ID */.Po);
    if (!field || field.data.length < 7)
        return null;
    return { version: field.data.readUInt16LE(0), strength: field.data[4], method: field.data.readUInt16LE(5) };
}
/** Methods and encryptions this tool does not read are refused by name, with a tool that reads them. */
function checkMethod(entry, raw) {
    const method = raw.compressionMethod;
    if (method === zip_aes/* AES_METHOD */.UZ) {
        const aes = aesField(raw);
        if (!aes || entry.aesKeyBytes === null || (aes.version !== 1 && aes.version !== 2)) {
            throw new UnsupportedArchiveError(refused(`The backup's entry '${entry.displayName}' is AES-encrypted with a field this tool does not know`));
        }
        if (aes.method !== zip_format/* METHOD_STORED */.y$ && aes.method !== zip_format/* METHOD_DEFLATED */.oT)
            return unsupportedMethod(entry, aes.method);
        const overhead = entry.aesKeyBytes / 2 + 2 + zip_aes/* AES_MAC_BYTES */.aQ;
        const storedSizeWrong = aes.method === zip_format/* METHOD_STORED */.y$ && raw.compressedSize - overhead !== raw.uncompressedSize;
        if (raw.compressedSize < overhead || storedSizeWrong) {
            throw new UnsafeArchiveError(refused(`The backup's entry '${entry.displayName}' is AES-encrypted, but its inner method (${aes.method}) ` +
                `and sizes (${raw.compressedSize} stored for ${raw.uncompressedSize}) disagree`));
        }
        return;
    }
    if ((raw.generalPurposeBitFlag & (zip_format/* FLAG_ENCRYPTED */.uM | zip_format/* FLAG_STRONG_ENCRYPTION */.Tf)) !== 0) {
        throw new UnsupportedArchiveError(refused(`The backup's entry '${entry.displayName}' uses ZipCrypto (PKWARE's traditional encryption), which this tool ` +
            `does not read: extract it with 7-Zip (7z x) or unzip`));
    }
    if (method !== zip_format/* METHOD_STORED */.y$ && method !== zip_format/* METHOD_DEFLATED */.oT)
        unsupportedMethod(entry, method);
    if (method === zip_format/* METHOD_STORED */.y$ && raw.compressedSize !== raw.uncompressedSize) {
        throw new UnsafeArchiveError(refused(`The backup's entry '${entry.displayName}' is stored uncompressed, but its sizes disagree ` +
            `(${raw.compressedSize} stored for ${raw.uncompressedSize})`));
    }
}
function unsupportedMethod(entry, method) {
    const name = METHOD_NAMES[method];
    const what = name ? `${name} compression (method ${method})` : `compression method ${method}`;
    throw new UnsupportedArchiveError(refused(`The backup's entry '${entry.displayName}' uses ${what}, which this tool does not read: ` +
        `extract it with 7-Zip (7z x)${method === 12 || method === 9 ? ' or unzip' : ''}`));
}
/**
 * Pipes `source` through `steps` and returns the last, to which any failure on the way is passed:
 * a bad deflate stream or a short entry is a damaged backup, never an unhandled error.
 */
function chain(name, source, ...steps) {
    const last = steps[steps.length - 1];
    const fail = (error) => {
        if (last.destroyed)
            return;
        source.destroy();
        last.destroy(damaged(name, error));
    };
    let from = source;
    for (const step of steps) {
        from.on('error', fail);
        from = from.pipe(step);
    }
    return last;
}
/** Passes the data through; fails at the end when its CRC-32 is not the entry's. */
class CrcCheck extends external_node_stream_.Transform {
    expected;
    name;
    crc = 0;
    constructor(expected, name) {
        super();
        this.expected = expected;
        this.name = name;
    }
    _transform(chunk, _encoding, callback) {
        this.crc = (0,external_node_zlib_.crc32)(chunk, this.crc);
        callback(null, chunk);
    }
    _flush(callback) {
        callback(this.crc >>> 0 === this.expected >>> 0 ? null : wrongCrc(this.name));
    }
}
/** The inflated size must be the one the central directory gives, and is never read past it. */
class SizeCheck extends external_node_stream_.Transform {
    expected;
    name;
    seen = 0;
    constructor(expected, name) {
        super();
        this.expected = expected;
        this.name = name;
    }
    _transform(chunk, _encoding, callback) {
        this.seen += chunk.length;
        if (this.seen > this.expected)
            callback(this.wrong());
        else
            callback(null, chunk);
    }
    _flush(callback) {
        callback(this.seen === this.expected ? null : this.wrong());
    }
    wrong() {
        return wrongSize(this.name);
    }
}
const wrongCrc = (name) => new CorruptArchiveError(`'${name}' fails its CRC-32 check: the backup is damaged.`);
const wrongSize = (name) => new CorruptArchiveError(`'${name}' does not inflate to its listed size: the backup is damaged.`);
const damaged = (name, error) => error instanceof CorruptArchiveError || error instanceof errors/* ArchivePasswordError */.Ye
    ? error
    : new CorruptArchiveError(`'${name}' cannot be read back (${error.message}): the backup is damaged.`);
/** WinZip AES: decrypted as it streams; a wrong password or authentication code fails it. */
class AesCheck extends external_node_stream_.Transform {
    name;
    reader;
    constructor(password, keyBytes, name) {
        super();
        this.name = name;
        this.reader = new zip_aes/* AesEntryReader */.v4(password, keyBytes);
    }
    _transform(chunk, _encoding, callback) {
        this.reader.read(chunk).then((plain) => callback(null, plain.length > 0 ? plain : undefined), (error) => callback(error instanceof zip_aes/* AesPasswordError */.zH
            ? new errors/* ArchivePasswordError */.Ye(`'${this.name}' does not open with this archive password (its password check differs): check ` +
                `ONEFICHIER_ARCHIVE_PASSWORD (archive-password).`)
            : error));
    }
    _flush(callback) {
        const problem = this.reader.finish();
        if (!problem) {
            callback();
            return;
        }
        callback(new CorruptArchiveError(problem === 'cut short'
            ? `'${this.name}' is cut short: the backup is damaged.`
            : `'${this.name}' fails its AES authentication code: the backup is damaged or was changed.`));
    }
}
/** Reads one entry to its end (checking it) without keeping the bytes. */
async function drainChecked(stream) {
    await (0,external_node_stream_promises_.pipeline)(stream, new external_node_stream_.Writable({
        write: (_chunk, _encoding, done) => done(),
    }));
}

;// CONCATENATED MODULE: ./lib/restore/plan.js
// The plan of a restore, made from the whole central directory before any byte is written (as tar
// and restic plan theirs): every name normalised and checked, and the zip refused as a whole, naming
// the entry and the rule, when one would land outside the target, two entries would be one path on
// the target's file system, an entry lies under a link or a file entry, or a name cannot exist on
// the target's OS. Pure: the target's traits (OS, case folding) come in as rules. `check` runs the
// same plan, so a backup that `check` passes is one that `restore` can write.




/** The first segment of the staging folder a restore keeps inside its target; no entry may take it. */
const STAGING_PREFIX = '.1fichier-restore.';
/** A node the plan made: only what the entry does not say is kept; the rest is read from the entry. */
class PlannedPath {
    path;
    kind;
    mode;
    entry;
    index = -1;
    constructor(path, kind, mode, entry) {
        this.path = path;
        this.kind = kind;
        this.mode = mode;
        this.entry = entry;
    }
    get display() {
        return this.entry !== null && this.path === this.entry.name ? this.entry.displayName : displayOfPath(this.path);
    }
    get mtime() {
        return this.entry?.mtime ?? null;
    }
    get size() {
        return this.kind === 'file' ? this.entry.size : 0;
    }
}
const refuse = (entry, why) => new UnsafeArchiveError(`The backup's entry '${entry}' ${why}. The zip is refused as a whole and nothing was written.`);
function planArchive(entries, rules) {
    const keyOf = keyFunction(rules);
    const byKey = new Map();
    for (const entry of entries) {
        const path = normalisedPath(entry, rules.platform);
        if (path === null)
            continue;
        const mode = entry.mode === null ? null : entry.mode & (rules.keepSpecialBits ? 0o7777 : 0o777);
        // The entry is its own node unless normalising or the mode rule changed something.
        const node = path === entry.name && mode === entry.mode ? entry : new PlannedPath(path, entry.kind, mode, entry);
        const key = keyOf(path);
        const same = byKey.get(key);
        if (same) {
            // The same folder twice is harmless (7-Zip and unzip take it); anything else is two writers of one path.
            if (same.kind === 'directory' && node.kind === 'directory')
                continue;
            throw refuse(entry.displayName, sameNameWhy(same, node));
        }
        byKey.set(key, node);
    }
    checkAncestors(byKey, keyOf);
    const chosen = rules.filter ? plan_select(byKey, keyOf, rules.filter) : byKey;
    // Folders first, shallowest first, so every parent exists before its content; the rest keep zip order.
    // Filled in place, not built by copies: at 100,000 nodes each copy is a MB of garbage.
    const nodes = new Array(chosen.size);
    let index = 0;
    const place = (node) => {
        node.index = index;
        nodes[index++] = node;
    };
    const folders = [];
    for (const node of chosen.values())
        if (node.kind === 'directory')
            folders.push(node);
    byDepth(folders).forEach(place);
    for (const node of chosen.values())
        if (node.kind !== 'directory')
            place(node);
    const plan = { nodes, keyOf, byKey: chosen, files: 0, directories: 0, links: 0, bytes: 0 };
    for (const node of nodes) {
        if (node.kind === 'file') {
            plan.files++;
            plan.bytes += node.size;
        }
        else if (node.kind === 'directory')
            plan.directories++;
        else
            plan.links++;
    }
    return plan;
}
function sameNameWhy(first, second) {
    if (first.path === second.path) {
        return first.kind === second.kind
            ? `appears twice (after './', '//' and a trailing '/' are read away): which one to restore is not clear`
            : `is both a ${kindWord(first.kind)} and a ${kindWord(second.kind)}`;
    }
    return (`and '${first.display}' would be one name on the target's file system (it does not tell case or Unicode ` +
        `forms apart)`);
}
const kindWord = (kind) => (kind === 'symlink' ? 'link' : kind === 'directory' ? 'folder' : 'file');
/** `nodes` sorted by depth, shallowest first (stable: the zip's order within a depth). */
function byDepth(nodes) {
    return nodes
        .map((node) => ({ node, depth: depthOf(node.path) }))
        .sort((a, b) => a.depth - b.depth)
        .map(({ node }) => node);
}
const depthOf = (path) => {
    let depth = 1;
    for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1))
        depth++;
    return depth;
};
/** A path made by the plan, for messages: decoded as UTF-8, control characters escaped. */
const displayOfPath = (path) => (0,format/* escapeControl */.hN)(textOf(path));
/** The entry's path with `.` and empty segments read away; null for the target folder itself. */
function normalisedPath(entry, platform) {
    const name = entry.name;
    if (name.includes('\0'))
        throw refuse(entry.displayName, 'has a NUL byte in its name');
    // A drive letter ('C:/', 'C:\\', 'C:') is absolute on Windows and never a name a backup meant; 'a:b' is a Linux name.
    if (name.startsWith('/') || /^[A-Za-z]:([/\\]|$)/.test(name) || (platform === 'win32' && name.startsWith('\\')))
        throw refuse(entry.displayName, 'is an absolute path');
    const all = name.split('/');
    const segments = all.filter((s) => s.length > 0 && s !== '.');
    if (segments.includes('..'))
        throw refuse(entry.displayName, "goes up with '..'");
    if (segments.length === 0) {
        if (entry.kind === 'directory')
            return null;
        throw refuse(entry.displayName, 'has an empty name');
    }
    if (segments[0].startsWith(STAGING_PREFIX))
        throw refuse(entry.displayName, `takes the name this tool reserves for its staging folder (${STAGING_PREFIX}*)`);
    if (platform === 'win32')
        for (const segment of segments)
            checkWindowsName(entry, textOf(segment));
    if (segments.length === all.length)
        return name;
    return segments.join('/');
}
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** What Windows cannot hold: refused there only (a backslash is a legal name on Linux and macOS). */
function checkWindowsName(entry, segment) {
    const bad = /[<>:"|?*\\\u0000-\u001f]/.exec(segment);
    if (bad) {
        throw refuse(entry.displayName, `has '${(0,format/* escapeControl */.hN)(bad[0])}' in its name, which Windows does not allow: restore it on Linux or macOS`);
    }
    if (WINDOWS_DEVICES.test(segment))
        throw refuse(entry.displayName, `is named '${segment}', a device name on Windows: restore it on Linux or macOS`);
    if (/[. ]$/.test(segment))
        throw refuse(entry.displayName, 'has a name ending in a dot or a space, which Windows drops: restore it elsewhere');
}
function keyFunction(rules) {
    // The path itself where names do not fold: no second string per entry.
    if (!rules.foldCase && !rules.foldUnicode)
        return (path) => path;
    return (path) => {
        let text = textOf(path);
        if (rules.foldUnicode)
            text = text.normalize('NFC');
        if (rules.foldCase)
            text = text.toLowerCase();
        return text;
    };
}
/** No entry under a link or a file entry; folders the zip implies are added (without mode or time). */
function checkAncestors(byKey, keyOf) {
    // Folders added on the way are visited too (a Map's iteration takes them): harmless, and no copy.
    for (const node of byKey.values()) {
        let end = node.path.indexOf('/');
        while (end >= 0) {
            const path = node.path.slice(0, end);
            const above = byKey.get(keyOf(path));
            if (above?.kind === 'symlink')
                throw refuse(node.display, `lies under '${above.display}', a link entry: it could land outside the target`);
            if (above?.kind === 'file')
                throw refuse(node.display, `lies under '${above.display}', a file entry: a file and a folder share a name`);
            if (!above) {
                byKey.set(keyOf(path), new PlannedPath(path, 'directory', null, null));
            }
            end = node.path.indexOf('/', end + 1);
        }
    }
}
/** The nodes the filter selects, with the folders above them. */
function plan_select(byKey, keyOf, filter) {
    const chosen = new Map();
    for (const [key, node] of byKey) {
        if (!filter.selects(textOf(node.path)))
            continue;
        chosen.set(key, node);
        let end = node.path.lastIndexOf('/');
        while (end > 0) {
            const above = keyOf(node.path.slice(0, end));
            if (chosen.has(above))
                break;
            chosen.set(above, byKey.get(above));
            end = node.path.lastIndexOf('/', end - 1);
        }
    }
    return chosen;
}
/**
 * restic's --include and --exclude for restore: a pattern with a leading `/` is anchored at the
 * backup's root, any other matches at any depth; a pattern that matches a folder takes all inside it.
 */
class PathFilter {
    include;
    exclude;
    constructor(include, exclude) {
        this.include = include.map(compile);
        this.exclude = exclude.map(compile);
    }
    get restrictsIncludes() {
        return this.include.length > 0;
    }
    /** Whether `path` (relative, `/`-separated) is restored, and so (with --delete) may be deleted. */
    selects(path) {
        const parts = path.split('/');
        const prefixes = parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
        const hit = (patterns) => patterns.some((m) => prefixes.some((p) => m.match(p)));
        return (this.include.length === 0 || hit(this.include)) && !hit(this.exclude);
    }
}
function compile(pattern) {
    const trimmed = pattern.replace(/\/+$/, '');
    const anchored = trimmed.startsWith('/') ? trimmed : `/**/${trimmed}`;
    return new esm/* Minimatch */.VR(anchored, { dot: true, nocomment: true, nonegate: true });
}

;// CONCATENATED MODULE: ./lib/restore/target.js
// The plan against what the target already holds, file by file, by restic's --overwrite modes: what
// is created, replaced, left as it is, and (only with --delete, inside the restored paths) deleted.
// Reads the target; changes nothing. A path the target holds as a link is never written through: it
// is replaced (or, with `never`, it and what the backup has under it are left alone).







const OVERWRITE_MODES = ['always', 'if-changed', 'if-newer', 'never'];
const ACTIONS = ['create', 'replace', 'merge', 'unchanged', 'kept', 'skipped'];
/** Whether the restore writes what has this action (it makes it new, or in place of what is there). */
const writes = (action) => action === 'create' || action === 'replace';
/** Each planned node's action, a byte by its index (a Map of 100,000 nodes would weigh 4 MB more). */
class Actions {
    plan;
    codes;
    constructor(plan) {
        this.plan = plan;
        this.codes = new Uint8Array(plan.nodes.length);
    }
    get(node) {
        const code = this.codes[this.indexOf(node)];
        return code === 0 ? undefined : ACTIONS[code - 1];
    }
    set(node, action) {
        this.codes[this.indexOf(node)] = ACTIONS.indexOf(action) + 1;
    }
    /** Whether the restore writes `node`. */
    writes(node) {
        return writes(this.get(node));
    }
    // An entry is its own node in every plan made of it, and the latest plan numbers it: a node of
    // another plan must not read this plan's action at its index.
    indexOf(node) {
        if (this.plan.nodes[node.index] !== node)
            throw new Error(`internal: '${node.display}' is not in this plan`);
        return node.index;
    }
}
/** Compares the plan with what `target` holds. `target` may be missing (then all is created). */
async function planAgainstTarget(plan, target, options) {
    const actions = new Actions(plan);
    const rootAction = 'merge';
    const parentAction = (node) => {
        const slash = node.path.lastIndexOf('/');
        if (slash < 0)
            return rootAction;
        return actions.get(plan.byKey.get(plan.keyOf(node.path.slice(0, slash)))) ?? 'create';
    };
    let bytesToWrite = 0;
    for (const node of plan.nodes) {
        const above = parentAction(node);
        let action;
        if (writes(above))
            action = 'create';
        else if (above !== 'merge')
            action = 'skipped';
        else
            action = decide(node, await lstatOrNull(joinRelative(target, node.path)), options);
        actions.set(node, action);
        if (writes(action) && node.kind === 'file')
            bytesToWrite += node.size;
    }
    const deletions = options.delete ? await findDeletions(plan, actions, target, options) : [];
    return { actions, deletions, bytesToWrite };
}
function decide(node, existing, options) {
    if (!existing)
        return 'create';
    const mode = options.overwrite;
    if (node.kind === 'directory') {
        if (existing.isDirectory())
            return 'merge';
        return mode === 'never' ? 'skipped' : 'replace';
    }
    if (existing.isDirectory()) {
        if (mode === 'never')
            return 'kept';
        if (options.delete)
            return 'replace';
        throw new errors/* BackupError */.hj(`'${node.display}' is a folder in the target but a ${node.kind === 'symlink' ? 'link' : 'file'} in the ` +
            `backup: it is not replaced, as that would delete what the folder holds. Move it away, add --delete, or ` +
            `restore into another folder. Nothing was written.`);
    }
    const sameType = node.kind === 'symlink' ? existing.isSymbolicLink() : existing.isFile();
    if (mode === 'never')
        return 'kept';
    if (!sameType || mode === 'always' || mode === null)
        return 'replace';
    const backupSeconds = node.mtime === null ? null : Math.floor(node.mtime);
    const targetSeconds = Math.floor(existing.mtimeMs / 1000);
    if (mode === 'if-newer')
        return backupSeconds !== null && backupSeconds > targetSeconds ? 'replace' : 'kept';
    // if-changed: restic's shortcut, a file of the same size and modification time is taken as the same.
    const same = backupSeconds === targetSeconds && (node.kind === 'symlink' || existing.size === node.size);
    return same && node.kind === 'file' ? 'unchanged' : 'replace';
}
/** With --delete: what the target holds inside the restored folders that the backup lacks. */
async function findDeletions(plan, actions, target, options) {
    const folders = [''];
    for (const node of plan.nodes)
        if (actions.get(node) === 'merge')
            folders.push(node.path);
    const deletions = [];
    for (const folder of folders) {
        const names = await (0,promises_.readdir)(joinRelative(target, folder), { encoding: 'buffer' }).catch(() => []);
        for (const bytes of names) {
            const name = bytes.toString('latin1');
            const relative = folder.length === 0 ? name : `${folder}/${name}`;
            if (folder.length === 0 && name.startsWith(STAGING_PREFIX))
                continue;
            if (plan.byKey.has(plan.keyOf(relative)))
                continue;
            const text = textOf(relative);
            if (!options.restored(text))
                continue;
            const stats = await lstatOrNull(joinRelative(target, relative));
            if (!stats)
                continue;
            deletions.push({
                path: relative,
                display: (0,format/* escapeControl */.hN)(text),
                kind: stats.isSymbolicLink()
                    ? 'symlink'
                    : stats.isDirectory()
                        ? 'directory'
                        : stats.isFile()
                            ? 'file'
                            : 'other',
            });
        }
    }
    return deletions;
}
/** The file system's path of `relative` under `root`, as bytes (the name's own, whatever their encoding). */
function joinRelative(root, relative) {
    if (relative.length === 0)
        return Buffer.from(root);
    const native = external_node_path_.sep === '/' ? bytesOf(relative) : Buffer.from(textOf(relative).replaceAll('/', external_node_path_.sep));
    return Buffer.concat([Buffer.from(root + external_node_path_.sep), native]);
}
async function lstatOrNull(file) {
    try {
        return await (0,promises_.lstat)(file);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return null;
        throw error;
    }
}
/** How the file system under `folder` compares names: probed with two files, removed at once. */
async function probeFolding(folder) {
    const probe = async (written, asked) => {
        const file = external_node_path_.join(folder, written);
        await (0,promises_.writeFile)(file, '', { flag: 'wx' });
        try {
            return (await lstatOrNull(Buffer.from(external_node_path_.join(folder, asked)))) !== null;
        }
        finally {
            await (0,promises_.unlink)(file);
        }
    };
    return {
        foldCase: await probe('probe-case-a', 'PROBE-CASE-A'),
        foldUnicode: await probe('probe-\u00e9', 'probe-e\u0301'),
    };
}
/** Removes a folder the restore made, if it is still empty (a failed restore into a new folder). */
async function removeIfEmpty(folder) {
    await (0,promises_.rmdir)(folder).catch(() => undefined);
}

// EXTERNAL MODULE: ./lib/series/retention.js
var retention = __webpack_require__(1899);
// EXTERNAL MODULE: ./lib/core/retention.js
var core_retention = __webpack_require__(1069);
// EXTERNAL MODULE: ./lib/session/session.js + 3 modules
var session_session = __webpack_require__(4421);
// EXTERNAL MODULE: ./lib/platform/digest.js
var digest = __webpack_require__(7307);
// EXTERNAL MODULE: ./lib/onefichier/errors.js
var onefichier_errors = __webpack_require__(7511);
// EXTERNAL MODULE: ./lib/onefichier/retry.js
var retry = __webpack_require__(5464);
;// CONCATENATED MODULE: ./lib/restore/download.js
// A backup brought down to a file: one token (get_token.cgi) reused for every resume while it lives
// (5 minutes), a new one only when it has expired or the node refuses it; a dropped connection
// resumed with Range; never more than the listed size written. Its Whirlpool is taken beside, by a
// child process that reads the file as it is written, and the file is handed on as soon as its size
// matches the listing: what lasts (a restore moved into its target) waits for the Whirlpool to match.
// Fed through this process, the Whirlpool held the download to its own speed (78 MB/s here, where
// curl writes 220 MB/s). A download whose size or Whirlpool is not the listing's is fetched again once,
// and the work on it done again; then it is refused.






/** Whole downloads tried when the bytes do not match the listing. */
const WHOLE_ATTEMPTS = 2;
/** A token URL lives 5 minutes (1fichier's API page); a little is kept for the request itself. */
const TOKEN_LIFE_MS = 4.5 * 60_000;
/**
 * Downloads the backup to `file` and runs `use` on it while its Whirlpool is compared; returns what
 * `use` returns once both are done. A download that does not match the listing is fetched again once
 * and `use` run again on the new one (its failure on bad bytes is the download's, not the backup's).
 */
async function useDownload(client, backup, file, options, use) {
    const { log } = options;
    const tokens = new TokenKeeper(client, backup, options);
    const checked = backup.whirlpool === '' ? 'size only' : 'size and Whirlpool';
    for (let whole = 1;; whole++) {
        const whirlpool = new WhirlpoolCheck(file, backup, options);
        let problem;
        try {
            const size = await fetchWhole(client, tokens, backup, file, options, whirlpool).catch((error) => {
                throw options.fileFailure?.(error) ?? error;
            });
            problem =
                backup.size >= 0 && size !== backup.size
                    ? `${(0,format/* formatBytes */.z3)(size)} arrived, the listing says ${(0,format/* formatBytes */.z3)(backup.size)}`
                    : null;
            if (problem === null) {
                log.info(`Downloaded ${backup.fileName} (${(0,format/* formatBytes */.z3)(size)}); ${checked === 'size only'
                    ? "its size matches 1fichier's (the listing gives no Whirlpool to compare)"
                    : "its size matches 1fichier's"}`);
                whirlpool.finish(size);
                try {
                    const result = await use({ file, checked, verified: () => whirlpool.verified() });
                    await whirlpool.verified();
                    return result;
                }
                catch (error) {
                    // Bytes that are not 1fichier's explain any failure on them; without that, the failure is the work's.
                    problem = options.signal?.aborted ? null : await whirlpool.problem();
                    if (problem === null)
                        throw error;
                }
            }
        }
        finally {
            whirlpool.cancel();
        }
        await (0,promises_.rm)(file, { force: true });
        if (whole >= WHOLE_ATTEMPTS) {
            throw new errors/* BackupError */.hj(`The download of ${backup.fileName} is corrupted (${problem}) after ${whole} tries; nothing was restored. ` +
                `Run again later.`);
        }
        log.warning(`The download of ${backup.fileName} is corrupted (${problem}); downloading it again with a new token`);
        tokens.discard();
    }
}
/** The backup into `file`, from its first byte; returns the file's size. */
async function fetchWhole(client, tokens, backup, file, options, progress) {
    await (0,promises_.rm)(file, { force: true });
    await fetchResuming(client, tokens, backup, file, options, progress);
    return (await (0,promises_.stat)(file)).size;
}
/**
 * The file's Whirlpool against the listing's: taken by a child process as the file is written, and
 * awaited where it is needed. A download that starts over is hashed from its start again.
 */
class WhirlpoolCheck {
    file;
    backup;
    options;
    abort = new AbortController();
    /** Aborted by the run's cancel or by cancel(). */
    signal;
    hashing = null;
    /** How far the hashing has been told the file is final. */
    told = 0;
    /** The mismatch, or null when it matched (or the listing gives no Whirlpool). */
    mismatch = Promise.resolve(null);
    constructor(file, backup, options) {
        this.file = file;
        this.backup = backup;
        this.options = options;
        this.signal = options.signal ? AbortSignal.any([options.signal, this.abort.signal]) : this.abort.signal;
        if (backup.whirlpool !== '')
            this.hashing = new digest/* GrowingFileWhirlpool */.a(file, this.signal);
    }
    starting(from) {
        if (!this.hashing || from >= this.told)
            return;
        // The file starts over: what was hashed is gone.
        this.hashing.cancel();
        this.hashing = new digest/* GrowingFileWhirlpool */.a(this.file, this.signal);
        this.told = 0;
    }
    stored(length) {
        this.hashing?.grown(length);
        this.told = Math.max(this.told, length);
    }
    /** The file is whole, `size` bytes long: its Whirlpool is compared as soon as it is taken. */
    finish(size) {
        if (!this.hashing)
            return;
        const { backup, options } = this;
        this.mismatch = this.hashing.digest(size).then((whirlpool) => {
            if (whirlpool !== backup.whirlpool)
                return `its Whirlpool ${whirlpool.slice(0, 16)}... is not 1fichier's ${backup.whirlpool.slice(0, 16)}...`;
            options.log.info(`${backup.fileName}: size and Whirlpool match 1fichier's`);
            return null;
        });
        // A failure surfaces where it is awaited; until then it must not be unhandled.
        this.mismatch.catch(() => undefined);
    }
    async verified() {
        const mismatch = await this.mismatch;
        if (mismatch !== null)
            throw new errors/* BackupError */.hj(`The download is corrupted (${mismatch}).`);
    }
    /** The mismatch once the hash is done; null when it matched or could not be taken. */
    problem() {
        return this.mismatch.catch(() => null);
    }
    cancel() {
        this.hashing?.cancel();
        this.abort.abort();
    }
}
async function fetchResuming(client, tokens, backup, file, options, progress) {
    // The bytes safely in the file: where a dropped connection resumes.
    let stored = 0;
    let offset = 0;
    // The token is asked for before each try, outside it: that call has its own retries and advice.
    let token = await tokens.get();
    await (0,retry/* retry */.L)(async () => {
        try {
            await client.download(token, offset, async ({ from, chunks }) => {
                stored = from;
                progress.starting(from);
                await writeBody(chunks, file, {
                    from,
                    size: backup.size,
                    onStored: (total) => {
                        stored = total;
                        progress.stored(total);
                    },
                });
            });
        }
        catch (error) {
            if (error instanceof onefichier_errors/* OneFichierError */.p7 && error.kind === 'fatal')
                throw nodeRefusal(error);
            throw error;
        }
    }, {
        attempts: options.retries,
        // A refused token is tried again too, with a new one.
        retryable: (error) => (0,onefichier_errors/* isRetryable */.r3)(error.kind) || error.kind === 'token',
        giveUp: (error) => error,
        beforeRetry: async (error, attempt) => {
            // A refused token, or a node error that may be the token's: the next try asks a new one.
            if (error.kind === 'token' || error.httpStatus !== undefined)
                tokens.discard();
            offset = stored;
            options.log.warning(`${error.detail}; ${offset > 0 ? `resuming from byte ${offset}` : 'trying again'} (attempt ${attempt + 1} ` +
                `of ${options.retries})`);
            token = await tokens.get();
        },
    });
}
/** Written in gathered writes of about this many bytes or chunks (a write per network chunk cost a trip each). */
const WRITE_BATCH_BYTES = 1 << 20;
const WRITE_BATCH_CHUNKS = 64;
/**
 * The body into `file` from byte `from` on (0: the file starts over), never past the listed `size`:
 * a node that sends more is refused there, and the next try starts over. `onStored` hears the
 * file's length after each write, so a dropped connection resumes where the file ends.
 */
async function writeBody(chunks, file, at) {
    const { size, onStored } = at;
    const out = await (0,promises_.open)(file, at.from === 0 ? 'w' : 'r+');
    try {
        // Written at explicit positions: a resume starts exactly where the stored bytes end.
        if (at.from > 0)
            await out.truncate(at.from);
        let total = at.from;
        let batch = [];
        let batchBytes = 0;
        const flush = async () => {
            if (batchBytes === 0)
                return;
            const written = batch;
            batch = [];
            await writeAll(out, written, batchBytes, total);
            total += batchBytes;
            batchBytes = 0;
            onStored(total);
        };
        // Set while a chunk is handled: an error outside it is the connection's.
        let handling = false;
        try {
            for await (const chunk of chunks) {
                handling = true;
                if (size >= 0 && total + batchBytes + chunk.length > size) {
                    onStored(0);
                    throw new onefichier_errors/* OneFichierError */.p7('retryable', 'download', `the download node sent more than the listed ${size} bytes; the download was stopped there`);
                }
                batch.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
                batchBytes += chunk.length;
                if (batchBytes >= WRITE_BATCH_BYTES || batch.length >= WRITE_BATCH_CHUNKS)
                    await flush();
                handling = false;
            }
        }
        catch (error) {
            // A dropped connection: what arrived before it is kept, and the next try resumes after it.
            if (!handling)
                await flush();
            throw error;
        }
        await flush();
    }
    finally {
        await out.close();
    }
}
/** Every byte of `buffers` written at `position`: a short write (a disk filling up) goes on until it fails. */
async function writeAll(out, buffers, length, position) {
    let { bytesWritten } = await out.writev(buffers, position);
    while (bytesWritten < length) {
        const rest = Buffer.concat(buffers).subarray(bytesWritten);
        bytesWritten += (await out.write(rest, 0, rest.length, position + bytesWritten)).bytesWritten;
    }
}
/** The download URL while it lives; a new one when it has expired or was refused. */
class TokenKeeper {
    client;
    backup;
    options;
    token = null;
    constructor(client, backup, options) {
        this.client = client;
        this.backup = backup;
        this.options = options;
    }
    async get() {
        const now = this.options.now ?? Date.now;
        if (this.token && now() - this.token.at < TOKEN_LIFE_MS)
            return this.token.url;
        const url = await this.ask();
        this.token = { url, at: now() };
        return url;
    }
    discard() {
        this.token = null;
    }
    /** 1fichier's refusals of downloads get their own advice. */
    async ask() {
        try {
            return await this.client.getDownloadToken(this.backup.url, {
                password: this.options.linkPassword,
                cdn: this.options.cdn,
            });
        }
        catch (error) {
            if (!(error instanceof onefichier_errors/* OneFichierError */.p7))
                throw error;
            throw nodeRefusal(error);
        }
    }
}
const DATACENTER_ADVICE = 'premium downloads through the API are refused from datacenter addresses, which a GitHub-hosted runner is, ' +
    "unless CDN credit is spent or the account is Premium GOLD. Use --cdn (the restore action's cdn: true) on an " +
    'account with CDN credit, or restore from another machine.';
/** A refusal of the download in words a user can act on; other errors as they are. */
function nodeRefusal(error) {
    const code = (0,onefichier_errors/* errorNumber */.mu)(error.detail);
    const text = error.detail.toLowerCase();
    if (code === 913 || /residential|professional services|cdn credit/.test(text))
        return new errors/* BackupError */.hj(`1fichier refused the download (${error.detail}): ${DATACENTER_ADVICE}`);
    if (code === 887)
        return new errors/* BackupError */.hj(`1fichier refused the download (${error.detail}): the account allows one location at a time, and the lock ` +
            `did not lift. Stop downloads from other places (or sign out elsewhere) and run again.`);
    if (code === 611 || /password/.test(text))
        return new errors/* BackupError */.hj(`1fichier refused the download (${error.detail}): the backup has a download password; set ` +
            `ONEFICHIER_LINK_PASSWORD (the restore action's link-password) to it.`);
    return error;
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./lib/platform/worker-script.js
var worker_script = __webpack_require__(4149);
;// CONCATENATED MODULE: ./lib/restore/archive-failure.js
// A failure crosses from the archive worker to the main thread as a plain record, and comes back as
// the error class the failure policy (core/failure.ts) knows: its exit code and words stay the same
// as when the work ran in the main thread.


// Most specific first: the first class the error is an instance of names its family.
const FAMILIES = {
    UnsafeArchiveError: UnsafeArchiveError,
    CorruptArchiveError: CorruptArchiveError,
    UnsupportedArchiveError: UnsupportedArchiveError,
    ArchivePasswordError: errors/* ArchivePasswordError */.Ye,
    BackupError: errors/* BackupError */.hj,
};
function serializeFailure(error) {
    const err = asError(error);
    const family = Object.keys(FAMILIES).find((k) => err instanceof FAMILIES[k]);
    const code = err.code;
    return {
        family: family ?? null,
        name: err.name,
        message: err.message,
        stack: err.stack,
        code: typeof code === 'string' ? code : undefined,
    };
}
function rebuildFailure(failure) {
    const error = failure.family
        ? new FAMILIES[failure.family](failure.message)
        : Object.assign(new Error(failure.message), { name: failure.name });
    if (failure.code !== undefined)
        Object.assign(error, { code: failure.code });
    error.stack = failure.stack;
    return error;
}

;// CONCATENATED MODULE: ./lib/restore/file-writes.js
// Small files as a restore writes them: created exclusively, never through a link, their mode and
// time set on the open file after the data, in synchronous calls (for 100,000 files a trip through
// the thread pool per call cost more than the calls). On the archive worker, the files go to the
// parent thread in batches (BatchedFileWriter): the parent is idle while the worker inflates and
// checks, and creating the files was half of a 100,000-file restore's time (3.5 s of open(2) alone),
// so the two now overlap on two cores.


const CREATE_NEW = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
/** One small file (`content` from `start` to `end`): `where` must not exist (never opened through a link). */
function writeWholeFile(content, where, mode, mtime, start = 0, end = content.length) {
    const fd = (0,external_node_fs_.openSync)(where, CREATE_NEW, 0o600);
    try {
        for (let at = start; at < end;)
            at += (0,external_node_fs_.writeSync)(fd, content, at, end - at);
        (0,external_node_fs_.fchmodSync)(fd, mode);
        if (mtime !== null)
            (0,external_node_fs_.futimesSync)(fd, mtime, mtime);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
const FIELDS = 5;
/** The parent's side: the batch's files in order, stopping at the first failure. */
function writeBatch(batch) {
    // Views of the batch's one buffer, no copies.
    const bytes = Buffer.from(batch.bytes);
    const { fields } = batch;
    for (let at = 0; at < fields.length; at += FIELDS) {
        // One view per file (its path): the content is written from the batch's buffer by offset.
        const where = bytes.subarray(fields[at], fields[at + 1]);
        const mtime = fields[at + 4];
        try {
            writeWholeFile(bytes, where, fields[at + 3], Number.isNaN(mtime) ? null : mtime, fields[at + 1], fields[at + 2]);
        }
        catch (error) {
            const { code, message } = error;
            return { kind: 'written', id: batch.id, bytes: batch.bytes, failure: { code, message, path: where.toString() } };
        }
    }
    return { kind: 'written', id: batch.id, bytes: batch.bytes };
}
/** A batch closes at this many bytes or files. */
const BATCH_BYTES = (/* unused pure expression or super */ null && (1 << 20));
const BATCH_FILES = 256;
/** Batches sent and not yet answered, at most: bounds the memory they hold. */
const MAX_IN_FLIGHT = 3;
/** The worker's side: files gathered into batches for the parent, at most a few batches ahead of it. */
class BatchedFileWriter {
    send;
    buffer = new Uint8Array(BATCH_BYTES);
    /** Buffers handed back by the parent, to be filled again. */
    spare = [];
    used = 0;
    fields = [];
    unanswered = new Unanswered(MAX_IN_FLIGHT);
    failure = null;
    constructor(send) {
        this.send = send;
    }
    /** Too many batches unanswered: await room() before adding more. */
    get full() {
        return this.unanswered.full;
    }
    /** The file joins the open batch (its bytes are copied: `content` may be a reused buffer). */
    add(content, where, mode, mtime) {
        this.throwIfFailed();
        const length = where.length + content.length;
        if (this.used + length > this.buffer.length || this.fields.length >= BATCH_FILES * FIELDS)
            this.flush(length);
        this.buffer.set(where, this.used);
        this.buffer.set(content, this.used + where.length);
        this.fields.push(this.used, this.used + where.length, this.used + length, mode, mtime ?? NaN);
        this.used += length;
    }
    /** Waits until fewer batches are unanswered; throws the parent's failure, if any. */
    async room() {
        await this.unanswered.room();
        this.throwIfFailed();
    }
    /** Every file added is written (or the first failure thrown). */
    async drain() {
        this.flush(0);
        await this.unanswered.settle();
        this.throwIfFailed();
    }
    /** Waits for every batch sent, whatever their outcome: nothing is being written after this. */
    async settle() {
        await this.unanswered.settle();
    }
    /** The parent's answer to a batch. */
    acknowledge(ack) {
        if (ack.failure && !this.failure) {
            const { code, message, path } = ack.failure;
            this.failure = Object.assign(new Error(message), { code, path });
        }
        if (ack.bytes.byteLength >= BATCH_BYTES)
            this.spare.push(ack.bytes);
        this.unanswered.answered(ack.id);
    }
    /** Sends the open batch; the next one gets a buffer with room for at least `next` bytes. */
    flush(next) {
        if (this.fields.length > 0) {
            const id = this.unanswered.sent();
            const bytes = this.buffer.buffer;
            this.send({ kind: 'write', id, bytes, fields: Float64Array.from(this.fields) }, [bytes]);
            const spare = this.spare.pop();
            this.buffer = new Uint8Array(spare ?? new ArrayBuffer(BATCH_BYTES));
        }
        if (next > this.buffer.length)
            this.buffer = new Uint8Array(next);
        this.used = 0;
        this.fields = [];
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure;
    }
}

;// CONCATENATED MODULE: ./lib/restore/fs-failure.js
// A file-system condition met while restoring, in one line that names the file, the condition and
// what to do: never "Unexpected failure" for a full disk, a read-only folder or a name too long.



const ADVICE = {
    ENOSPC: 'the disk is full: free space there, or restore elsewhere',
    EDQUOT: 'the disk quota is used up: free space, or restore elsewhere',
    EFBIG: 'the file is too large for this file system: restore onto another one',
    EROFS: 'the file system is read-only: restore elsewhere, or mount it writable',
    EACCES: 'permission denied: run as a user who may write there, or restore elsewhere',
    EPERM: 'the operation is not permitted: run as a user who may write there, or restore elsewhere',
    ENAMETOOLONG: 'a name is too long for this file system: restore into a shorter path or onto another file system',
    EINVAL: 'the file system refuses the name: restore onto another file system (e.g. not FAT or exFAT)',
    EILSEQ: 'the file system refuses the name (not valid in its encoding): restore onto another file system',
    EISDIR: 'a folder is there now: the target changed while the restore ran; run it again',
    ENOTDIR: 'a file is there where a folder was planned: the target changed while the restore ran; run it again',
    EEXIST: 'something is there now: the target changed while the restore ran; run it again',
    ENOENT: 'it is gone: the target changed while the restore ran; run it again',
    ELOOP: 'a link is there where a folder was planned: the target changed while the restore ran; run it again',
    EMFILE: 'too many open files: raise the limit (ulimit -n) and run again',
    ENFILE: 'the system has too many open files: run again later',
    EIO: 'the disk reported an I/O error: check the disk',
    EBUSY: 'it is busy (in use or a mount point): restore elsewhere',
    ENOTEMPTY: 'a folder there is not empty: the target changed while the restore ran; run it again',
    EXDEV: 'it lies on another file system: restore into a folder on one file system',
};
/** The error as a one-line restore failure, or undefined when it is no file-system condition. */
function restoreFailure(error, target, undoNote) {
    const { code, path: failed } = (error ?? {});
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code))
        return undefined;
    const file = typeof failed === 'string' ? where(failed, target) : `'${(0,format/* escapeControl */.hN)(target)}'`;
    const advice = ADVICE[code] ?? 'a file-system error';
    return new errors/* BackupError */.hj(`Restoring into ${file} failed (${code}): ${advice}. ${undoNote}`);
}
function where(failed, target) {
    const relative = external_node_path_.relative(target, failed);
    const inside = relative !== '' && !relative.startsWith('..') && !external_node_path_.isAbsolute(relative);
    // Our own staging folder is not a name the user knows: the target is.
    const shown = inside && !relative.startsWith('.1fichier-restore.') ? relative : failed;
    return `'${(0,format/* escapeControl */.hN)(shown)}'`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/restore/staging.js
// The staging folder of a restore, inside its target (so on the target's own file system: every move
// is a rename that cannot fail with EXDEV), and the journal that makes the restore undoable. Every
// change to the target is written to the journal before it is made: an original moved aside, a staged
// entry put in place, then "commit". A failure or a signal undoes the journal backwards; a run killed
// outright leaves the folder behind, and the next restore into that target undoes it the same way.









class Staging {
    target;
    root;
    journal;
    asideCount = 0;
    removed = false;
    lines = [];
    /** Where entries are staged before they are put in place. */
    newRoot;
    constructor(
    /** The target folder, resolved. */
    target, 
    /** The staging folder itself. */
    root) {
        this.target = target;
        this.root = root;
        this.journal = (0,external_node_fs_.openSync)(external_node_path_.join(root, 'journal'), 'a', 0o600);
        this.newRoot = external_node_path_.join(root, 'new');
    }
    /** A new staging folder inside `target` (which exists and is a folder). */
    static async create(target) {
        const root = external_node_path_.join(target, `${STAGING_PREFIX}${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        await (0,promises_.mkdir)(root, { mode: 0o700 });
        const owner = { pid: process.pid, host: external_node_os_.hostname(), started: new Date().toISOString() };
        await (0,promises_.writeFile)(external_node_path_.join(root, 'owner.json'), JSON.stringify(owner), { mode: 0o600 });
        await (0,promises_.mkdir)(external_node_path_.join(root, 'new'), { mode: 0o700 });
        await (0,promises_.mkdir)(external_node_path_.join(root, 'aside'), { mode: 0o700 });
        return new Staging(target, root);
    }
    /**
     * Staging folders a killed restore left in `target`: each one's journal is undone and the folder
     * removed. One whose process still runs on this machine is another restore at work: refused.
     */
    static async recoverLeftovers(target, log) {
        const names = await (0,promises_.readdir)(target).catch(() => []);
        for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX))) {
            const root = external_node_path_.join(target, name);
            const owner = await readOwner(root);
            if (owner && owner.host === external_node_os_.hostname() && owner.pid !== process.pid && isAlive(owner.pid)) {
                throw new errors/* BackupError */.hj(`Another restore into '${target}' is running (process ${owner.pid}, since ${owner.started}): wait for it ` +
                    `to end, or stop it, then run again.`);
            }
            const lines = (await (0,promises_.readFile)(external_node_path_.join(root, 'journal'), 'utf8').catch(() => '')).split('\n');
            const committed = lines.includes('c');
            if (!committed)
                await undo(target, root, lines);
            await (0,promises_.rm)(root, { recursive: true, force: true });
            log.warning(`A restore into '${target}' was stopped before it ended${owner ? ` (process ${owner.pid})` : ''}; ` +
                (committed ? 'it had finished its changes, and its staging folder was removed' : 'its changes were undone'));
        }
    }
    /** Where an entry is staged (`/`-separated relative path). */
    staged(relative) {
        return joinRelative(this.newRoot, relative);
    }
    /** Where an entry goes in the target. */
    placed(relative) {
        return joinRelative(this.target, relative);
    }
    /** Moves what the target has at `relative` aside (put back if the restore fails, removed if it succeeds). */
    async moveAside(relative) {
        const slot = String(this.asideCount++);
        this.write(`a ${slot} ${bytesOf(relative).toString('base64')}`);
        await (0,promises_.rename)(this.placed(relative), external_node_path_.join(this.root, 'aside', slot));
    }
    /** Puts a staged entry (with everything under it) in place; nothing may be there. */
    async place(relative) {
        this.write(`p ${bytesOf(relative).toString('base64')}`);
        await (0,promises_.rename)(this.staged(relative), this.placed(relative));
    }
    /** From here on the restore stands: the originals moved aside are gone with the staging folder. */
    commit() {
        this.write('c');
    }
    /** Undoes every change, newest first. */
    async rollback() {
        await undo(this.target, this.root, this.lines);
    }
    /** Removes the staging folder (and so the originals moved aside); safe to call twice. */
    async remove() {
        if (this.removed)
            return;
        this.removed = true;
        (0,external_node_fs_.closeSync)(this.journal);
        await (0,promises_.rm)(this.root, { recursive: true, force: true });
    }
    write(line) {
        this.lines.push(line);
        (0,external_node_fs_.writeSync)(this.journal, `${line}\n`);
    }
}
/** Undoes a journal's lines, newest first: what was put in place goes back, what was moved aside returns. */
async function undo(target, root, lines) {
    for (const line of [...lines].reverse()) {
        const [op, a, b] = line.split(' ');
        if (op === 'p' && a) {
            const relative = Buffer.from(a, 'base64').toString('latin1');
            const placed = joinRelative(target, relative);
            if (await exists(placed)) {
                await (0,promises_.rename)(placed, joinRelative(external_node_path_.join(root, 'new'), relative)).catch(() => (0,promises_.rm)(placed, { recursive: true, force: true }));
            }
        }
        else if (op === 'a' && a && b) {
            const aside = external_node_path_.join(root, 'aside', a);
            if (await exists(aside))
                await (0,promises_.rename)(aside, joinRelative(target, Buffer.from(b, 'base64').toString('latin1')));
        }
    }
}
const exists = (file) => (0,promises_.lstat)(file).then(() => true, () => false);
async function readOwner(root) {
    try {
        const owner = JSON.parse(await (0,promises_.readFile)(external_node_path_.join(root, 'owner.json'), 'utf8'));
        return typeof owner.pid === 'number' && typeof owner.host === 'string'
            ? { pid: owner.pid, host: owner.host, started: String(owner.started) }
            : null;
    }
    catch {
        return null;
    }
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}

;// CONCATENATED MODULE: ./lib/restore/extract.js












/** Checks every entry without writing anything (restic's check --read-data), after the same plan as a restore. */
async function checkAll(archive, password, signal, shared) {
    const plan = planArchive(archive.entries, defaultRules(null, false));
    requirePassword(archive.entries, password);
    const pace = new Pace(signal);
    for (const entry of archive.entries) {
        if (pace.due())
            await pace.breathe();
        if (entry.kind === 'directory')
            continue;
        // On the archive worker, the parent thread checks the small entries it has room for.
        if (shared && readsWhole(entry) && shared.take(entry))
            continue;
        if (!archive.contentSync(entry))
            await drainChecked(archive.content(entry, password));
    }
    await shared?.drain();
    return { plan };
}
/** The folder a restore writes into: checked before anything is downloaded. */
async function checkTarget(to, overwrite) {
    let stats;
    try {
        stats = await (0,promises_.lstat)(to);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        throw restoreFailure(error, to, 'Nothing was written.') ?? error;
    }
    if (stats.isSymbolicLink())
        stats = await (0,promises_.lstat)(await (0,promises_.realpath)(to));
    if (!stats.isDirectory())
        throw new errors/* BackupError */.hj(`'${(0,format/* escapeControl */.hN)(to)}' is a file, not a folder: give another --to.`);
    const names = (await (0,promises_.readdir)(to)).filter((n) => !n.startsWith(STAGING_PREFIX));
    if (names.length > 0 && overwrite === null) {
        throw new UsageError(`'${(0,format/* escapeControl */.hN)(to)}' is not empty: restore into an empty or new folder, or choose what happens to files ` +
            `that are there with --overwrite always|if-changed|if-newer|never (files the backup lacks are kept).`);
    }
}
async function restoreInto(archive, to, options) {
    requirePassword(archive.entries, options.password);
    const filter = options.include.length > 0 || options.exclude.length > 0 ? new PathFilter(options.include, options.exclude) : null;
    const existing = await (0,promises_.lstat)(to).then(() => true, () => false);
    if (options.dryRun) {
        const target = existing ? await (0,promises_.realpath)(to) : external_node_path_.resolve(to);
        const plan = planArchive(archive.entries, defaultRules(filter, options.keepSpecialBits));
        return report(plan, await planAgainstTarget(plan, target, targetOptions(options, filter)), true);
    }
    const made = existing ? null : await makeTarget(to);
    const target = await (0,promises_.realpath)(to);
    let staging = null;
    try {
        if (!made)
            await Staging.recoverLeftovers(target, options.log);
        staging = await Staging.create(target);
        const folding = await probeFolding(staging.root);
        const rules = { ...defaultRules(filter, options.keepSpecialBits), ...folding };
        const plan = planArchive(archive.entries, rules);
        const changes = await planAgainstTarget(plan, target, targetOptions(options, filter));
        await checkRoom(target, changes, plan);
        await writeStaged(archive, plan, changes.actions, staging, options);
        await options.verified?.();
        await placeAll(plan, changes, staging, options.signal);
        staging.commit();
        await setFolderTimes(plan, changes.actions, staging, options.log);
        return report(plan, changes, false);
    }
    catch (error) {
        const undone = await undoAll(staging, made, target, options.log);
        throw restoreFailure(error, target, undone) ?? error;
    }
    finally {
        await staging?.remove();
    }
}
function targetOptions(options, filter) {
    return {
        overwrite: options.overwrite,
        delete: options.delete,
        restored: (relative) => filter?.selects(relative) ?? true,
    };
}
/** The rules of this machine's OS; case folding as macOS and Windows do by default, until probed. */
function defaultRules(filter, keepSpecialBits) {
    const folds = process.platform === 'darwin' || process.platform === 'win32';
    return {
        platform: process.platform,
        foldCase: folds,
        foldUnicode: process.platform === 'darwin',
        filter,
        keepSpecialBits,
    };
}
function requirePassword(entries, password) {
    if (password)
        return;
    const encrypted = entries.find((e) => e.aesKeyBytes !== null);
    if (encrypted)
        throw encryptedWithoutPassword(encrypted);
}
/** A new target folder (and the folders above it), with the default mode; returns the topmost one made. */
async function makeTarget(to) {
    try {
        return (await (0,promises_.mkdir)(to, { recursive: true })) ?? external_node_path_.resolve(to);
    }
    catch (error) {
        throw restoreFailure(error, external_node_path_.resolve(to), 'Nothing was written.') ?? error;
    }
}
async function checkRoom(target, changes, plan) {
    const stats = await (0,promises_.statfs)(target);
    const free = stats.bavail * stats.bsize;
    // A block per file and folder on top of the data: what small files really take.
    const needed = changes.bytesToWrite + (plan.files + plan.directories + plan.links) * stats.bsize;
    if (needed > free) {
        throw new errors/* BackupError */.hj(`The restore needs about ${(0,format/* formatBytes */.z3)(needed)} in '${(0,format/* escapeControl */.hN)(target)}', whose file system has ` +
            `${(0,format/* formatBytes */.z3)(free)} free: free space there, or restore elsewhere. Nothing was written.`);
    }
}
/** Every entry to create or replace, into the staging folder: files first, then links. */
async function writeStaged(archive, plan, actions, staging, options) {
    // The plan's nodes are walked twice rather than copied (a MB per copy at 100,000 nodes).
    const made = new Set();
    const folder = async (relative) => {
        await (0,promises_.mkdir)(staging.staged(relative), { recursive: true, mode: 0o700 });
        made.add(relative);
    };
    const parentOf = (relative) => relative.slice(0, Math.max(0, relative.lastIndexOf('/')));
    const pace = new Pace(options.signal);
    const writer = options.fileWriter;
    try {
        // Awaited only where there is something to wait for: an await per file is 100,000 promises.
        for (const node of plan.nodes) {
            if (pace.due())
                await pace.breathe();
            if (!actions.writes(node))
                continue;
            if (node.kind === 'directory') {
                if (!made.has(node.path))
                    await folder(node.path);
            }
            else if (node.kind === 'file') {
                const parent = parentOf(node.path);
                if (!made.has(parent))
                    await folder(parent);
                const where = staging.staged(node.path);
                const whole = archive.contentSync(node.entry);
                const mode = node.mode ?? 0o644;
                if (!whole)
                    await writeStreamed(archive, node, where, options);
                else if (!writer)
                    writeWholeFile(whole, where, mode, node.mtime);
                else {
                    writer.add(whole, where, mode, node.mtime);
                    if (writer.full)
                        await writer.room();
                }
            }
        }
        // Every file is written before any link is made (a link never points the way for a file).
        await writer?.drain();
    }
    catch (error) {
        // Nothing may still be writing into the staging while it is undone.
        await writer?.settle();
        throw error;
    }
    const folders = new Set(plan.nodes.filter((n) => n.kind === 'directory').map((n) => plan.keyOf(n.path)));
    for (const node of plan.nodes) {
        options.signal?.throwIfAborted();
        if (node.kind !== 'symlink' || !actions.writes(node))
            continue;
        await folder(parentOf(node.path));
        const target = await readLinkTarget(archive, node, options.password);
        const staged = staging.staged(node.path);
        await (0,promises_.symlink)(target, staged, pointsAtFolder(node.path, target, folders, plan) ? 'dir' : 'file');
        if (node.mtime !== null)
            await (0,promises_.lutimes)(staged, node.mtime, node.mtime);
    }
}
// Files are created exclusively, never through a link; mode and time set on the open file, after its data.
async function writeStreamed(archive, node, where, options) {
    const handle = await (0,promises_.open)(where, CREATE_NEW, 0o600);
    try {
        const content = archive.content(node.entry, options.password);
        try {
            for await (const chunk of content) {
                options.signal?.throwIfAborted();
                await handle.write(chunk);
            }
        }
        finally {
            content.destroy();
        }
        await handle.chmod(node.mode ?? 0o644);
        if (node.mtime !== null)
            await handle.utimes(node.mtime, node.mtime);
    }
    finally {
        await handle.close();
    }
}
/** Gives the event loop a turn every few milliseconds of synchronous work, so that a signal is heard. */
class Pace {
    signal;
    last = performance.now();
    constructor(signal) {
        this.signal = signal;
    }
    /** Whether it is time for a turn; throws if the signal fired. */
    due() {
        this.signal?.throwIfAborted();
        return performance.now() - this.last > 20;
    }
    async breathe() {
        await new Promise((resolve) => setImmediate(resolve));
        this.last = performance.now();
        this.signal?.throwIfAborted();
    }
}
const MAX_LINK_TARGET = 4096;
async function readLinkTarget(archive, node, password) {
    const chunks = [];
    let length = 0;
    const whole = archive.contentSync(node.entry);
    for await (const chunk of whole ? [Buffer.from(whole)] : archive.content(node.entry, password)) {
        chunks.push(chunk);
        length += chunk.length;
        if (length > MAX_LINK_TARGET)
            throw new errors/* BackupError */.hj(`The backup's link '${node.display}' has a target longer than ${MAX_LINK_TARGET} bytes.`);
    }
    const target = Buffer.concat(chunks).toString('utf8');
    if (target === '' || target.includes('\0'))
        throw new errors/* BackupError */.hj(`The backup's link '${node.display}' has an empty target or a NUL byte in it.`);
    return target;
}
/** Windows makes folder links and file links apart: a link to a folder of the backup is a folder link. */
function pointsAtFolder(link, target, folders, plan) {
    if (external_node_path_.posix.isAbsolute(target))
        return false;
    const resolved = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(textOf(link)), target));
    return folders.has(plan.keyOf(Buffer.from(resolved).toString('latin1')));
}
/**
 * Into the target: each replaced original moved aside, then each topmost staged entry put in place
 * (one rename for a whole new folder), links last; with --delete, what the backup lacks moved aside.
 */
async function placeAll(plan, changes, staging, signal) {
    const { actions } = changes;
    const topmost = plan.nodes.filter((node) => {
        if (!actions.writes(node))
            return false;
        const slash = node.path.lastIndexOf('/');
        return slash < 0 || actions.get(plan.byKey.get(plan.keyOf(node.path.slice(0, slash)))) === 'merge';
    });
    const ordered = [...topmost.filter((n) => n.kind !== 'symlink'), ...topmost.filter((n) => n.kind === 'symlink')];
    for (const node of ordered) {
        signal?.throwIfAborted();
        if (actions.get(node) === 'replace')
            await staging.moveAside(node.path);
        await staging.place(node.path);
    }
    for (const deletion of changes.deletions) {
        signal?.throwIfAborted();
        await staging.moveAside(deletion.path);
    }
}
/** Folders the restore made get their modes and times last, deepest first (a read-only one held its content). */
async function setFolderTimes(plan, actions, staging, log) {
    const folders = byDepth(plan.nodes.filter((n) => n.kind === 'directory' && actions.writes(n))).reverse();
    for (const node of folders) {
        const where = joinRelative(staging.target, node.path);
        try {
            if (node.mode !== null)
                await (0,promises_.chmod)(where, node.mode);
            if (node.mtime !== null)
                await (0,promises_.utimes)(where, node.mtime, node.mtime);
        }
        catch (error) {
            // The content is in place: a folder whose mode cannot be set is said, not undone (as tar does).
            log.warning(`Could not set the mode or time of '${node.display}': ${error.message}`);
        }
    }
}
/** Undoes what the journal holds; returns what to tell the user about the target. */
async function undoAll(staging, made, target, log) {
    try {
        await staging?.rollback();
    }
    catch (error) {
        log.error(`Undoing the restore failed: ${error.message}`);
        return (`Undoing it failed too: the originals it had moved are in '${(0,format/* escapeControl */.hN)(staging?.root ?? target)}/aside'; ` +
            `they were left there.`);
    }
    if (made) {
        await staging?.remove();
        await removeEmptyUpTo(target, made);
        return 'Nothing was written.';
    }
    return 'The target was left as it was.';
}
/** Removes the folders a failed restore made, from the target up to the topmost one it made. */
async function removeEmptyUpTo(target, topmost) {
    let folder = target;
    for (;;) {
        await removeIfEmpty(folder);
        if (folder === topmost || external_node_path_.dirname(folder) === folder || !folder.startsWith(topmost))
            return;
        folder = external_node_path_.dirname(folder);
    }
}
function report(plan, changes, dryRun) {
    const out = {
        files: 0,
        directories: 0,
        links: 0,
        bytes: 0,
        created: 0,
        replaced: 0,
        unchanged: 0,
        kept: 0,
        deleted: changes.deletions.length,
        changes: [],
    };
    for (const node of plan.nodes) {
        const action = changes.actions.get(node);
        if (action === 'create')
            out.created++;
        else if (action === 'replace')
            out.replaced++;
        else if (action === 'unchanged')
            out.unchanged++;
        else if (action === 'kept' || action === 'skipped')
            out.kept++;
        if (writes(action)) {
            if (node.kind === 'file') {
                out.files++;
                out.bytes += node.size;
            }
            else if (node.kind === 'directory')
                out.directories++;
            else
                out.links++;
        }
        if (dryRun && action !== 'merge') {
            const shown = action === 'skipped' || action === 'kept' ? 'keep' : action;
            out.changes.push({ path: node.display, action: shown });
        }
    }
    if (dryRun)
        for (const d of changes.deletions)
            out.changes.push({ path: d.display, action: 'delete' });
    return out;
}

;// CONCATENATED MODULE: ./lib/restore/shared-checks.js
// A check on the archive worker hands part of the small entries to its parent thread, which is idle
// while the worker works: inflating them one at a time (fflate) was most of a check's time, on one
// of the two cores. The worker sends where each entry's data is (no bytes: the parent reads the zip
// through its own descriptor) in batches; the parent checks them as contentSync does and answers.
// An entry goes to the parent while it has room for another batch, and is checked on the worker
// otherwise, so the two threads share the work whatever their speeds.


const shared_checks_FIELDS = 5;
/** The parent's side: the batch's entries in order, stopping at the first that is not sound. */
function checkBatch(checker, batch) {
    const { fields, id } = batch;
    for (let at = 0; at < fields.length; at += shared_checks_FIELDS) {
        const entry = { size: fields[at + 2], crc32: fields[at + 3], method: fields[at + 4] };
        let problem;
        try {
            problem = checker.check(fields[at], fields[at + 1], entry);
        }
        catch (error) {
            // A read that fails (a file cut short) is a damaged entry, named by the worker.
            problem = { kind: 'damaged', detail: error.message };
        }
        if (problem)
            return { kind: 'checked', id, failure: { at: at / shared_checks_FIELDS, problem } };
    }
    return { kind: 'checked', id };
}
/** A batch closes at this many entries or stored bytes (some 5 ms of the parent's work). */
const BATCH_ENTRIES = 256;
const BATCH_STORED_BYTES = (/* unused pure expression or super */ null && (512 * 1024));
/**
 * Batches sent and not yet answered, at most: more work than the worker does between two turns of
 * its event loop (20 ms, when it reads the answers), so that the parent does not wait for it. With 3
 * batches of 128, the parent checked a third of 100,000 entries; with 6 of 256, half.
 */
const shared_checks_MAX_IN_FLIGHT = 6;
/** The worker's side: small entries gathered into batches for the parent while it has room. */
class BatchedChecks {
    send;
    entries = [];
    stored = 0;
    /** Each unanswered batch's entries, to name the one that failed. */
    sent = new Map();
    unanswered = new Unanswered(shared_checks_MAX_IN_FLIGHT);
    failure = null;
    constructor(send) {
        this.send = send;
    }
    /**
     * Takes a small unencrypted entry (readsWhole) for the parent to check; false when the parent has
     * no room, and the caller checks it. Throws a failure the parent found.
     */
    take(entry) {
        this.throwIfFailed();
        if (this.batchFull()) {
            if (this.unanswered.full)
                return false;
            this.flush();
        }
        this.entries.push(entry);
        this.stored += entry.compressedSize;
        if (this.batchFull() && !this.unanswered.full)
            this.flush();
        return true;
    }
    /** Every entry taken is checked (or the first failure thrown). */
    async drain() {
        for (;;) {
            this.throwIfFailed();
            if (this.entries.length === 0)
                break;
            await this.unanswered.room();
            this.flush();
        }
        await this.unanswered.settle();
        this.throwIfFailed();
    }
    /** The parent's answer to a batch. */
    acknowledge(ack) {
        const entries = this.sent.get(ack.id);
        if (ack.failure && entries && !this.failure) {
            this.failure = problemError(entries[ack.failure.at].displayName, ack.failure.problem);
        }
        this.sent.delete(ack.id);
        this.unanswered.answered(ack.id);
    }
    batchFull() {
        return this.entries.length >= BATCH_ENTRIES || this.stored >= BATCH_STORED_BYTES;
    }
    flush() {
        if (this.entries.length === 0)
            return;
        const id = this.unanswered.sent();
        this.sent.set(id, this.entries);
        this.send({ kind: 'check', id, fields: fieldsOf(this.entries) });
        this.entries = [];
        this.stored = 0;
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure;
    }
}
/** The batch's entries as the parent reads them, FIELDS numbers each. */
function fieldsOf(entries) {
    const fields = new Float64Array(entries.length * shared_checks_FIELDS);
    entries.forEach((entry, i) => {
        fields.set([entry.dataStart, entry.compressedSize, entry.size, entry.crc32, entry.method], i * shared_checks_FIELDS);
    });
    return fields;
}

;// CONCATENATED MODULE: ./lib/restore/archive-job.js
// The archive's work (open, plan, then check or write), on a worker thread with a small young
// generation when the zip has many entries. 100,000 entries and their plan are long-lived objects,
// and V8 sizes a thread's young generation by what survives it: in the main thread it grew to tens
// of MB for them (the extraction of 100,000 small files peaked at ~207 MB in a probe; ~140 MB on
// the worker, in the same time). A zip of a few thousand entries stays in this thread: there a second
// heap costs more than it saves. The worker is started as the backup's are (platform/worker-script.ts).








/**
 * A young generation this small keeps the peak down on 100,000 small entries, at no measured cost in
 * time; at 8 MB, entries of a few hundred KB took ten times as long (12 MB: 1.3 times).
 */
const YOUNG_GENERATION_MB = 12;
/** A central directory this long (some 15,000 entries) or longer sends the work to the worker. */
const WORKER_DIRECTORY_BYTES = 1024 * 1024;
/** Checks every entry of the zip at `file`, writing nothing. */
async function checkArchive(file, password, log, signal, place = 'by-size') {
    const outcome = await runJob({ kind: 'check', file, password }, { log, signal }, place);
    if (outcome.kind !== 'check')
        throw new Error('internal: the archive worker answered another job');
    return outcome;
}
/** Restores the zip at `file` into `to`, planned whole and undone on any failure. */
async function restoreArchive(file, to, options, place = 'by-size') {
    const { log, signal, verified, ...rest } = options;
    const outcome = await runJob({ kind: 'restore', file, to, options: rest }, { log, signal, verified }, place);
    if (outcome.kind !== 'restore')
        throw new Error('internal: the archive worker answered another job');
    return outcome;
}
/** The job, here: the worker runs the same. */
async function runArchiveJob(job, hooks) {
    const { log, signal, verified, fileWriter, checks } = hooks;
    const archive = await OpenArchive.open(job.file);
    try {
        const aes = archive.entries.some((e) => e.aesKeyBytes !== null);
        if (job.kind === 'check') {
            const { plan } = await checkAll(archive, job.password, signal, checks);
            return { kind: 'check', aes, count: plan.files + plan.links };
        }
        const report = await restoreInto(archive, job.to, { ...job.options, log, signal, verified, fileWriter });
        return { kind: 'restore', aes, report };
    }
    finally {
        archive.close();
    }
}
async function runJob(job, hooks, place) {
    hooks.signal?.throwIfAborted();
    if (place === 'by-size' && centralDirectoryBytes(job.file) < WORKER_DIRECTORY_BYTES)
        return runArchiveJob(job, hooks);
    return runOnWorker(job, hooks);
}
async function runOnWorker(job, hooks) {
    const { log, signal, verified } = hooks;
    const { script, options } = (0,worker_script/* workerScript */.w)('archive-worker.js', import.meta.url);
    const worker = new external_node_worker_threads_.Worker(script, {
        ...options,
        workerData: job,
        // It needs nothing from the environment (which holds the key as INPUT_API-KEY); the password
        // travels in workerData, in memory.
        env: {},
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const post = (message, transfer = []) => worker.postMessage(message, transfer);
    // A cancel is passed on: the worker stops between entries and undoes what it wrote, then answers.
    const cancel = () => post({ kind: 'cancel' });
    // A download found corrupted while the worker staged it: the worker undoes, and this is the failure.
    let unverified = null;
    // Opened at the first batch of entries to check.
    let checker = null;
    signal?.addEventListener('abort', cancel, { once: true });
    try {
        return await new Promise((resolve, reject) => {
            worker.on('message', (message) => {
                // The worker inflates and checks while this thread, idle otherwise, writes the small files.
                if (message.kind === 'write') {
                    const ack = writeBatch(message);
                    post(ack, [ack.bytes]);
                }
                else if (message.kind === 'check') {
                    checker ??= new WholeEntryChecker(job.file);
                    post(checkBatch(checker, message));
                }
                else if (message.kind === 'verify') {
                    const check = verified?.() ?? Promise.resolve();
                    check.then(() => post({ kind: 'verified' }), (error) => {
                        unverified = (0,errors/* asError */.zR)(error);
                        cancel();
                    });
                }
                else if (message.kind === 'log')
                    log[message.level](message.text);
                else if (message.kind === 'done')
                    resolve(message.outcome);
                else if (unverified !== null)
                    reject(unverified);
                else
                    reject(signal?.aborted ? signal.reason : rebuildFailure(message.failure));
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`internal: the archive worker stopped (exit code ${code})`)));
        });
    }
    finally {
        signal?.removeEventListener('abort', cancel);
        await worker.terminate();
        checker?.close();
    }
}

// EXTERNAL MODULE: ./lib/series/listing.js
var series_listing = __webpack_require__(5417);
// EXTERNAL MODULE: ./lib/onefichier/client.js + 4 modules
var onefichier_client = __webpack_require__(6320);
// EXTERNAL MODULE: ./lib/onefichier/file-id.js
var file_id = __webpack_require__(6158);
// EXTERNAL MODULE: ./lib/onefichier/folders.js
var folders = __webpack_require__(2291);
// EXTERNAL MODULE: ./lib/onefichier/types.js
var types = __webpack_require__(9151);
;// CONCATENATED MODULE: ./lib/series/read.js
// The series as the commands that read it back see it: the destination folder looked up (never
// created), listed once, and its backups newest first with what 1fichier says of each.







/** The destination folder does not exist: there is no series to read. */
class NoSeriesError extends errors/* NoBackupFoundError */.o_ {
    name = 'NoSeriesError';
}
async function readSeries(session) {
    const { client, log } = session;
    const { folder, namePrefix: prefix } = session.config;
    const resolved = await (0,folders/* resolveFolder */.h)(client, folder, { create: false, log });
    if (resolved.id === null)
        throw new NoSeriesError(`The folder ${(0,format/* showFolder */.Kg)(folder)} does not exist in the 1fichier account: check --folder.`);
    const listing = await client.listFiles(resolved.id);
    const { series, unreadable, ambiguous } = (0,series_listing/* seriesFromListing */.y)(listing, prefix);
    for (const name of unreadable)
        log.warning(`'${name}' looks like a backup of this series but its timestamp is not a real time; it is left out`);
    for (const what of ambiguous)
        log.warning(`The listing shows ${what}; it is left out`);
    const backups = series
        .map((b) => {
        const item = listing.find((i) => (0,file_id/* fileIdOf */.N)(i.url) === (0,file_id/* fileIdOf */.N)(b.url));
        const checksum = typeof item?.checksum === 'string' ? item.checksum.trim().toLowerCase() : '';
        return { ...b, size: (0,types/* toNumber */.R)(item?.size) ?? -1, whirlpool: checksum };
    })
        .sort((a, b) => b.time.getTime() - a.time.getTime() || (a.fileName < b.fileName ? 1 : -1));
    const complete = !(0,onefichier_client/* listingMayBeIncomplete */.bD)(listing);
    if (!complete) {
        log.warning(`The listing of ${(0,format/* showFolder */.Kg)(folder)} has ${listing.length} files and may be incomplete (1fichier ` +
            `returns at most 5,000, or it counted more than it listed): newer backups may be missing from it`);
    }
    return { folderId: resolved.id, listing, backups, complete };
}
/** `latest` (the newest not dated in the future), `all`, or one file name. */
function chooseBackups(series, choice, now, where) {
    if (choice === 'all')
        return series.backups;
    if (choice === 'latest') {
        if (!series.complete) {
            throw new errors/* BackupError */.hj(`The listing of ${where} may be incomplete, so the newest backup cannot be known: name one with --backup ` +
                `FILE-NAME (see 'list'), or move other files out of the folder.`);
        }
        const latest = series.backups.find((b) => b.time.getTime() <= now.getTime());
        return latest ? [latest] : [];
    }
    const named = series.backups.find((b) => b.fileName === choice);
    if (!named)
        throw new errors/* BackupError */.hj(`No backup named ${choice} in ${where}: run 'list' to see the series.`);
    return [named];
}

;// CONCATENATED MODULE: ./lib/restore/commands.js
var __addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});
// The way back, as commands on the same engine as the backup: list the series, prune it by the
// retention rules alone (restic's forget), check backups by downloading and reading every entry
// (restic's check --read-data), and restore one into a folder.














const commands_where = (config) => `${(0,format/* showFolder */.Kg)(config.folder)} (series ${config.namePrefix})`;
/** `list`: the series, newest first; with keep-* rules, which rule keeps each. */
async function listCommand(ctx) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const session = __addDisposableResource(env_1, session_session/* Session */.N.open(ctx), true);
        const series = await readSeries(session);
        const plan = (0,core_config/* retentionActive */.Xe)(ctx.config.retention)
            ? (0,core_retention/* planRetention */.SA)(series.backups, ctx.config.retention, { now: ctx.now })
            : null;
        return series.backups.map((b) => {
            const row = { 'file-name': b.fileName, url: b.url, size: b.size, time: b.time.toISOString() };
            const decision = plan?.decisions.find((d) => d.backup.url === b.url);
            if (decision)
                row['kept-by'] = decision.reasons;
            return row;
        });
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}
/** `prune`: retention alone, with the same plan, reasons and safety as after a backup. */
async function pruneCommand(ctx) {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        if (!(0,core_config/* retentionActive */.Xe)(ctx.config.retention)) {
            throw new UsageError('prune needs at least one keep-* rule above 0 (e.g. --keep-daily 7): without one every backup would go.');
        }
        const session = __addDisposableResource(env_2, session_session/* Session */.N.open(ctx), true);
        const lock = await session.lockSeries('prune');
        try {
            return await pruneSeries(session, ctx.now);
        }
        finally {
            await lock?.release();
        }
    }
    catch (e_2) {
        env_2.error = e_2;
        env_2.hasError = true;
    }
    finally {
        const result_2 = __disposeResources(env_2);
        if (result_2)
            await result_2;
    }
}
async function pruneSeries(session, now) {
    const { config, client, log, signal } = session;
    const series = await readSeries(session);
    return log.group(`Prune${config.dryRun ? ' (dry run)' : ''}`, () => (0,retention/* applyRetention */.d)({
        client,
        folderId: series.folderId,
        prefix: config.namePrefix,
        policy: config.retention,
        now,
        newBackup: null,
        dryRun: config.dryRun,
        log,
        signal,
    }));
}
/** `check`: download and verify every backup chosen, each reported even after another failed; extract nothing. */
async function checkCommand(ctx) {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const session = __addDisposableResource(env_3, session_session/* Session */.N.open(ctx), true);
        const series = await readSeries(session);
        const chosen = chooseBackups(series, ctx.config.backup, ctx.now, commands_where(ctx.config));
        if (chosen.length === 0)
            throw new NoBackupError(`The series has no backup in ${commands_where(ctx.config)}.`);
        if (ctx.config.cdn)
            ctx.log.info('--cdn: each download spends CDN credit of the account');
        else if (process.env.GITHUB_ACTIONS === 'true')
            ctx.log.info('On a GitHub-hosted runner 1fichier refuses API downloads unless CDN credit is spent (--cdn): ' +
                'check downloads every backup it checks, and with --cdn each one spends CDN credit.');
        const results = [];
        for (const backup of chosen) {
            ctx.signal?.throwIfAborted();
            results.push(await ctx.log.group(`Check ${backup.fileName}`, () => checkOne(session.client, ctx, backup)));
        }
        return results;
    }
    catch (e_3) {
        env_3.error = e_3;
        env_3.hasError = true;
    }
    finally {
        const result_3 = __disposeResources(env_3);
        if (result_3)
            await result_3;
    }
}
async function checkOne(client, ctx, backup) {
    const base = { 'file-name': backup.fileName, url: backup.url };
    try {
        const { count, checked } = await withDownload(client, ctx, backup, async (download) => {
            const password = ctx.config.archivePassword || undefined;
            const { count, aes } = await checkArchive(download.file, password, ctx.log, ctx.signal);
            return { count, checked: `${download.checked}, then every entry's ${entryCheck(aes)}` };
        });
        ctx.log.info(`${backup.fileName}: sound (${checked}; ${count} files and links)`);
        return { ...base, ok: true, 'file-count': count, checked };
    }
    catch (error) {
        // A cancel stops the whole check; any other failure is this backup's, and the next one is checked.
        if (ctx.signal?.aborted)
            throw error;
        const problem = (0,errors/* messageOf */.bD)(error);
        ctx.log.error(`${backup.fileName}: ${problem}`);
        return { ...base, ok: false, problem };
    }
}
/** What each entry was checked against: its CRC-32, or the authentication code of an AES entry. */
const entryCheck = (aes) => (aes ? 'CRC-32 or AES authentication code' : 'CRC-32');
/** The series has no backup to restore or check. */
class NoBackupError extends errors/* NoBackupFoundError */.o_ {
    name = 'NoBackupError';
}
/** `restore`: one backup into `to`, planned whole and written through a journal that a failure undoes. */
async function restoreCommand(ctx, request) {
    const env_4 = { stack: [], error: void 0, hasError: false };
    try {
        await checkTarget(request.to, request.overwrite);
        const session = __addDisposableResource(env_4, session_session/* Session */.N.open(ctx), true);
        const { client } = session;
        const series = await readSeries(session);
        const [backup] = chooseBackups(series, ctx.config.backup, ctx.now, commands_where(ctx.config));
        if (!backup)
            return null;
        const verb = request.dryRun ? 'Restore (dry run)' : 'Restore';
        return await ctx.log.group(`${verb} ${backup.fileName}`, () => withDownload(client, ctx, backup, async (download) => {
            const { report, aes } = await restoreArchive(download.file, request.to, {
                password: ctx.config.archivePassword || undefined,
                overwrite: request.overwrite,
                delete: request.delete,
                dryRun: request.dryRun,
                include: request.include,
                exclude: request.exclude,
                keepSpecialBits: request.keepSpecialBits,
                verified: download.verified,
                log: ctx.log,
                signal: ctx.signal,
            });
            const count = report.files + report.links + report.directories;
            ctx.log.info(request.dryRun
                ? `Dry run: would create ${report.created}, replace ${report.replaced}, delete ${report.deleted}, leave ` +
                    `${report.kept + report.unchanged} as they are`
                : `Restored ${backup.fileName} into ${request.to}: ${report.created} created, ` +
                    `${report.replaced} replaced, ${report.deleted} deleted, ` +
                    `${report.kept + report.unchanged} left as they were`);
            const restored = {
                'file-name': backup.fileName,
                url: backup.url,
                size: backup.size,
                time: backup.time.toISOString(),
                'file-count': count,
                path: request.to,
                checked: `${download.checked}, then every entry's ${entryCheck(aes)}`,
                'dry-run': request.dryRun,
                created: report.created,
                replaced: report.replaced,
                unchanged: report.unchanged,
                kept: report.kept,
                deleted: report.deleted,
            };
            if (request.dryRun)
                restored.changes = report.changes;
            return restored;
        }));
    }
    catch (e_4) {
        env_4.error = e_4;
        env_4.hasError = true;
    }
    finally {
        const result_4 = __disposeResources(env_4);
        if (result_4)
            await result_4;
    }
}
/** Downloads a backup to a temporary file, hands it to `body` while it is checked, and always removes it after. */
async function withDownload(client, ctx, backup, body) {
    const temp = { path: ctx.tempDir ?? external_node_os_.tmpdir(), setting: ctx.tempDirSetting ?? 'TMPDIR' };
    // A full or read-only temporary disk is said as such, with the setting that moves it.
    const onDisk = (error, doing) => (0,errors/* diskFailure */.C9)(error, temp, doing, NOTHING_RESTORED) ?? error;
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join(temp.path, '1fichier-restore-')).catch((error) => {
        throw onDisk(error, 'Making the temporary folder for the download');
    });
    try {
        const options = {
            linkPassword: ctx.config.linkPassword,
            cdn: ctx.config.cdn,
            retries: ctx.config.retries,
            log: ctx.log,
            signal: ctx.signal,
            fileFailure: (error) => onDisk(error, `Downloading ${backup.fileName}`),
        };
        return await useDownload(client, backup, external_node_path_.join(dir, 'backup.zip'), options, (download) => {
            ctx.signal?.throwIfAborted();
            return body(download);
        });
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
const NOTHING_RESTORED = 'The target was not touched.';

;// CONCATENATED MODULE: ./lib/state/state-dir.js
// Where the run keeps what must outlive it: the last listing of each folder (1fichier's 30-second
// rule holds across processes), the account's last answer to user/info.cgi (1 call per 5 minutes),
// the last upload rate, and the series locks. Nothing secret goes there.


/**
 * ONEFICHIER_BACKUP_STATE_DIR when set; RUNNER_TEMP on a GitHub runner; else the user's cache folder
 * (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows).
 */
function stateDirectory(env = process.env, platform = process.platform, home = external_node_os_.homedir()) {
    if (env.ONEFICHIER_BACKUP_STATE_DIR)
        return { path: external_node_path_.resolve(env.ONEFICHIER_BACKUP_STATE_DIR), setting: 'ONEFICHIER_BACKUP_STATE_DIR' };
    if (env.RUNNER_TEMP)
        return { path: external_node_path_.join(env.RUNNER_TEMP, '1fichier-backup-state'), setting: 'RUNNER_TEMP' };
    if (platform === 'win32' && env.LOCALAPPDATA)
        return { path: external_node_path_.join(env.LOCALAPPDATA, '1fichier-backup'), setting: 'LOCALAPPDATA' };
    if (platform === 'darwin')
        return { path: external_node_path_.join(home, 'Library', 'Caches', '1fichier-backup'), setting: 'HOME' };
    if (env.XDG_CACHE_HOME && external_node_path_.isAbsolute(env.XDG_CACHE_HOME))
        return { path: external_node_path_.join(env.XDG_CACHE_HOME, '1fichier-backup'), setting: 'XDG_CACHE_HOME' };
    return { path: external_node_path_.join(home, '.cache', '1fichier-backup'), setting: 'HOME' };
}

;// CONCATENATED MODULE: ./lib/cli/repository.js
// The commands of the way back: `list`, `prune`, `check` and `restore`, on the session the shell
// (cli.ts) built, each printing plain lines or one --json document. Failures go back to the shell.








const isMode = (value) => OVERWRITE_MODES.includes(value ?? '');
function restoreRequest(line) {
    const { values } = line;
    const list = (value) => (Array.isArray(value) ? value.map(String) : []);
    const overwrite = values.overwrite;
    if (overwrite !== undefined && (typeof overwrite !== 'string' || !isMode(overwrite)))
        throw new UsageError(`--overwrite takes a mode: ${OVERWRITE_MODES.join(', ')}. See 1fichier-backup restore --help.`);
    return {
        to: String(values.to),
        overwrite: overwrite ?? null,
        delete: isOn(line, 'delete'),
        dryRun: isOn(line, 'dry-run'),
        include: list(values.include),
        exclude: list(values.exclude),
        keepSpecialBits: isOn(line, 'keep-special-bits'),
    };
}
/** One row of `list`: time, size, name, link, and (with keep-* rules) what keeps it. */
function listLine(row) {
    const keptBy = row['kept-by'];
    const kept = keptBy === undefined ? '' : keptBy.length > 0 ? `  ${keptBy.join(', ')}` : '  not kept';
    const time = row.time.replace('.000Z', 'Z');
    return `${time}  ${(0,format/* formatBytes */.z3)(row.size).padStart(10)}  ${row['file-name']}  ${row.url}${kept}`;
}
async function runRepositoryCommand(command, session) {
    const { line, print } = session;
    const input = (name) => {
        if (name in session.secrets)
            return session.secrets[name];
        // --dry-run is prune's input; restore's is part of its request.
        if (name === 'dry-run')
            return command === 'prune' && isOn(line, 'dry-run') ? 'true' : '';
        const value = line.values[name];
        return typeof value === 'string' ? value : '';
    };
    const config = (0,core_config/* parseRepositoryConfig */.gw)(input, session.series, { allowAll: command === 'check' });
    const ctx = {
        config,
        log: session.log,
        now: session.now,
        timeScale: timeScaleFromEnv(config.apiUrl),
        signal: session.signal,
        stateDir: stateDirectory(),
    };
    const json = isOn(line, 'json');
    switch (command) {
        case 'list': {
            const rows = await listCommand(ctx);
            if (json)
                print(JSON.stringify(rows, null, 2));
            else if (rows.length === 0)
                print(`No backup of series ${config.namePrefix} in ${(0,format/* showFolder */.Kg)(config.folder)}.`);
            else {
                // As restic's snapshots: a header, the rows, then the count.
                const keptBy = rows.some((r) => r['kept-by'] !== undefined) ? '  KEPT BY' : '';
                print(`${'TIME (UTC)'.padEnd(20)}  ${'SIZE'.padStart(10)}  NAME  URL${keptBy}`);
                for (const r of rows)
                    print(listLine(r));
                print(`${(0,format/* count */.U9)(rows.length, 'backup')} of series ${config.namePrefix} in ${(0,format/* showFolder */.Kg)(config.folder)}`);
            }
            return EXIT.ok;
        }
        case 'prune': {
            const outcome = await pruneCommand(ctx);
            const planned = outcome.plan?.remove.map((d) => ({ 'file-name': d.backup.fileName, url: d.backup.url })) ?? [];
            if (json) {
                print(JSON.stringify({
                    'dry-run': config.dryRun,
                    kept: outcome.plan?.keep.map((d) => ({
                        'file-name': d.backup.fileName,
                        url: d.backup.url,
                        reasons: d.reasons,
                    })) ?? [],
                    'planned-deletions': planned,
                    pruned: outcome.pruned.map((b) => ({ 'file-name': b.fileName, url: b.url })),
                    'not-pruned': outcome.notPruned.map((n) => ({ 'file-name': n.backup.fileName, reason: n.reason })),
                }, null, 2));
            }
            else if (outcome.plan) {
                print(config.dryRun
                    ? `Dry run: would delete ${planned.length}, keep ${outcome.plan.keep.length}`
                    : `Kept ${outcome.plan.keep.length}, deleted ${outcome.pruned.length}`);
            }
            return outcome.plan === null || outcome.notPruned.length > 0 ? EXIT.retentionIncomplete : EXIT.ok;
        }
        case 'check': {
            const results = await checkCommand(ctx);
            if (json)
                print(JSON.stringify(results, null, 2));
            else
                print(`Checked ${(0,format/* count */.U9)(results.length, 'backup')}: ${results.filter((r) => r.ok).length} sound, ` +
                    `${results.filter((r) => !r.ok).length} damaged`);
            return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
        }
        case 'restore': {
            const restored = await restoreCommand(ctx, restoreRequest(line));
            if (!restored)
                throw new NoBackupError(`The series ${config.namePrefix} has no backup in ${(0,format/* showFolder */.Kg)(config.folder)}: nothing was restored.`);
            if (json)
                print(JSON.stringify(restored, null, 2));
            else if (restored['dry-run'])
                for (const c of restored.changes ?? [])
                    print(`${c.action.padEnd(9)} ${c.path}`);
            else
                print(`Restored ${restored['file-name']} (${(0,format/* formatBytes */.z3)(restored.size)}, ${restored['file-count']} files, ` +
                    `links and folders) into ${restored.path}`);
            return EXIT.ok;
        }
    }
}

;// CONCATENATED MODULE: ./lib/cli/cli.js
// The command-line shell, for cron jobs and systemd timers outside GitHub: one parse for every
// command, the same engine as the action, plain log lines, one failure policy. The key comes from the
// environment or a file, never from an argument.

















async function runCli(argv, env = process.env) {
    // Every line this prints passes the redactor: the CLI has no runner to mask for it.
    const redactor = new Redactor([
        env.ONEFICHIER_API_KEY ?? '',
        env.ONEFICHIER_LINK_PASSWORD ?? '',
        env.ONEFICHIER_ARCHIVE_PASSWORD ?? '',
    ]);
    const redact = (text) => redactor.redact(text);
    if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(helpFor(COMMANDS.find((c) => argv.includes(c))));
        return EXIT.ok;
    }
    if (argv.includes('--version')) {
        process.stdout.write(`1fichier-backup ${VERSION}\n`);
        return EXIT.ok;
    }
    let line;
    let secrets;
    try {
        line = parseCommandLine(argv);
        secrets = readSecrets(env, line.values['key-file']);
    }
    catch (error) {
        process.stderr.write(`error: ${redact(describeFailure(error).summary)}\n`);
        return EXIT.usage;
    }
    for (const secret of Object.values(secrets))
        redactor.add(secret);
    const json = isOn(line, 'json');
    // stdout holds the result (with --json, one document); a backup without --json logs there too.
    const logOut = line.command === 'backup' && !json ? process.stdout : process.stderr;
    let logFile;
    const logFilePath = line.values['log-file'];
    if (typeof logFilePath === 'string') {
        try {
            logFile = (0,external_node_fs_.openSync)(logFilePath, 'a', 0o600);
        }
        catch (error) {
            const code = error.code ?? 'error';
            process.stderr.write(`error: --log-file ${redact(logFilePath)} cannot be opened for appending (${code}); give a file in a ` +
                `writable folder.\n`);
            return EXIT.usage;
        }
    }
    const cliLog = new CliLog(isOn(line, 'verbose'), logOut, process.stderr, isOn(line, 'quiet'), logFile);
    const log = new platform_log/* RedactingLog */.Ov(cliLog, redact);
    const cancellation = watchCancellation(log);
    const session = {
        line,
        secrets,
        log,
        final: (text) => cliLog.final(redact(text)),
        print: (text) => process.stdout.write(`${redact(text)}\n`),
        signal: cancellation.signal,
        now: new Date(),
        series: { repository: external_node_path_.basename(process.cwd()) },
        progress: backup_result/* NOTHING_DONE */.Lc,
    };
    try {
        return line.command === 'backup' ? await backupCommand(session) : await runRepositoryCommand(line.command, session);
    }
    catch (error) {
        const cancelled = cancellation.signal.aborted;
        const failure = describeFailure(error, {
            cancelled: cancelled
                ? { line: cancelledLine(line.command, session.progress), exitCode: exitCodeFor(cancellation.received) }
                : undefined,
            describeInput: (problem) => flagProblem(problem, secrets),
        });
        if (failure.unexpected)
            log.debug(error instanceof Error && error.stack ? error.stack : String(error));
        for (const text of failure.lines)
            log.error(text);
        if (json)
            session.print(JSON.stringify({
                status: cancelled ? 'cancelled' : 'failed',
                error: failure.summary,
                'exit-code': failure.exitCode,
                ...(line.command === 'backup' ? { deleted: session.progress.deleted } : {}),
            }, null, 2));
        return failure.exitCode;
    }
    finally {
        cancellation.dispose();
        if (logFile !== undefined)
            (0,external_node_fs_.closeSync)(logFile);
    }
}
/** The default command: zip, upload, verify, prune; the final line or --json's document. */
async function backupCommand(session) {
    const inputs = { ...backupInputs(session.line), ...session.secrets };
    const config = (0,core_config/* parseConfig */.o4)((name) => inputs[name] ?? '', session.series);
    // Loaded here: the backup brings @actions/glob (and through it @actions/core and a second undici),
    // 20 MB that list, restore, check and prune never use.
    const { runBackup } = await Promise.all(/* import() */[__webpack_require__.e(25), __webpack_require__.e(963)]).then(__webpack_require__.bind(__webpack_require__, 1963));
    const result = await runBackup({
        config,
        log: session.log,
        workspace: process.cwd(),
        tempDir: external_node_os_.tmpdir(),
        startedAt: session.now,
        timeScale: timeScaleFromEnv(config.apiUrl),
        signal: session.signal,
        onEvent: (event) => (session.progress = (0,backup_result/* recordEvent */.yM)(session.progress, event)),
        // In a terminal, upload progress every second; in a cron log, every 30 s.
        progressEveryMs: process.stdout.isTTY ? 1_000 : 30_000,
        stateDir: stateDirectory(),
    });
    if (isOn(session.line, 'json'))
        session.print(JSON.stringify(jsonResult(result), null, 2));
    else if (result.status !== 'no-files') {
        const what = {
            'dry-run': 'Dry run: would upload',
            unchanged: 'Unchanged, nothing uploaded; newest backup',
            uploaded: 'Backup',
        }[result.status];
        const retention = result.retention?.plan
            ? `; retention kept ${result.retention.plan.keep.length}, deleted ${result.retention.pruned.length}`
            : '';
        session.final(`${what} ${result.fileName} (${(0,format/* formatBytes */.z3)(result.size)}, ${result.fileCount} ` +
            `files)${result.url ? `: ${result.url}` : ''}${retention}`);
    }
    return retentionIncomplete(result) ? EXIT.retentionIncomplete : EXIT.ok;
}
/** What a signal left, in one line: the target as it was, or what the backup had done. */
function cancelledLine(command, progress) {
    if (command === 'backup')
        return `Cancelled. ${(0,backup_result/* describeProgress */.vk)(progress)}`;
    if (command === 'restore')
        return 'Cancelled; the target was left as it was.';
    return 'Cancelled; nothing more was written or deleted.';
}
/** An input's problem in the command line's words: the flag, or where the secret comes from. */
function flagProblem(problem, secrets) {
    if (problem.input === 'api-key' && secrets['api-key'].trim() === '')
        return ('No usable API key: set ONEFICHIER_API_KEY or use --key-file FILE (create a key at ' +
            'https://1fichier.com/console/params.pl)');
    const source = SECRET_SOURCES[problem.input];
    // A secret's example is the workflow's (`${{ secrets… }}`): the CLI names where it reads it instead.
    if (source)
        return `${source}: ${problem.problem}`;
    return `--${problem.input}: ${problem.problem}. Example of a good value: ${problem.example}`;
}
/** What the entry (cli/main.ts) runs: importing this module starts nothing. */
async function main() {
    process.exitCode = await runCli(process.argv.slice(2));
}


/***/ }),

/***/ 6641:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   U5: () => (/* binding */ KEEP_COUNT_INPUTS),
/* harmony export */   Xe: () => (/* binding */ retentionActive),
/* harmony export */   Ys: () => (/* binding */ KEEP_WITHIN_INPUTS),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gw: () => (/* binding */ parseRepositoryConfig),
/* harmony export */   hS: () => (/* binding */ InvalidInputs),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS)
/* harmony export */ });
/* unused harmony exports DEFAULT_API_URL, defaultNamePrefix */
/* harmony import */ var _retention_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1069);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8595);
// Every input, read and validated in one place into one typed object. Pure: the shells (action, CLI)
// hand in a lookup function, so nothing here touches the environment, the disk or the network.


/** 1fichier's longest file name. */
const MAX_FILE_NAME = 250;
/** One bad input: names it, says what is wrong, shows a good value. */
class InputError extends Error {
    input;
    problem;
    example;
    constructor(input, 
    /** What is wrong, without the input's name: each shell names the input in its own words. */
    problem, example) {
        super(`Input '${input}': ${problem}. Example of a good value: ${example}`);
        this.input = input;
        this.problem = problem;
        this.example = example;
        this.name = 'InputError';
    }
}
/** All the bad inputs at once, so a user fixes them in one go. */
class InvalidInputs extends Error {
    problems;
    constructor(problems) {
        super(problems.map((p) => p.message).join('\n'));
        this.problems = problems;
        this.name = 'InvalidInputs';
    }
}
const DEFAULT_API_URL = 'https://api.1fichier.com/v1';
const KEEP_COUNT_INPUTS = _retention_js__WEBPACK_IMPORTED_MODULE_0__/* .COUNT_RULES */ .Ok.map((rule) => `keep-${rule}`);
/** Every input, in action.yml's order (the CLI takes each one as a --flag but the secrets). */
const INPUT_NAMES = [
    'api-key',
    'path',
    'folder',
    'name-prefix',
    'label',
    'compression-level',
    'include-hidden-files',
    'follow-symlinks',
    'if-no-files-found',
    ...KEEP_COUNT_INPUTS,
    'keep-within',
    'keep-within-hourly',
    'keep-within-daily',
    'keep-within-weekly',
    'keep-within-monthly',
    'keep-within-yearly',
    'dry-run',
    'link-password',
    'archive-password',
    'skip-unchanged',
    'on-upload-failure',
    'retries',
    'stall-timeout-seconds',
    'api-url',
];
/** The inputs that are passwords: never trimmed, never printed, never a command-line argument. */
const SECRET_INPUTS = ['api-key', 'link-password', 'archive-password'];
const BOOLEAN_TRUE = ['true', 'True', 'TRUE'];
const BOOLEAN_FALSE = ['false', 'False', 'FALSE'];
// Characters 1fichier mangles or rejects in names (rclone escapes them), plus path and control characters.
const UNSAFE_FOLDER_CHARS = /[\\<>"'$`\u0000-\u001f\u007f]/;
/**
 * Each reader records its problem and returns a harmless placeholder, so that all the problems are
 * found in one go and the user fixes them at once.
 */
function problemCollector() {
    const problems = [];
    const attempt = (fallback, read) => {
        try {
            return read();
        }
        catch (error) {
            if (error instanceof InputError)
                problems.push(error);
            else if (error instanceof InvalidInputs)
                problems.push(...error.problems);
            else
                throw error;
            return fallback;
        }
    };
    return { problems, attempt };
}
function parseConfig(get, env = {}) {
    const { problems, attempt } = problemCollector();
    const apiKey = attempt('', () => readApiKey(get('api-key')));
    const patterns = attempt('', () => readPatterns(get('path')));
    const folder = attempt([], () => readFolder(get('folder')));
    const namePrefix = attempt('backup', () => readNamePrefix(get('name-prefix'), env.repository));
    const label = attempt('', () => readLabel(get('label')));
    const compressionLevel = attempt(6, () => readInteger('compression-level', get('compression-level'), { min: 0, max: 9, fallback: 6, example: '6' }));
    const includeHiddenFiles = attempt(false, () => readBoolean('include-hidden-files', get('include-hidden-files'), false));
    const followSymlinks = attempt(false, () => readBoolean('follow-symlinks', get('follow-symlinks'), false));
    const ifNoFilesFound = attempt('error', () => readIfNoFilesFound(get('if-no-files-found')));
    const retention = attempt({}, () => readRetention(get));
    const dryRun = attempt(false, () => readBoolean('dry-run', get('dry-run'), false));
    const linkPassword = attempt('', () => readLinkPassword(get('link-password')));
    const archivePassword = attempt('', () => readArchivePassword(get('archive-password')));
    const skipUnchanged = attempt(false, () => readBoolean('skip-unchanged', get('skip-unchanged'), false));
    const onUploadFailure = attempt('fail', () => readOnUploadFailure(get('on-upload-failure')));
    const retries = attempt(5, () => readInteger('retries', get('retries'), { min: 1, max: 100, fallback: 5, example: '5' }));
    const stallTimeoutSeconds = attempt(300, () => readInteger('stall-timeout-seconds', get('stall-timeout-seconds'), {
        min: 5,
        max: 86_400,
        fallback: 300,
        example: '300',
    }));
    const apiUrl = attempt(DEFAULT_API_URL, () => readApiUrl(get('api-url')));
    const nameLength = (0,_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .backupFileName */ .iP)(namePrefix, new Date(0), label).length;
    if (nameLength > MAX_FILE_NAME) {
        problems.push(new InputError(label === '' ? 'name-prefix' : 'label', `the backup's file name would be ${nameLength} characters, more than the ${MAX_FILE_NAME} 1fichier accepts; ` +
            `shorten name-prefix or label`, 'my-repo'));
    }
    if (problems.length > 0)
        throw new InvalidInputs(problems);
    return {
        apiKey,
        patterns,
        folder,
        namePrefix,
        label,
        compressionLevel,
        includeHiddenFiles,
        followSymlinks,
        ifNoFilesFound,
        retention,
        dryRun,
        linkPassword,
        archivePassword,
        skipUnchanged,
        onUploadFailure,
        retries,
        stallTimeoutMs: stallTimeoutSeconds * 1000,
        apiUrl,
    };
}
function readApiKey(raw) {
    // Used exactly as stored: never trimmed, and never echoed (the problem is described, not shown).
    if (raw.trim() === '') {
        throw new InputError('api-key', 'it is empty; set it from a secret (create a key at https://1fichier.com/console/params.pl)', '${{ secrets.ONEFICHIER_API_KEY }}');
    }
    if (!/^[\x21-\x7e]+$/.test(raw)) {
        throw new InputError('api-key', 'it is not printable ASCII without spaces (white space around it, a line break or another character); copy ' +
            'the key again from https://1fichier.com/console/params.pl', '${{ secrets.ONEFICHIER_API_KEY }}');
    }
    return raw;
}
function readPatterns(raw) {
    const lines = raw
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
    if (!lines.some((line) => !line.startsWith('!'))) {
        throw new InputError('path', lines.length === 0 ? 'no path given' : 'only exclusions (!pattern) given, nothing to include', '"data/" or, on several lines, "data/", "config/*.yml", "!data/cache/**"');
    }
    return lines.join('\n');
}
function readFolder(raw) {
    const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
    if (trimmed === '')
        return [];
    const segments = trimmed.split('/');
    for (const segment of segments) {
        if (segment === '')
            throw new InputError('folder', `'${raw}' has an empty segment (//)`, 'backups/my-repo');
        if (segment === '.' || segment === '..') {
            throw new InputError('folder', `'${raw}' contains '${segment}'; give the path from the account root`, 'backups/my-repo');
        }
        if (segment !== segment.trim()) {
            throw new InputError('folder', `segment '${segment}' starts or ends with a space`, 'backups/my-repo');
        }
        if (UNSAFE_FOLDER_CHARS.test(segment)) {
            throw new InputError('folder', `segment '${segment}' contains a character 1fichier does not accept in names (\\ < > " ' $ \` or a control ` +
                `character)`, 'backups/my-repo');
        }
        if (segment.length > 250) {
            throw new InputError('folder', `segment '${segment.slice(0, 20)}...' is longer than 250 characters`, 'backups/my-repo');
        }
    }
    return segments;
}
/** The default prefix comes from the repository name, cleaned to the allowed characters. */
function defaultNamePrefix(repository) {
    const name = (repository ?? '').split('/').pop() ?? '';
    const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
    return cleaned === '' ? 'backup' : cleaned;
}
function readNamePrefix(raw, repository) {
    const prefix = raw.trim();
    if (prefix === '')
        return defaultNamePrefix(repository);
    if (!_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .NAME_PART */ .y3.test(prefix)) {
        throw new InputError('name-prefix', `'${prefix}' may contain only letters, digits, '.', '_' and '-'`, 'my-repo');
    }
    if (prefix.length > 150)
        throw new InputError('name-prefix', 'it is longer than 150 characters', 'my-repo');
    return prefix;
}
function readLabel(raw) {
    const label = raw.trim();
    if (label === '')
        return '';
    if (!_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .NAME_PART */ .y3.test(label)) {
        throw new InputError('label', `'${label}' may contain only letters, digits, '.', '_' and '-' (a ref like refs/tags/v1 must be shortened)`, 'v1.4.0');
    }
    if (label.length > 80)
        throw new InputError('label', 'it is longer than 80 characters', 'v1.4.0');
    return label;
}
function readInteger(input, raw, rule) {
    const text = raw.trim();
    if (text === '')
        return rule.fallback;
    if (!/^\d+$/.test(text)) {
        throw new InputError(input, `'${text}' is not a whole number from ${rule.min} to ${rule.max}`, rule.example);
    }
    const value = Number(text);
    if (value < rule.min || value > rule.max) {
        throw new InputError(input, `${text} is outside ${rule.min} to ${rule.max}`, rule.example);
    }
    return value;
}
function readBoolean(input, raw, fallback) {
    const text = raw.trim();
    if (text === '')
        return fallback;
    if (BOOLEAN_TRUE.includes(text))
        return true;
    if (BOOLEAN_FALSE.includes(text))
        return false;
    throw new InputError(input, `'${text}' is not true or false`, 'true');
}
function readIfNoFilesFound(raw) {
    const text = raw.trim();
    if (text === '')
        return 'error';
    if (text === 'error' || text === 'warn' || text === 'ignore')
        return text;
    throw new InputError('if-no-files-found', `'${text}' is not one of error, warn, ignore`, 'error');
}
/** keep-within and restic's keep-within-<period> inputs, with their policy keys. */
const KEEP_WITHIN_INPUTS = [
    ['keep-within', 'within'],
    ..._retention_js__WEBPACK_IMPORTED_MODULE_0__/* .WITHIN_RULES */ .sO.map(([key, period]) => [`keep-within-${period}`, key]),
];
function readRetention(get) {
    const policy = {};
    const problems = [];
    for (const input of KEEP_COUNT_INPUTS) {
        const text = get(input).trim();
        if (text === '')
            continue;
        // restic's -1: every period, as far back as the series goes.
        if (text === 'unlimited') {
            policy[input.slice('keep-'.length)] = Infinity;
            continue;
        }
        if (!/^\d+$/.test(text) || Number(text) > 1_000_000) {
            problems.push(new InputError(input, `'${text}' is not a whole number of 0 or more (0 turns the rule off), or unlimited`, '7'));
            continue;
        }
        policy[input.slice('keep-'.length)] = Number(text);
    }
    for (const [input, key] of KEEP_WITHIN_INPUTS) {
        const text = get(input).trim();
        if (text === '')
            continue;
        try {
            policy[key] = (0,_retention_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text);
        }
        catch (error) {
            problems.push(new InputError(input, error.message, '30d (units: h, d, w, m, y; e.g. 36h, 8w, 1y6m)'));
        }
    }
    if (problems.length === 1)
        throw problems[0];
    if (problems.length > 1)
        throw new InvalidInputs(problems);
    return policy;
}
function readLinkPassword(raw) {
    if (raw === '')
        return '';
    if (raw.trim() !== raw) {
        // Used exactly as stored: white space around it is refused, never silently dropped.
        throw new InputError('link-password', 'it starts or ends with white space (often a copy-paste slip); remove it where the password is kept', 'a secret of 6 or more characters');
    }
    if (raw.length < 6) {
        // Said without the value: it is a secret.
        throw new InputError('link-password', 'it is shorter than the 6 characters 1fichier requires', 'a secret of 6 or more characters');
    }
    if (/[\u0000-\u001f\u007f]/.test(raw)) {
        throw new InputError('link-password', 'it contains a line break or control character', 'a secret of 6 or more characters');
    }
    return raw;
}
/** WinZip and 7-Zip take any length; a short one is guessed quickly (PBKDF2 has only 1,000 rounds). */
const MIN_ARCHIVE_PASSWORD = 12;
function readArchivePassword(raw) {
    if (raw === '')
        return '';
    const example = 'a secret of 12 or more characters, e.g. from `openssl rand -base64 24`';
    // Said without the value: it is a secret.
    if (raw.length < MIN_ARCHIVE_PASSWORD) {
        throw new InputError('archive-password', `it is shorter than ${MIN_ARCHIVE_PASSWORD} characters, too easy to guess offline`, example);
    }
    if (raw.trim() !== raw) {
        throw new InputError('archive-password', 'it starts or ends with white space (often a copy-paste slip, and easy to lose when typing it into 7-Zip)', example);
    }
    if (/[\u0000-\u001f\u007f]/.test(raw)) {
        throw new InputError('archive-password', 'it contains a line break or control character', example);
    }
    return raw;
}
function readOnUploadFailure(raw) {
    const value = raw.trim();
    if (value === '' || value === 'fail')
        return 'fail';
    if (value === 'artifact')
        return 'artifact';
    throw new InputError('on-upload-failure', `'${value}' is not one of fail, artifact`, 'artifact');
}
/** Whether a URL's host is this machine (localhost, 127.0.0.0/8, ::1): the only place plain http may go. */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
function readApiUrl(raw) {
    const text = raw.trim();
    if (text === '')
        return DEFAULT_API_URL;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new InputError('api-url', `'${text}' is not a URL`, DEFAULT_API_URL);
    }
    // The key travels in a header: plain http is allowed only to this machine.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        throw new InputError('api-url', `'${text}' must use https (plain http only to localhost)`, DEFAULT_API_URL);
    }
    if (url.username !== '' || url.password !== '') {
        throw new InputError('api-url', 'it must not contain credentials; the key goes in api-key', DEFAULT_API_URL);
    }
    if (url.search !== '' || url.hash !== '') {
        throw new InputError('api-url', `'${text}' must not have a query or fragment`, DEFAULT_API_URL);
    }
    return url.toString().replace(/\/+$/, '');
}
/** A retention policy is active when at least one rule keeps something. */
function retentionActive(policy) {
    return (KEEP_COUNT_INPUTS.some((input) => (policy[input.slice(5)] ?? 0) > 0) ||
        KEEP_WITHIN_INPUTS.some(([, key]) => policy[key] !== undefined && !isZeroDuration(policy[key])));
}
function isZeroDuration(d) {
    return d.years === 0 && d.months === 0 && d.days === 0 && d.hours === 0;
}
function parseRepositoryConfig(get, env = {}, options = {}) {
    const { problems, attempt } = problemCollector();
    const config = {
        apiKey: attempt('', () => readApiKey(get('api-key'))),
        folder: attempt([], () => readFolder(get('folder'))),
        namePrefix: attempt('backup', () => readNamePrefix(get('name-prefix'), env.repository)),
        retention: attempt({}, () => readRetention(get)),
        dryRun: attempt(false, () => readBoolean('dry-run', get('dry-run'), false)),
        linkPassword: attempt('', () => readLinkPassword(get('link-password'))),
        archivePassword: attempt('', () => readArchivePassword(get('archive-password'))),
        backup: attempt('latest', () => readBackupChoice(get('backup'), options.allowAll ?? false)),
        cdn: attempt(false, () => readBoolean('cdn', get('cdn'), false)),
        retries: attempt(5, () => readInteger('retries', get('retries'), { min: 1, max: 100, fallback: 5, example: '5' })),
        stallTimeoutMs: 1000 *
            attempt(300, () => readInteger('stall-timeout-seconds', get('stall-timeout-seconds'), {
                min: 5,
                max: 86_400,
                fallback: 300,
                example: '300',
            })),
        apiUrl: attempt(DEFAULT_API_URL, () => readApiUrl(get('api-url'))),
    };
    if (problems.length > 0)
        throw new InvalidInputs(problems);
    return config;
}
function readBackupChoice(raw, allowAll) {
    const text = raw.trim();
    if (text === '' || text === 'latest')
        return 'latest';
    if (text === 'all' && allowAll)
        return 'all';
    if (!/^[A-Za-z0-9._-]+\.zip$/.test(text)) {
        throw new InputError('backup', `'${text}' is not ${allowAll ? 'latest, all' : 'latest'} or the file name of a backup`, 'latest, or my-repo-20261128T031500Z.zip');
    }
    return text;
}


/***/ }),

/***/ 3828:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C9: () => (/* binding */ diskFailure),
/* harmony export */   NE: () => (/* binding */ NoFilesError),
/* harmony export */   Ye: () => (/* binding */ ArchivePasswordError),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   gD: () => (/* binding */ headlineOf),
/* harmony export */   hj: () => (/* binding */ BackupError),
/* harmony export */   mk: () => (/* binding */ VerificationError),
/* harmony export */   o_: () => (/* binding */ NoBackupFoundError),
/* harmony export */   u6: () => (/* binding */ SeriesLockedError),
/* harmony export */   zR: () => (/* binding */ asError)
/* harmony export */ });
// Failures of the run that are not 1fichier's: each says what happened and what to do.
/** What went wrong, in words, whatever was thrown (an Error, or anything else). */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Whatever was thrown, as an Error (a rejection or a rethrow must be one). */
function asError(error) {
    return error instanceof Error ? error : new Error(String(error));
}
/**
 * What went wrong without the advice that follows it, for a line that goes on to say what happens
 * next: an error's own headline when it has one (1fichier's failures), else its message.
 */
function headlineOf(error) {
    const headline = error?.headline;
    return typeof headline === 'string' ? headline : messageOf(error);
}
/** A failure whose message is the whole story for the user: printed as one line, no stack trace. */
class BackupError extends Error {
    name = 'BackupError';
}
/** Nothing matched `path` and if-no-files-found is `error`. */
class NoFilesError extends BackupError {
    name = 'NoFilesError';
}
/** The uploaded copy is not what was sent, or not where it was sent. */
class VerificationError extends BackupError {
    name = 'VerificationError';
}
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);
/**
 * A failure of the disk the zip is written on, in one line that names the folder and what to do;
 * undefined for any other error. Never "Unexpected failure" for a full disk or a missing folder.
 */
function diskFailure(error, temp, doing, 
/** What the failure left, said last. */
left = 'Nothing was uploaded or deleted.') {
    const { code, path: failedPath } = (error ?? {});
    if (code === undefined)
        return undefined;
    // An error of a file outside the folder (one being backed up) is not the folder's.
    if (typeof failedPath === 'string' && !failedPath.startsWith(temp.path))
        return undefined;
    const where = `'${temp.path}'`;
    const elsewhere = `or set ${temp.setting} to a folder on a disk with room`;
    if (DISK_FULL.has(code))
        return new BackupError(`${doing} in ${where} failed: the disk is full (${code}). Free space there, ${elsewhere}. ${left}`);
    if (NOT_WRITABLE.has(code))
        return new BackupError(`${doing} in ${where} failed: the folder is not writable (${code}). Make it writable, ${elsewhere}. ${left}`);
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return new BackupError(`${doing} in ${where} failed: the folder does not exist (${code}). Create it, or set ${temp.setting} to a ` +
            `folder that exists. ${left}`);
    if (code === 'EIO')
        return new BackupError(`${doing} in ${where} failed: the disk reported an I/O error (EIO). Check the disk, ${elsewhere}. ${left}`);
    return undefined;
}
/** The series (its folder) or the chosen backup does not exist: exit code 10 (restic's "no repository"). */
class NoBackupFoundError extends BackupError {
    name = 'NoBackupFoundError';
}
/** The archive password is missing or does not open the backup: exit code 12 (restic's "wrong password"). */
class ArchivePasswordError extends BackupError {
    name = 'ArchivePasswordError';
}
/** Another run of the same series holds its lock: this one changed nothing (exit code 11, as restic). */
class SeriesLockedError extends BackupError {
    name = 'SeriesLockedError';
}


/***/ }),

/***/ 5888:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kg: () => (/* binding */ showFolder),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   hN: () => (/* binding */ escapeControl),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
// Human-readable sizes and durations for logs and the summary.
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${Math.round(bytes)} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
/** A name as a message may show it: control characters (a newline, an escape sequence) as \xNN. */
function escapeControl(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
/** A 1fichier folder as messages show it, quoted: its path, or '/' for the account's root. */
function showFolder(folder) {
    const path = typeof folder === 'string' ? folder : folder.join('/');
    return `'${escapeControl(path || '/')}'`;
}
/** "1 file", "2 files", "1 entry", "3 entries": a count with its noun. */
function count(n, singular, plural = `${singular}s`) {
    return `${n} ${n === 1 ? singular : plural}`;
}


/***/ }),

/***/ 8595:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ seriesMembership),
/* harmony export */   iP: () => (/* binding */ backupFileName),
/* harmony export */   y3: () => (/* binding */ NAME_PART)
/* harmony export */ });
/* unused harmony exports formatTimestamp, seriesPattern */
// Backup names: `<prefix>-<YYYYMMDD>T<HHMMSS>Z[-<label>].zip`. The name is the only thing that
// places a backup in time and in a series; 1fichier's own `date` has no zone and is never used.
/** What a user-given prefix or label may contain. */
const NAME_PART = /^[A-Za-z0-9._-]+$/;
function formatTimestamp(time) {
    return time
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
}
function backupFileName(prefix, time, label = '') {
    return `${prefix}-${formatTimestamp(time)}${label === '' ? '' : `-${label}`}.zip`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
/** The whole-name pattern of a series; nothing that fails it is ever touched. */
function seriesPattern(prefix) {
    return new RegExp(`^${escapeRegExp(prefix)}-(\\d{8}T\\d{6}Z)(?:-[A-Za-z0-9._-]+)?\\.zip$`);
}
/** Whether a file name belongs to the series, and when it was made if its timestamp is a real time. */
function seriesMembership(prefix, fileName) {
    const match = seriesPattern(prefix).exec(fileName);
    if (!match?.[1])
        return { member: false };
    const time = parseTimestamp(match[1]);
    return time ? { member: true, time } : { member: true, time: null, reason: `'${match[1]}' is not a real time` };
}
function parseTimestamp(stamp) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
    if (!m)
        return null;
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
    const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    // Date.UTC rolls 2026-02-30 over to March; such a name is not a real time.
    if (time.getUTCFullYear() !== year ||
        time.getUTCMonth() !== month - 1 ||
        time.getUTCDate() !== day ||
        time.getUTCHours() !== hour ||
        time.getUTCMinutes() !== minute ||
        time.getUTCSeconds() !== second) {
        return null;
    }
    return time;
}


/***/ }),

/***/ 1069:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ok: () => (/* binding */ COUNT_RULES),
/* harmony export */   SA: () => (/* binding */ planRetention),
/* harmony export */   sO: () => (/* binding */ WITHIN_RULES)
/* harmony export */ });
/* unused harmony exports isoWeek, durationLabel, subtractDuration */
// Which backups of a series to keep: restic `forget` semantics, as a pure function. Nothing here
// can reach the network or the disk; the caller lists, this decides, the caller deletes.
/** The within-<period> rules, each with its period. */
const WITHIN_RULES = [
    ['withinHourly', 'hourly'],
    ['withinDaily', 'daily'],
    ['withinWeekly', 'weekly'],
    ['withinMonthly', 'monthly'],
    ['withinYearly', 'yearly'],
];
/** restic's count rules, in its order: the one list the inputs, the plan and the summary use. */
const COUNT_RULES = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'];
const pad = (n, width = 2) => String(n).padStart(width, '0');
/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(time) {
    const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
    const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
    const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
    return { year: day.getUTCFullYear(), week: Math.floor((day.getTime() - yearStart) / 86_400_000 / 7) + 1 };
}
/** The period a backup falls in for a rule, as the label shown in reasons. */
function period(rule, t) {
    const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    switch (rule) {
        case 'hourly':
            return `${date}T${pad(t.getUTCHours())}`;
        case 'daily':
            return date;
        case 'weekly': {
            const { year, week } = isoWeek(t);
            return `${year}-W${pad(week)}`;
        }
        case 'monthly':
            return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
        case 'yearly':
            return String(t.getUTCFullYear());
    }
}
/** `36h`, `30d`, `8w`, `6m`, `1y`, or combined (`1y6m`). */
function parseDuration(text) {
    const trimmed = text.trim();
    if (!/^(\d+[hdwmy])+$/.test(trimmed)) {
        throw new Error(`'${text}' is not a duration: give a number and a unit (h, d, w, m, y), e.g. 36h, 30d, 8w, 6m, 1y`);
    }
    const duration = { years: 0, months: 0, days: 0, hours: 0 };
    for (const [, amount, unit] of trimmed.matchAll(/(\d+)([hdwmy])/g)) {
        const n = Number(amount);
        if (n > 100_000)
            throw new Error(`'${text}' is too long a duration`);
        if (unit === 'h')
            duration.hours += n;
        else if (unit === 'd')
            duration.days += n;
        else if (unit === 'w')
            duration.days += 7 * n;
        else if (unit === 'm')
            duration.months += n;
        else
            duration.years += n;
    }
    return duration;
}
function durationLabel(d) {
    const parts = [
        d.years ? `${d.years}y` : '',
        d.months ? `${d.months}m` : '',
        d.days ? `${d.days}d` : '',
        d.hours ? `${d.hours}h` : '',
    ].join('');
    return parts === '' ? '0h' : parts;
}
/** `time - d` with calendar arithmetic, as Go's AddDate: 31 March minus 1 month is 3 March. */
function subtractDuration(time, d) {
    return new Date(Date.UTC(time.getUTCFullYear() - d.years, time.getUTCMonth() - d.months, time.getUTCDate() - d.days, time.getUTCHours() - d.hours, time.getUTCMinutes(), time.getUTCSeconds(), time.getUTCMilliseconds()));
}
function planRetention(series, policy, options) {
    // Newest first; for equal times the name decides, so the plan never depends on listing order.
    const sorted = [...series].sort((a, b) => b.time.getTime() - a.time.getTime() || (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
    const now = options.now.getTime();
    const protect = options.protect ?? new Set();
    const future = sorted.filter((b) => b.time.getTime() > now);
    const reference = sorted.find((b) => b.time.getTime() <= now)?.time ?? null;
    const withinCutoff = policy.within && reference ? subtractDuration(reference, policy.within).getTime() : null;
    const withinCutoffs = new Map();
    for (const [key] of WITHIN_RULES) {
        const d = policy[key];
        if (d && reference)
            withinCutoffs.set(key, subtractDuration(reference, d).getTime());
    }
    const lastWithin = new Map();
    const slots = new Map(COUNT_RULES.map((rule) => [rule, policy[rule] ?? 0]));
    const lastPeriod = new Map();
    const decisions = sorted.map((backup, index) => {
        const reasons = [];
        const isOldest = index === sorted.length - 1;
        if (protect.has(backup.url))
            reasons.push('new backup');
        if (backup.time.getTime() > now)
            reasons.push('dated in the future, never deleted');
        if (withinCutoff !== null &&
            policy.within &&
            backup.time.getTime() > withinCutoff &&
            backup.time.getTime() <= now) {
            reasons.push(`within ${durationLabel(policy.within)}`);
        }
        // within-<period>: inside its window, the newest backup of each period (no count, no oldest rule).
        for (const [key, rule] of WITHIN_RULES) {
            const cutoff = withinCutoffs.get(key);
            if (cutoff === undefined || backup.time.getTime() <= cutoff || backup.time.getTime() > now)
                continue;
            const label = period(rule, backup.time);
            // Like an unlimited count (restic), it also keeps the oldest backup when that is in its window.
            if (lastWithin.get(key) === label) {
                if (isOldest)
                    reasons.push(`oldest within-${rule} ${durationLabel(policy[key])}`);
                continue;
            }
            lastWithin.set(key, label);
            reasons.push(`within-${rule} ${durationLabel(policy[key])}: ${label}`);
        }
        for (const rule of COUNT_RULES) {
            const left = slots.get(rule) ?? 0;
            if (left <= 0)
                continue;
            const label = rule === 'last' ? String(index) : period(rule, backup.time);
            const newPeriod = label !== lastPeriod.get(rule);
            // A rule with slots left when the walk reaches the oldest backup keeps it too (restic, #3624).
            if (newPeriod || isOldest) {
                slots.set(rule, left - 1);
                lastPeriod.set(rule, label);
                if (rule === 'last')
                    reasons.push(policy.last === Infinity ? 'last (unlimited)' : `last ${(policy.last ?? 0) - left + 1}`);
                else
                    reasons.push(newPeriod ? `${rule} ${label}` : `oldest ${rule}`);
            }
        }
        return { backup, keep: reasons.length > 0, reasons };
    });
    return {
        decisions,
        keep: decisions.filter((d) => d.keep),
        remove: decisions.filter((d) => !d.keep),
        reference,
        future,
    };
}


/***/ }),

/***/ 6320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x7: () => (/* binding */ LISTING_LIMIT),
  UT: () => (/* binding */ OneFichierClient),
  Kj: () => (/* binding */ ROOT_FOLDER_ID),
  bD: () => (/* binding */ listingMayBeIncomplete)
});

// EXTERNAL MODULE: ./lib/onefichier/errors.js
var errors = __webpack_require__(7511);
// EXTERNAL MODULE: ./lib/onefichier/file-id.js
var file_id = __webpack_require__(6158);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./lib/onefichier/file-body.js
// The upload body: the zip read into a few buffers used over and over, not a fresh 1 MiB buffer
// per read (dead buffers pile up until V8 collects them, tens of MB of them).
//
// Reuse is safe because undici pulls an iterable body one chunk at a time (client-h1.js,
// writeIterable): it asks for the next chunk only once socket.write() of this one returned true,
// which for a chunk above the socket's high-water mark means the write already finished, or once
// the socket drained, which means every write finished. Besides, a buffer is refilled only after
// RING - 1 further chunks have gone out. A mistake here could only change bytes on the wire, and
// the verification after the upload (size and Whirlpool from 1fichier) would catch it.

const CHUNK_SIZE = 1 << 20;
const RING = 4;
async function* fileBody(filePath, options) {
    yield options.preamble;
    const file = await (0,promises_.open)(filePath, 'r');
    try {
        const ring = Array.from({ length: RING }, () => Buffer.allocUnsafeSlow(CHUNK_SIZE));
        let position = 0;
        for (let turn = 0;; turn++) {
            const buffer = ring[turn % RING];
            const { bytesRead } = await file.read(buffer, 0, CHUNK_SIZE, position);
            if (bytesRead === 0)
                break;
            position += bytesRead;
            options.onChunk?.(position);
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        await file.close();
    }
    yield options.epilogue;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/onefichier/multipart.js
// A multipart/form-data body with its exact length known up front: 1fichier requires a
// Content-Length on upload.cgi, so the file is streamed between a fixed preamble and epilogue.
// Laid out as Go's mime/multipart writes it (rclone's client): fields first, then `file[]`.

function escapeQuoted(text) {
    return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
function multipartLayout(fields, file, boundary = (0,external_node_crypto_.randomBytes)(30).toString('hex')) {
    const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"\r\n\r\n${value}\r\n`);
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(file.field)}"; ` +
        `filename="${escapeQuoted(file.fileName)}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n');
    const preamble = Buffer.from(parts.join(''), 'utf8');
    const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
    return {
        // Unquoted boundary: an older client found quoted ones refused.
        contentType: `multipart/form-data; boundary=${boundary}`,
        preamble,
        epilogue,
        contentLength: preamble.length + file.size + epilogue.length,
    };
}

// EXTERNAL MODULE: ./lib/onefichier/transport.js
var transport = __webpack_require__(4767);
;// CONCATENATED MODULE: ./lib/onefichier/upload-answer.js
// What upload.cgi and end.pl answer besides success, as the real service was seen to answer
// (CSUploader, verified against the live site in 2026; ../shared/1fichier-api.md section 17): a
// refused upload is HTTP 200 with a page whose reason, in French, is in the first non-empty
// `<div class="bloc2">`; a scanned upload makes end.pl answer "Veuillez patienter" / "Please wait".


/** The node's storage failed: the same file may be sent to a fresh node. */
const STORAGE_FAILED = /ne peut ouvrir le fichier destination/i;
/** The request held no file part the node could read: sending the same request again cannot help. */
const NO_FILE_FOUND = /pas de fichier trouv/i;
const SCAN_WAIT = /veuillez patienter|please wait/i;
/**
 * Throws unless upload.cgi answered its success, a redirect to end.pl: any other answer is a
 * refusal (the file is not counted as uploaded), told with the page's own words. `sent` says what
 * the request held (no secret in it), for the refusal no retry helps.
 */
function checkUploadAnswer(operation, response, sent) {
    const location = firstHeader(response.headers.location);
    if (response.status >= 300 && response.status < 400) {
        if (location !== undefined && /(^|\/)end\.pl\?(.*&)?xid=/.test(location))
            return;
        throw new errors/* UploadRefused */.gH('fatal', operation, `the upload node redirected to ${location ? `'${location.split('?')[0]}'` : 'nowhere'} instead of end.pl; the ` +
            `upload is not counted`, response.status);
    }
    if (response.status >= 400)
        (0,transport/* parseApiAnswer */.uD)(operation, response);
    throw refusal(operation, response, sent);
}
function refusal(operation, response, sent) {
    const reason = refusalReason(response.text);
    const quoted = reason ? `"${reason}"` : 'an empty page';
    if (STORAGE_FAILED.test(reason))
        return new errors/* UploadRefused */.gH('retryable', operation, `the upload node could not store the file (${quoted}: its storage failed) and kept nothing`, response.status);
    if (NO_FILE_FOUND.test(reason))
        return new errors/* UploadRefused */.gH('fatal', operation, `the upload node found no file in the request (${quoted}); sent: ${sent}. Sending it again cannot help: ` +
            `a proxy may have changed the body; otherwise report this line as a bug of 1fichier-backup`, response.status);
    const kind = (0,errors/* classify */.L8)(response.status >= 400 ? response.status : 403, reason);
    return new errors/* UploadRefused */.gH(kind === 'flood' || kind === 'auth' || kind === 'account' || kind === 'quota' ? kind : 'fatal', operation, `the upload node answered HTTP ${response.status} with ${quoted} instead of its redirect to end.pl; the upload ` +
        `is not counted`, response.status);
}
/** The first non-empty `<div class="bloc2">` of the page, else the whole page's words (cut short). */
function refusalReason(html) {
    for (const match of html.matchAll(/<div\b[^>]*\bclass\s*=\s*["'][^"']*\bbloc2\b[^"']*["'][^>]*>([\s\S]*?)<\/div>/gi)) {
        const text = (0,transport/* pageText */.xe)(match[1] ?? '');
        if (text)
            return text;
    }
    return (0,transport/* pageText */.xe)(html);
}
/** end.pl's "please wait" page while the upload is scanned (no list of links in it). */
function isScanWait(response) {
    try {
        const json = JSON.parse(response.text);
        if (json !== null && typeof json === 'object' && Array.isArray(json.links))
            return false;
    }
    catch {
        // A page: its words decide.
    }
    return SCAN_WAIT.test((0,transport/* pageText */.xe)(response.text, 2_000));
}
/** end.pl's scan wait as an error the retry rule passes up (kind `pending`) to the one wait for it. */
function scanPending(operation) {
    return new errors/* OneFichierError */.p7('pending', operation, '1fichier is still scanning the upload (antivirus)');
}
function firstHeader(value) {
    return Array.isArray(value) ? value[0] : value;
}

// EXTERNAL MODULE: ./lib/onefichier/types.js
var types = __webpack_require__(9151);
;// CONCATENATED MODULE: ./lib/onefichier/account.js
// user/info.cgi's answer, read leniently: rclone declares its fields as strings, the swagger as
// numbers, and a field may be missing. Only what the run acts on is kept.

function accountFacts(answer) {
    const facts = {};
    const offer = (0,types/* toNumber */.R)(answer.offer);
    if (offer !== undefined && Number.isInteger(offer))
        facts.offer = offer;
    const forbidden = flag(answer.upload_forbidden);
    if (forbidden !== undefined)
        facts.uploadForbidden = forbidden;
    const over = flag(answer.overquota);
    if (over !== undefined)
        facts.overQuota = over;
    const end = answer.subscription_end;
    if (typeof end === 'string' && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(end))
        facts.subscriptionEnd = end;
    const cold = (0,types/* toNumber */.R)(answer.cold_storage);
    if (cold !== undefined)
        facts.coldStorage = cold;
    const allowed = (0,types/* toNumber */.R)(answer.allowed_cold_storage);
    if (allowed !== undefined)
        facts.allowedColdStorage = allowed;
    return facts;
}
/** 1, "1", true: set; 0, "0", false: not set; anything else: unknown. */
function flag(value) {
    if (value === true || value === 1 || value === '1')
        return true;
    if (value === false || value === 0 || value === '0')
        return false;
    return undefined;
}

;// CONCATENATED MODULE: ./lib/onefichier/client.js
// One small function per 1fichier endpoint, and nothing else (rclone's api.go). What a folder or a
// backup means lives in the callers.








const ROOT_FOLDER_ID = 0;
/** The API page: one listing per folder per 30 s (a second more, for the time a request takes). */
const LISTING_INTERVAL_MS = 31_000;
/** The API documents at most 5,000 results per folder listing: a full page may be cut short. */
const LISTING_LIMIT = 5_000;
/** Listings whose answer counted more files than it listed. */
const shortListings = new WeakSet();
/**
 * Whether a listing may lack files: as many items as the API ever returns, or fewer than its own
 * `count`. Nothing is deleted, and no "latest" picked, on the strength of such a listing.
 */
function listingMayBeIncomplete(items) {
    return items.length >= LISTING_LIMIT || shortListings.has(items);
}
/** user/info.cgi is advice: a stalled answer never holds a backup longer than this. */
const ACCOUNT_INFO_TIMEOUT_MS = 20_000;
/** end.pl's antivirus wait: at most this long (a C# client waits 5 minutes), asking again this often. */
const SCAN_WAIT_MS = 5 * 60_000;
const SCAN_POLL_MS = 10_000;
/** A node asked for ahead of the upload is used only this soon after: how long 1fichier keeps one is not documented. */
const PREFETCHED_SERVER_MAX_AGE_MS = 60_000;
class OneFichierClient {
    transport;
    /** Each folder's listing while this client has not changed the folder (the API allows one per folder per 30 s). */
    listings = new Map();
    prefetched;
    constructor(transport) {
        this.transport = transport;
    }
    /** folder/ls.cgi: the sub-folders of a folder. */
    async listFolders(folderId) {
        const answer = await this.transport.api('folder/ls.cgi', { folder_id: folderId }, 'POST', {
            readOnly: true,
        });
        return Array.isArray(answer.sub_folders) ? answer.sub_folders : [];
    }
    /** folder/mkdir.cgi: creates a folder, returns its id. Sent once: sent twice it could make two. */
    async makeFolder(name, parentId) {
        const answer = await this.transport.api('folder/mkdir.cgi', { name, folder_id: parentId }, 'POST', { retry: false });
        const id = (0,types/* toNumber */.R)(answer.folder_id);
        if (id === undefined)
            throw new errors/* OneFichierError */.p7('fatal', 'folder/mkdir.cgi', 'the answer has no folder_id');
        return id;
    }
    /**
     * file/ls.cgi: a folder's files (at most 5,000, per the API page). One listing per folder per 30 s,
     * so a listing is reused while this client has not changed the folder since (no upload into it,
     * no file removed); `fresh` asks again all the same (a file that shows late).
     */
    async listFiles(folderId, options = {}) {
        const known = this.listings.get(folderId);
        if (known && !options.fresh)
            return known;
        const items = await this.requestListing(folderId);
        this.listings.set(folderId, items);
        return items;
    }
    async requestListing(folderId) {
        const answer = await this.transport.api('file/ls.cgi', { folder_id: folderId }, 'POST', {
            spacing: { key: `file/ls.cgi:${folderId}`, intervalMs: LISTING_INTERVAL_MS, what: `listing folder ${folderId}` },
            readOnly: true,
        });
        if (answer.items !== undefined && !Array.isArray(answer.items)) {
            throw new errors/* OneFichierError */.p7('retryable', 'file/ls.cgi', 'the answer has no list of items');
        }
        const items = answer.items ?? [];
        const count = (0,types/* toNumber */.R)(answer.count);
        if (count !== undefined && count > items.length)
            shortListings.add(items);
        return items;
    }
    /**
     * file/info.cgi: one file's folder, size and Whirlpool checksum. Frequent calls provoke "Owner
     * locked" (JDownloader's plugin, see below): `once` asks a single time, the caller falls back on a
     * listing. https://github.com/mirror/jdownloader/blob/master/src/jd/plugins/hoster/OneFichierCom.java
     */
    async fileInfo(url, options = {}) {
        return this.transport.api('file/info.cgi', { url }, 'POST', { readOnly: true, retry: !options.once });
    }
    /** file/chattr.cgi: sets one file's description; returns the confirmed `updated` count. */
    async setDescription(url, description) {
        // Sent once: a change is never sent twice.
        const answer = await this.transport.api('file/chattr.cgi', { urls: [url], description }, 'POST', { retry: false });
        return (0,types/* toNumber */.R)(answer.updated) ?? 0;
    }
    /** file/rm.cgi for one URL (as rclone does): the confirmed `removed` count. Sent once: the caller lists again. */
    async removeFile(url) {
        // Sent at all, it may have taken effect: a listing that showed the file is out of date.
        for (const [folderId, items] of this.listings)
            if (items.some((i) => (0,file_id/* sameFile */.V)(i.url, url)))
                this.listings.delete(folderId);
        const answer = await this.transport.api('file/rm.cgi', { files: [{ url }] }, 'POST', { retry: false });
        return (0,types/* toNumber */.R)(answer.removed) ?? 0;
    }
    /**
     * download/get_token.cgi: a URL for one file, valid 5 minutes. `single: 0`, as JDownloader asks it,
     * so that the same URL serves the resumes (Range) while it lives; `no_ssl: 0` so that an account set
     * to plain-HTTP downloads still gets https; `pass` for a file with a download password, `cdn: 1` to
     * spend CDN credit (needed from a datacenter).
     */
    async getDownloadToken(url, options = {}) {
        const body = { url, single: 0, no_ssl: 0 };
        if (options.password)
            body.pass = options.password;
        if (options.cdn)
            body.cdn = 1;
        const answer = await this.transport.api('download/get_token.cgi', body, 'POST', {
            readOnly: true,
        });
        if (typeof answer.url !== 'string' || !/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\//.test(answer.url)) {
            throw new errors/* OneFichierError */.p7('retryable', 'download/get_token.cgi', 'the answer has no valid https download URL');
        }
        return answer.url;
    }
    /** A download token's URL from byte `offset` on, its body handed to `receive` (one try; the caller retries). */
    download(tokenUrl, offset, receive) {
        return this.transport.download(tokenUrl, offset, receive);
    }
    /**
     * Asks for an upload node now, for the next upload: the API's pacing would otherwise add a wait
     * just before it. A failure here is not reported: the upload then asks again.
     */
    prefetchUploadServer() {
        const prefetched = { at: 0, server: Promise.resolve(null) };
        prefetched.server = this.requestUploadServer().then((server) => ((prefetched.at = Date.now()), server), () => null);
        this.prefetched = prefetched;
    }
    /** upload/get_upload_server.cgi: a fresh node and upload id for every upload (a prefetched one once, while fresh). */
    async getUploadServer() {
        const prefetched = this.prefetched;
        this.prefetched = undefined;
        const server = prefetched ? await prefetched.server : null;
        if (server && prefetched && Date.now() - prefetched.at < PREFETCHED_SERVER_MAX_AGE_MS)
            return server;
        return this.requestUploadServer();
    }
    async requestUploadServer() {
        const answer = await this.transport.api('upload/get_upload_server.cgi', undefined, 'GET', {
            readOnly: true,
        });
        const { url, id } = answer;
        // The node becomes part of an https URL that carries the key: accept a host name (and port) only.
        if (typeof url !== 'string' || !/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(url)) {
            throw new errors/* OneFichierError */.p7('retryable', 'upload/get_upload_server.cgi', 'the answer has no valid upload node');
        }
        if (typeof id !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(id)) {
            throw new errors/* OneFichierError */.p7('retryable', 'upload/get_upload_server.cgi', 'the answer has no valid upload id');
        }
        return { url, id };
    }
    /**
     * POST https://<node>/upload.cgi?id=<id>: `did` (and `dpass`) before `file[]`, a real Content-Length,
     * never retried here (the body is a stream): the caller retries the whole upload with a new node.
     * A transfer with no progress for the stall timeout is aborted.
     */
    async upload(req) {
        const operation = 'upload to 1fichier';
        // Whatever its outcome, the folder may hold one more file: its listing is out of date.
        this.listings.delete(req.folderId);
        const fields = [['did', String(req.folderId)]];
        if (req.linkPassword)
            fields.push(['dpass', req.linkPassword]);
        const layout = multipartLayout(fields, { field: 'file[]', fileName: req.fileName, size: req.size });
        const stallTimeoutMs = this.transport.options.stallTimeoutMs;
        const stall = new AbortController();
        let lastProgressAt = Date.now();
        let sent = 0;
        const body = fileBody(req.filePath, {
            preamble: layout.preamble,
            epilogue: layout.epilogue,
            onChunk: (fileBytes) => {
                sent = fileBytes;
                lastProgressAt = Date.now();
                req.onProgress?.({ sentBytes: sent, totalBytes: req.size });
            },
        });
        const watchdog = setInterval(() => {
            if (Date.now() - lastProgressAt > stallTimeoutMs)
                stall.abort(new Error('stalled'));
        }, Math.min(1_000, stallTimeoutMs / 4));
        try {
            await this.transport.once(async () => {
                const response = await this.transport.send(operation, {
                    method: 'POST',
                    url: `https://${req.server.url}/upload.cgi?id=${encodeURIComponent(req.server.id)}`,
                    headers: { 'content-type': layout.contentType, 'content-length': String(layout.contentLength) },
                    body,
                    signal: stall.signal,
                });
                // Only 1fichier's 302 to end.pl is a success; a page is a refusal (read inside the paced
                // call, so that a lock answer holds off every call after it).
                checkUploadAnswer(operation, response, describeRequest(fields, req, layout.contentLength));
            });
        }
        catch (error) {
            if (stall.signal.aborted && !this.transport.options.signal?.aborted) {
                throw new errors/* OneFichierError */.p7('retryable', operation, `no progress for ${Math.round(stallTimeoutMs / 1000)} s after ${sent} of ${req.size} bytes ` +
                    `(stall-timeout-seconds)`);
            }
            if (error instanceof errors/* OneFichierError */.p7)
                throw error;
            this.transport.options.signal?.throwIfAborted();
            throw (0,errors/* networkFailure */.rd)(operation, error);
        }
        finally {
            clearInterval(watchdog);
            // Closes the file if undici stopped pulling half way.
            await body.return(undefined);
        }
    }
    /**
     * GET https://<node>/end.pl?xid=<id> with the `JSON: 1` header. An HTML page or an empty list of
     * links has been seen from the real service: both are retried before failing; its "please wait"
     * page, while the upload is scanned, is waited out (paced, up to 5 minutes, said in the log). Only
     * a link with exactly this run's file name is the upload's; any other is returned apart.
     */
    async uploadResult(server, fileName) {
        const operation = 'upload result (end.pl)';
        const { log, timeScale } = this.transport.options;
        const started = Date.now();
        for (;;) {
            try {
                return await this.transport.withRetries(operation, undefined, () => this.readUploadResult(server, fileName));
            }
            catch (error) {
                if (!(error instanceof errors/* OneFichierError */.p7) || error.kind !== 'pending')
                    throw error;
                const waited = Date.now() - started;
                if (waited >= SCAN_WAIT_MS * timeScale)
                    throw new errors/* OneFichierError */.p7('retryable', operation, '1fichier was still scanning the upload after 5 minutes');
                const seconds = Math.round(waited / 1000 / timeScale);
                log.info(`1fichier is scanning the upload (antivirus): waiting for its link, ${seconds} s ` +
                    `so far, at most ${SCAN_WAIT_MS / 60_000} minutes`);
                await this.transport.pacer.pause(SCAN_POLL_MS, this.transport.options.signal);
            }
        }
    }
    /**
     * One look at end.pl after a failed upload: the link if the file landed after all, else null.
     * A scan under way means it landed: its end is waited for.
     */
    async probeUploadResult(server, fileName) {
        try {
            const { link } = await this.transport.once(() => this.readUploadResult(server, fileName));
            return link;
        }
        catch (error) {
            if (!(error instanceof errors/* OneFichierError */.p7) || error.kind !== 'pending')
                return null;
        }
        return this.uploadResult(server, fileName).then((outcome) => outcome.link, () => null);
    }
    /**
     * user/info.cgi: the account's offer, quota and upload ban. Its own limit is strict (1 call a
     * minute per IP, 1 per 5 minutes per account): asked once, never retried; the caller keeps the
     * answer. Advice only, so a node that does not answer is given up on after 20 s.
     */
    async accountInfo() {
        const answer = await this.transport.api('user/info.cgi', {}, 'POST', {
            retry: false,
            readOnly: true,
            timeoutMs: ACCOUNT_INFO_TIMEOUT_MS,
        });
        return accountFacts(answer);
    }
    /** Ends the connections (the run is over). */
    async close() {
        await this.transport.close();
    }
    async readUploadResult(server, fileName) {
        const operation = 'upload result (end.pl)';
        const response = await this.transport.send(operation, {
            method: 'GET',
            url: `https://${server.url}/end.pl?xid=${encodeURIComponent(server.id)}`,
            headers: { json: '1' },
        });
        if (isScanWait(response))
            throw scanPending(operation);
        const answer = (0,transport/* parseApiAnswer */.uD)(operation, response);
        const links = Array.isArray(answer.links)
            ? answer.links.filter((l) => typeof l?.download === 'string')
            : [];
        if (links.length === 0)
            throw new errors/* OneFichierError */.p7('retryable', operation, '1fichier listed no uploaded file');
        const ours = links.filter((l) => l.filename === fileName);
        return { link: ours[0] ?? null, others: links.filter((l) => l !== ours[0]) };
    }
}
/** What an upload request held, for a refusal no retry helps: field names (no value but did), the file, the length. */
function describeRequest(fields, req, contentLength) {
    const names = fields.map(([name, value]) => (name === 'did' ? `did=${value}` : name));
    return (`multipart/form-data with ${names.join(', ')}, then file[] '${req.fileName}' (${req.size} bytes), ` +
        `Content-Length ${contentLength}`);
}


/***/ }),

/***/ 7511:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   Rm: () => (/* binding */ isFinalRefusal),
/* harmony export */   gH: () => (/* binding */ UploadRefused),
/* harmony export */   mu: () => (/* binding */ errorNumber),
/* harmony export */   p7: () => (/* binding */ OneFichierError),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   rd: () => (/* binding */ networkFailure)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
// 1fichier answers, and network failures, turned into one kind and one line a user can act on.
// Both the HTTP status and the JSON `status` are judged: some KO answers come with HTTP 200.

const KEY_CONSOLE_URL = 'https://1fichier.com/console/params.pl';
const ADVICE = {
    auth: `The API key was refused (invalid or revoked): sign in on 1fichier.com, create a new key at ` +
        `${KEY_CONSOLE_URL} and store it where this run reads it (the workflow's secret, or ONEFICHIER_API_KEY).`,
    account: 'The 1fichier API needs a Premium or Access subscription: renew it on 1fichier.com, then run again.',
    flood: '1fichier has locked the account or this address, often after too many requests: wait (an hour is safe) and run ' +
        'again, and make sure no other job uses the same key at the same time. The key itself is fine.',
    quota: 'The 1fichier account has no room for this backup: free space or raise the quota, or keep fewer backups.',
    'not-found': '',
    retryable: 'The service or the network failed every attempt: run again later; raise `retries` if it happens often.',
    token: '',
    pending: '',
    fatal: '',
};
/** The first `#` followed by 1-3 digits, as rclone reads 1fichier error numbers. */
function errorNumber(message) {
    const match = /#(\d{1,3})(?!\d)/.exec(message);
    return match?.[1] ? Number(match[1]) : undefined;
}
const RETRYABLE_HTTP = new Set([403, 429, 500, 502, 503, 504, 509]);
/**
 * Lock answers seen from the real service, by text and by number: rclone's shouldRetry in
 * https://github.com/rclone/rclone/tree/master/backend/fichier/fichier.go,
 * and https://github.com/mirror/jdownloader/blob/master/src/jd/plugins/hoster/OneFichierCom.java
 */
const LOCK_TEXT = /flood detected|ip locked|user locked|owner locked|apk locked/;
const LOCK_CODES = new Set([374, 412, 38, 223, 649, 620, 186]);
/** Only these mean the key: "No such user #93", "Not authenticated #247" (HTTP 401). */
const KEY_CODES = new Set([93, 247]);
/** The one retry rule (rclone's shouldRetry): what kind of failure an answer is. */
function classify(httpStatus, apiMessage) {
    const code = errorNumber(apiMessage);
    const text = apiMessage.toLowerCase();
    if ((code !== undefined && KEY_CODES.has(code)) || /no such user|not authenticated/.test(text))
        return 'auth';
    if (LOCK_TEXT.test(text) || (code !== undefined && LOCK_CODES.has(code)))
        return 'flood';
    if (code === 200 || text.includes('must be a customer'))
        return 'account';
    if (/quota|not enough (disk )?space|storage (is )?full|upload forbidden/.test(text))
        return 'quota';
    // #887 (one location at a time) is a lock to wait out (JDownloader waits 5 minutes).
    if (code === 887)
        return 'flood';
    // #913 (a datacenter address without CDN credit) and #611 (a download password is needed): no retry helps.
    if (code === 913 || code === 611)
        return 'fatal';
    if (code === 715)
        return 'token';
    if (httpStatus === 401)
        return 'auth';
    if (httpStatus === 404 || code === 469 || text.includes('not found'))
        return 'not-found';
    if (RETRYABLE_HTTP.has(httpStatus))
        return 'retryable';
    return 'fatal';
}
/** Refusals that no retry changes, whatever HTTP status carried them (#913, #611). */
function isFinalRefusal(detail) {
    const code = errorNumber(detail);
    return code === 913 || code === 611;
}
function isRetryable(kind) {
    return kind === 'retryable' || kind === 'flood';
}
/** A failed 1fichier call. The message is safe to print: it never holds the key or a header. */
class OneFichierError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackupError */ .hj {
    kind;
    operation;
    detail;
    httpStatus;
    retryAfterMs;
    constructor(kind, operation, detail, httpStatus, retryAfterMs) {
        const advice = ADVICE[kind];
        super(`${operation} failed: ${detail}${advice ? `. ${advice}` : ''}`);
        this.kind = kind;
        this.operation = operation;
        this.detail = detail;
        this.httpStatus = httpStatus;
        this.retryAfterMs = retryAfterMs;
    }
    name = 'OneFichierError';
    /**
     * What failed, without the advice: for a line that goes on to say what happens next ("…;
     * retrying"). The detail is kept whole, full stops and all.
     */
    get headline() {
        return `${this.operation} failed: ${this.detail}`;
    }
    /** The same failure after the last attempt, saying how many were made. */
    afterAttempts(attempts) {
        if (attempts <= 1)
            return this;
        return new OneFichierError(this.kind, this.operation, `${this.detail} (after ${attempts} attempts)`, this.httpStatus);
    }
}
/**
 * upload.cgi answered with a page instead of its redirect to end.pl: the node refused the file and
 * kept nothing (the reason is in the page, in French). `retryable`: its storage failed, a fresh node
 * may take it; otherwise no retry helps.
 */
class UploadRefused extends OneFichierError {
    name = 'UploadRefused';
}
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'ENOTFOUND',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
    'UND_ERR_ABORTED',
    'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
]);
/** A network-level failure (no HTTP answer) as a OneFichierError; its message names the cause only. */
function networkFailure(operation, error) {
    const err = error;
    // A DOMException (an abort, a timeout) has a numeric code: its name says what it was.
    const raw = typeof err.code === 'string' ? err.code : typeof err.cause?.code === 'string' ? err.cause.code : undefined;
    const code = raw ?? (err.name === 'TimeoutError' ? 'ETIMEDOUT' : undefined);
    const what = code ?? err.message ?? 'unknown network error';
    const kind = code === undefined || NETWORK_CODES.has(code) || code.startsWith('UND_ERR') ? 'retryable' : 'fatal';
    const reason = code === 'ENOTFOUND' ? `host not found (${what})` : `network error (${what})`;
    return new OneFichierError(kind === 'retryable' ? 'retryable' : 'fatal', operation, reason);
}


/***/ }),

/***/ 6158:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ fileIdOf),
/* harmony export */   V: () => (/* binding */ sameFile)
/* harmony export */ });
// A 1fichier file is named by its download URL, `https://1fichier.com/?<id>`; the same file may be
// shown under another of 1fichier's domains (the domain table of https://1fichier.com/api.html).
// So files are told apart by the id after `?`, never by comparing whole URLs.
/** Download ids seen are 5-20 lowercase letters and digits (JDownloader's rule). */
const FILE_ID = /^[a-z0-9]{5,20}$/;
/** The file id of a download URL, or null when the URL does not carry one we can trust. */
function fileIdOf(url) {
    if (typeof url !== 'string')
        return null;
    const at = url.indexOf('?');
    if (at === -1)
        return null;
    const id = url
        .slice(at + 1)
        .split(/[&#]/)[0]
        .toLowerCase();
    return FILE_ID.test(id) ? id : null;
}
/** Whether two URLs name the same file (false when either has no id). */
function sameFile(a, b) {
    const idA = fileIdOf(a);
    return idA !== null && idA === fileIdOf(b);
}


/***/ }),

/***/ 2291:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ resolveFolder)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7511);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5464);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6320);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9151);




async function resolveFolder(client, segments, options) {
    const path = segments.join('/');
    const created = [];
    let parentId = _client_js__WEBPACK_IMPORTED_MODULE_2__/* .ROOT_FOLDER_ID */ .Kj;
    for (const [depth, name] of segments.entries()) {
        const here = segments.slice(0, depth + 1).join('/');
        const existing = await findChild(client, parentId, name, here, options.log);
        if (existing !== undefined) {
            parentId = existing;
            continue;
        }
        if (!options.create) {
            options.log.info(`Folder '${here}' does not exist yet; it would be created`);
            return { id: null, path, created };
        }
        const made = await createOrFind(client, name, parentId, here, options.log, options.attempts ?? 5);
        parentId = made.id;
        if (made.created) {
            created.push(here);
            options.log.info(`Created folder '${here}' (id ${parentId})`);
        }
    }
    return { id: parentId, path, created };
}
/** The id of the sub-folder `name` of `parentId` (the oldest, when 1fichier has several), if any. */
async function findChild(client, parentId, name, here, log) {
    const matches = (await client.listFolders(parentId))
        .filter((f) => f.name === name && (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .toNumber */ .R)(f.id) !== undefined)
        .map((f) => (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .toNumber */ .R)(f.id))
        .sort((a, b) => a - b);
    if (matches.length > 1)
        log.warning(`1fichier has ${matches.length} folders named '${here}'; using the oldest (id ${matches[0]})`);
    return matches[0];
}
/**
 * mkdir is sent once per try: after any failure the parent is listed again, since the folder may
 * exist by now (a concurrent first run made it, or this call did before its answer was lost).
 */
async function createOrFind(client, name, parentId, here, log, attempts) {
    // The account's own faults (key, customer, quota): no listing would change them.
    const accountFault = (failure) => failure.kind === 'auth' || failure.kind === 'account' || failure.kind === 'quota';
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L)(async () => ({ id: await client.makeFolder(name, parentId), created: true }), {
        attempts,
        // Any failure but the account's own may mean the folder is there by now: look before anything else.
        settle: async (failure) => {
            if (accountFault(failure))
                return undefined;
            const existing = await findChild(client, parentId, name, here, log);
            if (existing === undefined)
                return undefined;
            log.info(`Folder '${here}' exists now (id ${existing}), made meanwhile; using it`);
            return { id: existing, created: false };
        },
        // Looked at, and not there: sending it again is safe when the answer was a glitch (a 5xx, or a KO with HTTP 200).
        retryable: (failure) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryable */ .r3)(failure.kind) ||
            (failure.kind === 'fatal' && (failure.httpStatus ?? 0) >= 200 && (failure.httpStatus ?? 0) < 300),
        beforeRetry: (failure, attempt) => log.warning(`${failure.headline}; the folder is not there yet, so it is created again (attempt ` +
            `${attempt + 1} of ${attempts})`),
        giveUp: (failure, attempt) => accountFault(failure)
            ? failure
            : new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OneFichierError */ .p7(failure.kind === 'flood' ? 'flood' : 'fatal', `creating folder '${here}'`, `${failure.detail}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}. Check that the path is valid ` +
                `and that a file of that name is not in the way`, failure.httpStatus),
    });
}


/***/ }),

/***/ 1917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SK: () => (/* binding */ ONEFICHIER_PACING),
/* harmony export */   _E: () => (/* binding */ Pacer),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
// rclone's pacer for 1fichier (lib/pacer, backend/fichier): calls at least `minSleep` apart; after a
// retryable error the gap jumps to `maxSleep` (attack constant 0), after each success it shrinks by a
// quarter (decay constant 2) back to the floor. The only place that knows how fast 1fichier may be called.
const ONEFICHIER_PACING = { minSleepMs: 400, maxSleepMs: 5_000 };
/** Why the signal was aborted, as an Error (AbortSignal allows any reason). */
function abortReason(signal) {
    const reason = signal?.reason;
    return reason instanceof Error ? reason : new Error(typeof reason === 'string' ? reason : 'aborted');
}
function sleep(ms, signal) {
    if (ms <= 0)
        return Promise.resolve();
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortReason(signal));
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortReason(signal));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
class Pacer {
    options;
    gapMs;
    nextAllowed = 0;
    /** No call before this time (a lock, Retry-After), even one whose turn was given out before. */
    heldUntil = 0;
    /** When the last call was let go, and when the last answer (or failure) came (-Infinity: none yet). */
    lastSent = -Infinity;
    lastSettled = -Infinity;
    lastOf = new Map();
    now;
    doSleep;
    constructor(options) {
        this.options = options;
        this.gapMs = options.minSleepMs;
        this.now = options.now ?? Date.now;
        this.doSleep = options.sleep ?? sleep;
    }
    /** The current gap between calls, unscaled. */
    get currentGapMs() {
        return this.gapMs;
    }
    /**
     * Waits for this call's turn; turns are handed out in order, one gap apart, and each call also
     * goes out at least a gap after the one that really went before it and after the last answer:
     * 1fichier counts arrivals, and on a busy machine a timer that fires late, or a first call slowed
     * by its TLS handshake, would otherwise bring two arrivals closer than the gap.
     */
    async wait(signal) {
        const now = this.now();
        const start = Math.max(now, this.nextAllowed);
        this.nextAllowed = start + this.gapMs * this.options.timeScale;
        await this.doSleep(start - now, signal);
        // A lock answered meanwhile holds this turn too: no call of any kind goes out until it is over.
        for (;;) {
            const gap = this.gapMs * this.options.timeScale;
            const wait = Math.max(this.heldUntil, this.lastSent + gap, this.lastSettled + gap) - this.now();
            if (wait <= 0)
                break;
            await this.doSleep(wait, signal);
        }
        this.lastSent = this.now();
        this.nextAllowed = Math.max(this.nextAllowed, this.lastSent + this.gapMs * this.options.timeScale);
    }
    /** Waits an extra pause (flood lock, Retry-After), scaled like every other wait. */
    async pause(ms, signal) {
        const scaled = ms * this.options.timeScale;
        this.holdOff(ms);
        await this.doSleep(scaled, signal);
    }
    /**
     * How long a call of this kind must still wait: `intervalMs` (scaled) after the last one, made
     * by this process or (`since`) by another one.
     */
    spacedWaitMs(key, intervalMs, since) {
        const last = Math.max(this.lastOf.get(key) ?? -Infinity, since ?? -Infinity);
        return Math.max(0, last + intervalMs * this.options.timeScale - this.now());
    }
    /** When this process last made a call of this kind (undefined: never). */
    lastSpacedAt(key) {
        return this.lastOf.get(key);
    }
    /**
     * Waits until `intervalMs` has passed since the last call of the same kind (1fichier allows one
     * listing per folder per 30 s), then takes a turn as usual.
     */
    async waitSpaced(key, intervalMs, signal, since) {
        const spaced = this.spacedWaitMs(key, intervalMs, since);
        if (spaced > 0)
            await this.doSleep(spaced, signal);
        await this.wait(signal);
        this.lastOf.set(key, this.now());
    }
    /** No call before `ms` from now (a lock, Retry-After), without waiting here. */
    holdOff(ms) {
        if (ms <= 0)
            return;
        const until = this.now() + ms * this.options.timeScale;
        this.heldUntil = Math.max(this.heldUntil, until);
        this.nextAllowed = Math.max(this.nextAllowed, until);
    }
    /** A call's answer (or failure) has come: the next call keeps a gap after it. */
    settled() {
        this.lastSettled = this.now();
    }
    success() {
        this.gapMs = Math.max(this.options.minSleepMs, (this.gapMs * 3) / 4);
    }
    failure() {
        this.gapMs = this.options.maxSleepMs;
    }
}


/***/ }),

/***/ 5464:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7511);
// The one retry rule for every call to 1fichier (rclone's `shouldRetry`, in one place): a failed try
// is tried again only when `classify` made it retryable (or the caller widens that, as the download
// does for a refused token), at most `attempts` tries in all. What differs between calls is a hook:
// `settle` looks whether a failed try did its work anyway (the upload's end.pl probe, mkdir's listing
// again: mutations are sent once per try and settled by looking, never blindly sent twice);
// `beforeRetry` prepares the next try (the pacer's pause, a new token, the resume offset) and says so.

/** Runs `attempt` (given its number, from 1) until it succeeds, is settled, or the rule says stop. */
async function retry(attempt, options) {
    const retryable = options.retryable ?? ((error) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryable */ .r3)(error.kind));
    const giveUp = options.giveUp ?? ((error, n) => error.afterAttempts(n));
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (error) {
            options.signal?.throwIfAborted();
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OneFichierError */ .p7))
                throw error;
            const settled = await options.settle?.(error, n);
            if (settled !== undefined)
                return settled;
            if (!retryable(error) || n >= options.attempts)
                throw giveUp(error, n);
            await options.beforeRetry?.(error, n);
        }
    }
}


/***/ }),

/***/ 4767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ transportFor),
/* harmony export */   uD: () => (/* binding */ parseApiAnswer),
/* harmony export */   xe: () => (/* binding */ pageText)
/* harmony export */ });
/* unused harmony export Transport */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7511);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5464);
/* harmony import */ var _pacer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1917);
// The one HTTP layer for every 1fichier call: undici with timeouts, the pacer, and the retry rule
// (rclone's shouldRetry). The key lives here, in a header, and nowhere else.




/** The transport of one run, from its settings: the one place a Transport is made. */
function transportFor(config, run) {
    const { apiUrl, apiKey, retries, stallTimeoutMs } = config;
    return new Transport({ ...run, apiUrl, apiKey, retries, stallTimeoutMs, timeScale: run.timeScale ?? 1 });
}
/** Wait after "Flood detected" before the next try (rclone: 30 s). */
const FLOOD_PAUSE_MS = 30_000;
/** A wait for a spaced call longer than this is said in the log. */
const SAY_WAITS_OVER_MS = 3_000;
class Transport {
    options;
    pacer;
    agent;
    /** Plain http (a loopback api-url only, config.ts) never goes through a proxy: the key would cross it in clear. */
    direct;
    constructor(options) {
        this.options = options;
        this.pacer = new _pacer_js__WEBPACK_IMPORTED_MODULE_3__/* .Pacer */ ._E({ ..._pacer_js__WEBPACK_IMPORTED_MODULE_3__/* .ONEFICHIER_PACING */ .SK, timeScale: options.timeScale });
        // Honours HTTPS_PROXY / NO_PROXY, as self-hosted runners behind a proxy need; a plain agent otherwise.
        const timeouts = {
            connectTimeout: 30_000,
            headersTimeout: options.stallTimeoutMs,
            bodyTimeout: options.stallTimeoutMs,
            keepAliveTimeout: 4_000,
        };
        this.agent = new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2(timeouts);
        this.direct = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6(timeouts);
    }
    async close() {
        // After a cancel, in-flight requests are dropped rather than waited for.
        for (const agent of [this.agent, this.direct]) {
            if (this.options.signal?.aborted)
                await agent.destroy().catch(() => undefined);
            else
                await agent.close().catch(() => undefined);
        }
    }
    /**
     * POST (or GET) a JSON API call under `apiUrl`, retried per the rules; KO answers are errors.
     * `retry: false` for a call that changes something: sent once, the caller looks at the state.
     */
    async api(endpoint, body, method = 'POST', options = {}) {
        const url = `${this.options.apiUrl}/${endpoint}`;
        const call = async () => {
            const response = await this.send(endpoint, {
                method,
                url,
                // rclone sends this even on GET: the API misbehaves without it.
                headers: { 'content-type': 'application/json' },
                ...(body === undefined ? {} : { bodyText: JSON.stringify(body) }),
                // Scaled like every wait, but never below 5 s: a busy test machine must not time a healthy call out.
                ...(options.timeoutMs === undefined
                    ? {}
                    : { signal: AbortSignal.timeout(Math.max(5_000, options.timeoutMs * this.options.timeScale)) }),
            });
            try {
                return parseApiAnswer(endpoint, response);
            }
            catch (error) {
                if (options.readOnly &&
                    error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7 &&
                    error.kind === 'fatal' &&
                    response.status < 300 &&
                    !(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isFinalRefusal */ .Rm)(error.detail)) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7('retryable', error.operation, error.detail, error.httpStatus, error.retryAfterMs);
                }
                throw error;
            }
        };
        return options.retry === false ? this.once(call) : this.withRetries(endpoint, options.spacing, call);
    }
    /** One paced try with no retry: for a body that cannot be sent twice (the caller retries the whole upload). */
    async once(attempt) {
        await this.pacer.wait(this.options.signal);
        try {
            const result = await attempt();
            this.pacer.success();
            return result;
        }
        catch (error) {
            this.pacer.failure();
            // A lock holds for every call that follows, not only for a retry of this one.
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7)
                this.pacer.holdOff(lockPauseMs(error));
            throw error;
        }
        finally {
            this.pacer.settled();
        }
    }
    /** Runs `attempt` by the retry rule, pacing each try; flood waits 30 s, Retry-After is honoured. */
    async withRetries(operation, spacing, attempt) {
        const { retries, log, signal } = this.options;
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L)(async () => {
            if (spacing)
                await this.waitSpaced(spacing);
            else
                await this.pacer.wait(signal);
            try {
                const result = await attempt();
                this.pacer.success();
                return result;
            }
            finally {
                this.pacer.settled();
            }
        }, {
            attempts: retries,
            signal,
            beforeRetry: async (error, n) => {
                this.pacer.failure();
                log.debug(`${operation}: attempt ${n} of ${retries} failed (${error.kind})`);
                const pause = lockPauseMs(error);
                const jitter = Math.random() * 0.2 * Math.max(pause, this.pacer.currentGapMs);
                log.warning(`${error.headline}; retrying (attempt ${n + 1} of ${retries})`);
                await this.pacer.pause(pause + jitter, signal);
            },
        });
    }
    /**
     * A spaced call's turn: after the last call of its kind by this process or, through the state
     * file, by any other (1fichier's 30-second listing rule counts them all). A long wait is said.
     */
    async waitSpaced(spacing) {
        const { memory, log, signal } = this.options;
        const since = await memory?.recall(spacing.key);
        const waitMs = this.pacer.spacedWaitMs(spacing.key, spacing.intervalMs, since);
        if (waitMs > SAY_WAITS_OVER_MS * this.options.timeScale) {
            const ago = Math.max(0, Math.round((Date.now() - (since ?? 0)) / 1000));
            // The state file holds this process's own calls too (at the pacer's time): a later one is another run's.
            const earlier = since !== undefined && since > (this.pacer.lastSpacedAt(spacing.key) ?? -Infinity);
            log.info(`Waiting ${Math.ceil(waitMs / 1000)} s before ${spacing.what}: 1fichier allows one every ` +
                `${Math.round(spacing.intervalMs / 1000)} s${earlier ? ` and another run made one ${ago} s ago` : ''}`);
        }
        await this.pacer.waitSpaced(spacing.key, spacing.intervalMs, signal, since);
        await memory?.remember(spacing.key, this.pacer.lastSpacedAt(spacing.key));
    }
    /**
     * GET `url` (a download token's URL) from byte `offset` on and hand its body to `receive`, which
     * stores it: the transport writes no file. One paced try, the body's reading included. `from` is
     * where the body starts (a node that ignores Range sends the whole file again: 0). A connection
     * that drops half way fails the body's iteration with a network failure, after what arrived was
     * handed on. An answer that is not the file (an HTML page, 403, 404, 503) is classified as
     * JDownloader's 1fichier plugin does:
     * https://github.com/mirror/jdownloader/blob/master/src/jd/plugins/hoster/OneFichierCom.java
     */
    async download(url, offset, receive) {
        const { signal } = this.options;
        return this.once(async () => {
            let response;
            try {
                response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
                    method: 'GET',
                    dispatcher: this.agent,
                    // A token URL needs no key: it is not sent to the download node.
                    headers: { 'user-agent': USER_AGENT, ...(offset > 0 ? { range: `bytes=${offset}-` } : {}) },
                    signal,
                });
            }
            catch (error) {
                signal?.throwIfAborted();
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .rd)('download', error);
            }
            const type = String(response.headers['content-type'] ?? '');
            if ((response.statusCode !== 200 && response.statusCode !== 206) || /text\/html/i.test(type)) {
                const text = await readSome(response.body, 64 * 1024);
                throw downloadRefusal(response.statusCode, text);
            }
            try {
                await receive({ from: response.statusCode === 206 ? offset : 0, chunks: bodyChunks(response.body, signal) });
            }
            finally {
                // A receiver that stopped early (too many bytes, a full disk) leaves the rest unread.
                response.body.destroy();
            }
        });
    }
    /** One unpaced request; callers go through `api`, `withRetries` or `once`. */
    async send(operation, req) {
        this.options.log.debug(`${req.method} ${redactUrl(req.url)}`);
        let response;
        try {
            response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(req.url, {
                method: req.method,
                dispatcher: req.url.startsWith('http:') ? this.direct : this.agent,
                headers: { ...req.headers, authorization: `Bearer ${this.options.apiKey}`, 'user-agent': USER_AGENT },
                // undici takes async iterables as bodies (lib/core/request.js), though its types list only Readable.
                body: req.body ?? req.bodyText ?? null,
                signal: anySignal(this.options.signal, req.signal),
            });
        }
        catch (error) {
            this.options.signal?.throwIfAborted();
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .rd)(operation, error);
        }
        let text;
        try {
            text = await response.body.text();
        }
        catch (error) {
            this.options.signal?.throwIfAborted();
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .rd)(operation, error);
        }
        this.options.log.debug(`  -> HTTP ${response.statusCode}, ${text.length} bytes`);
        return { status: response.statusCode, headers: response.headers, text };
    }
}
/** How long no call may be made after this failure: a lock 30 s (rclone), else what Retry-After says. */
function lockPauseMs(error) {
    return Math.max(error.kind === 'flood' ? FLOOD_PAUSE_MS : 0, error.retryAfterMs ?? 0);
}
function anySignal(...signals) {
    const present = signals.filter((s) => s !== undefined);
    return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
const USER_AGENT = '1fichier-backup/0.1 (+https://github.com/features/actions)';
/** URLs are logged without their query (upload ids are not secrets, but there is no need). */
function redactUrl(url) {
    const at = url.indexOf('?');
    return at === -1 ? url : `${url.slice(0, at)}?…`;
}
function retryAfterMs(headers) {
    const value = headers['retry-after'];
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    const seconds = Number(text);
    if (Number.isFinite(seconds))
        return Math.min(Math.max(seconds, 0), 600) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.min(Math.max(date - Date.now(), 0), 600_000);
}
/** Reads an API answer; an HTTP error, a KO status or a body that is not JSON all become errors. */
// The caller names the answer's shape; its fields are still checked where they are read.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function parseApiAnswer(operation, response) {
    let json;
    try {
        json = JSON.parse(response.text);
    }
    catch {
        json = undefined;
    }
    const record = json !== null && typeof json === 'object' ? json : undefined;
    const status = typeof record?.status === 'string' ? record.status.toUpperCase() : undefined;
    // A short plain-text body is the message too: the bare lock answer is the 9 bytes `IP Locked`.
    const message = typeof record?.message === 'string' ? record.message : record ? '' : plainMessage(response.text);
    const httpOk = response.status >= 200 && response.status < 300;
    if (httpOk && record && status !== 'KO')
        return record;
    const detail = message
        ? `1fichier answered "${message}" (HTTP ${response.status})`
        : record
            ? `1fichier answered ${status ?? 'an error'} (HTTP ${response.status})`
            : `1fichier answered HTTP ${response.status} with ${describeBody(response.text)}`;
    let kind = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .classify */ .L8)(response.status, message);
    // A 2xx that is not JSON is a glitch of the service: worth another try.
    if (kind === 'fatal' && httpOk && !record)
        kind = 'retryable';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7(kind, operation, detail, response.status, retryAfterMs(response.headers));
}
function plainMessage(text) {
    const trimmed = text.trim();
    return trimmed.length > 0 && trimmed.length <= 200 && !trimmed.startsWith('<') && !/[\u0000-\u001f]/.test(trimmed)
        ? trimmed
        : '';
}
/** Up to `limit` characters of a body, the rest dropped unread. */
async function readSome(body, limit) {
    let text = '';
    try {
        for await (const chunk of body) {
            text += chunk.toString('utf8');
            if (text.length >= limit)
                break;
        }
    }
    catch {
        // What arrived is enough to classify the answer.
    }
    body.destroy();
    return text.slice(0, limit);
}
const ACCENTS = {
    acute: '\u0301',
    grave: '\u0300',
    circ: '\u0302',
    uml: '\u0308',
    cedil: '\u0327',
};
/** A page's words: tags and scripts removed, white space folded, cut short. */
function pageText(html, limit = 200) {
    const text = html
        .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/&#(\d{1,6});/g, (_, code) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
        // 1fichier's pages are in French: é, à, ç and the like, as combining marks composed.
        .replace(/&([a-z])(acute|grave|circ|uml|cedil);/gi, (_, letter, mark) => `${letter}${ACCENTS[mark.toLowerCase()] ?? ''}`.normalize('NFC'))
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim();
    return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}
/** The body's chunks; a dropped connection becomes a network failure (one kind, retried by the caller's rule). */
async function* bodyChunks(body, signal) {
    try {
        for await (const chunk of body)
            yield chunk;
    }
    catch (error) {
        signal?.throwIfAborted();
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .rd)('download', error);
    }
}
/** A download node's answer that is not the file, as one kind: the words decide, then the status. */
function downloadRefusal(status, body) {
    const text = pageText(body) || `HTTP ${status}`;
    const lower = text.toLowerCase();
    const detail = `the download node answered HTTP ${status} with "${text}" instead of the file`;
    const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorNumber */ .mu)(text);
    if (code === 611 || /password/.test(lower))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7('fatal', 'download', detail, status);
    if (/residential|professional services|cdn credit/.test(lower) || code === 913)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7('fatal', 'download', detail, status);
    if (code === 887 || /too fast|simultaneously|flood|locked/.test(lower))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7('flood', 'download', detail, status);
    if (code === 715 || status === 410)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7('token', 'download', detail, status);
    // Other 403s, 404 and 503 (maintenance) pass: JDownloader waits and tries again.
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OneFichierError */ .p7(status === 200 || status === 206 || status === 403 || status === 404 || status >= 500 ? 'retryable' : 'fatal', 'download', detail, status);
}
function describeBody(text) {
    if (text.trim() === '')
        return 'an empty body';
    if (/^\s*</.test(text))
        return 'an HTML page instead of JSON';
    return 'a body that is not JSON';
}


/***/ }),

/***/ 9151:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ toNumber)
/* harmony export */ });
// Request and response shapes of the 1fichier API (https://1fichier.com/api.html, and rclone's
// structs.go in https://github.com/rclone/rclone/tree/master/backend/fichier). Numbers arrive as
// numbers or numeric strings depending on the endpoint, so readers below are lenient.
function toNumber(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
    return undefined;
}


/***/ }),

/***/ 7307:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ digestFile),
/* harmony export */   a: () => (/* binding */ GrowingFileWhirlpool)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_sea__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8586);
/* harmony import */ var hash_wasm__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(608);
// SHA-256 and Whirlpool of the finished zip, read back from the file while it is being uploaded.
// Whirlpool (1fichier's checksum) is slow: hashed while zipping it took a core from deflate; hashed
// beside the upload, which waits on the network, it costs next to nothing. It runs in a child Node
// process with OpenSSL's legacy provider (about twice as fast as WebAssembly); where that is not
// available, hash-wasm does it in this process.





// Hashes what arrives on stdin; says "ready" once Whirlpool is there (else exits 3), and prints
// the Whirlpool at the end.
const CHILD_SCRIPT = `
const c = require('node:crypto')
let w
try { w = c.createHash('whirlpool') } catch { process.exit(3) }
process.stdout.write('ready\\n')
process.stdin.on('data', (d) => w.update(d)).on('end', () => process.stdout.write(w.digest('hex') + '\\n'))
`;
const CHILD_UNAVAILABLE = 3;
// Hashes the file named by its argument as it grows: each line on stdin is a length up to which its
// bytes are final, "end" says it is whole; then prints the Whirlpool (exits 3 when OpenSSL has none).
const GROWING_FILE_SCRIPT = `
const c = require('node:crypto')
const fs = require('node:fs')
let w
try { w = c.createHash('whirlpool') } catch { process.exit(3) }
const buffer = Buffer.allocUnsafe(1 << 20)
let fd = null, hashed = 0, ready = 0, ended = false, rest = ''
process.stdin.on('data', (d) => {
  const lines = (rest + d).split('\\n')
  rest = lines.pop()
  for (const line of lines) line === 'end' ? (ended = true) : (ready = Math.max(ready, Number(line)))
  if (fd === null) fd = fs.openSync(process.argv[1], 'r')
  while (hashed < ready) {
    const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, ready - hashed), hashed)
    if (n <= 0) process.exit(4)
    w.update(buffer.subarray(0, n))
    hashed += n
  }
  if (ended) process.stdout.write(w.digest('hex') + '\\n')
})
`;
const READ_SIZE = 1 << 20;
/**
 * Starts reading `file` at once: SHA-256 here, Whirlpool in a child Node with OpenSSL's legacy
 * provider (about twice as fast as WebAssembly) fed through a pipe, or with hash-wasm here. The
 * file is read once, whatever else (`reader`) looks at its bytes.
 */
function digestFile(file, options = {}) {
    const digest = new StreamingDigest(options);
    const result = (async () => {
        try {
            for await (const chunk of readInTurns(file, digest.signal)) {
                await digest.update(chunk);
                await options.reader?.feed(chunk);
            }
        }
        catch (error) {
            digest.cancel();
            throw error;
        }
        return digest.result();
    })();
    // A failure surfaces where the result is awaited; until then it must not be unhandled.
    result.catch(() => undefined);
    return { result, cancel: () => digest.cancel() };
}
/**
 * The Whirlpool of a file while it is written from its start (a download): `grown(length)` says its
 * bytes up to `length` are final, `digest(length)` that it is whole. A child Node with OpenSSL's legacy
 * provider reads and hashes them as they come, beside this process, so the digest is ready soon after
 * the last write. Where no such child runs (the standalone executable, an OpenSSL without Whirlpool),
 * hash-wasm reads the whole file here at the end.
 */
class GrowingFileWhirlpool {
    file;
    signal;
    child;
    /** The child's Whirlpool; null when it could not start (hash-wasm then does the work). */
    fromChild;
    constructor(file, signal) {
        this.file = file;
        this.signal = signal;
        if ((0,node_sea__WEBPACK_IMPORTED_MODULE_3__.isSea)()) {
            // The standalone executable is no `node`: started again, it runs the CLI, not `-e`.
            this.child = null;
            this.fromChild = Promise.resolve(null);
            return;
        }
        const { child, closed } = hashChild(GROWING_FILE_SCRIPT, [file], signal);
        let output = '';
        child.stdout.on('data', (d) => (output += d.toString()));
        this.child = child;
        this.fromChild = closed.then((code) => {
            const match = /^[0-9a-f]{128}$/.exec(output.trim());
            if (code === 0 && match)
                return match[0];
            if (code === CHILD_UNAVAILABLE || code === null)
                return null;
            throw new Error(`hashing the download failed (the hashing process exited with ${code})`);
        });
        // A failure surfaces where the digest is awaited; until then it must not be unhandled.
        this.fromChild.catch(() => undefined);
    }
    /** The file's bytes up to `length` are written and will not change. */
    grown(length) {
        this.child?.stdin.write(`${length}\n`);
    }
    /** Stops the child (the file starts over, or the work is done or cancelled). */
    cancel() {
        this.child?.kill();
    }
    /** The Whirlpool of the whole file, `length` bytes long. */
    async digest(length) {
        this.child?.stdin.end(`${length}\nend\n`);
        const whirlpool = await this.fromChild;
        this.signal.throwIfAborted();
        if (whirlpool !== null)
            return whirlpool;
        const job = digestFile(this.file, { preferChild: false });
        const stop = () => job.cancel();
        this.signal.addEventListener('abort', stop, { once: true });
        try {
            return (await job.result).whirlpool;
        }
        finally {
            this.signal.removeEventListener('abort', stop);
        }
    }
}
/**
 * SHA-256 and Whirlpool of bytes handed in order as they come (digestFile's), with the engines it
 * uses. Whirlpool's engine starts at once.
 */
class StreamingDigest {
    abort = new AbortController();
    sha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
    whirlpool;
    constructor(options = {}) {
        const signal = this.abort.signal;
        this.whirlpool = (async () => (options.preferChild !== false ? await childWhirlpool(signal) : null) ?? (await wasmWhirlpool()))();
        // A failure surfaces at the next update or at the result; until then it must not be unhandled.
        this.whirlpool.catch(() => undefined);
    }
    /** Aborted once the digest is cancelled. */
    get signal() {
        return this.abort.signal;
    }
    /** Resolves once the chunk is taken: its memory may then be used again. */
    async update(chunk) {
        this.sha256.update(chunk);
        await (await this.whirlpool).update(chunk);
    }
    async result() {
        const whirlpool = await this.whirlpool;
        return { sha256: this.sha256.digest('hex'), whirlpool: await whirlpool.digest(), engine: whirlpool.engine };
    }
    /** Stops the hashing (the run is over or cancelled, or the bytes will not all come in order). */
    cancel() {
        if (this.abort.signal.aborted)
            return;
        this.abort.abort(new Error('hashing cancelled'));
        this.whirlpool.then((sink) => sink.abort(), () => undefined);
    }
}
/**
 * The file in 1 MiB chunks, read into two buffers in turn: the next read runs while a chunk is
 * hashed, and no chunk is a new allocation (a fresh 1 MiB per read piled up as garbage, ~50 MB).
 * A chunk is valid until the loop asks for the one after the next.
 */
async function* readInTurns(file, signal) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(file, 'r');
    try {
        const buffers = [Buffer.allocUnsafe(READ_SIZE), Buffer.allocUnsafe(READ_SIZE)];
        let position = 0;
        const readAt = async (buffer) => {
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
            position += bytesRead;
            return buffer.subarray(0, bytesRead);
        };
        let next = readAt(buffers[0]);
        for (let turn = 1;; turn++) {
            const chunk = await next;
            signal.throwIfAborted();
            if (chunk.length === 0)
                return;
            // The other buffer's chunk was handled in full before this one was handed out.
            next = readAt(buffers[turn % 2]);
            next.catch(() => undefined);
            yield chunk;
        }
    }
    finally {
        await handle.close();
    }
}
/**
 * A child Node with OpenSSL's legacy provider running `script` (the file's path, when any, its only
 * argument); it needs nothing from our environment (and must not see the key). `closed` gives its
 * exit code, or null when it could not start.
 */
function hashChild(script, args, signal) {
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, ['--openssl-legacy-provider', '-e', script, ...args], {
        stdio: ['pipe', 'pipe', 'ignore'],
        env: {},
        signal,
    });
    child.stdin.on('error', () => undefined);
    const closed = new Promise((resolve) => {
        child.on('error', () => resolve(null));
        child.on('close', resolve);
    });
    return { child, closed };
}
/** null when this Node has no Whirlpool in OpenSSL (or cannot start a child). */
async function childWhirlpool(signal) {
    // The standalone executable is no `node`: started again, it runs the CLI, not `-e`.
    if ((0,node_sea__WEBPACK_IMPORTED_MODULE_3__.isSea)())
        return null;
    const { child, closed } = hashChild(CHILD_SCRIPT, [], signal);
    let output = '';
    const ready = new Promise((resolve) => {
        child.stdout.on('data', (d) => {
            output += d.toString();
            if (output.startsWith('ready\n'))
                resolve(true);
        });
        void closed.then(() => resolve(false));
    });
    if (!(await ready)) {
        const code = await closed;
        signal.throwIfAborted();
        if (code === CHILD_UNAVAILABLE || code === null)
            return null;
        throw new Error(`hashing the zip failed (the hashing process exited with ${code})`);
    }
    return {
        engine: 'openssl-child',
        // Resolves once the chunk is in the pipe: its buffer is then free to be read into again.
        update: (chunk) => new Promise((resolve, reject) => child.stdin.write(chunk, (error) => (error ? reject(error) : resolve()))),
        digest: async () => {
            child.stdin.end();
            const code = await closed;
            signal.throwIfAborted();
            const match = /^ready\n([0-9a-f]{128})$/.exec(output.trim());
            if (code !== 0 || !match)
                throw new Error(`hashing the zip failed (the hashing process exited with ${code})`);
            return match[1];
        },
        abort: () => child.kill(),
    };
}
async function wasmWhirlpool() {
    const whirlpool = await (0,hash_wasm__WEBPACK_IMPORTED_MODULE_4__.createWhirlpool)();
    whirlpool.init();
    return {
        engine: 'wasm',
        update: async (chunk) => void whirlpool.update(chunk),
        digest: async () => whirlpool.digest('hex'),
        abort: () => undefined,
    };
}


/***/ }),

/***/ 1673:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CU: () => (/* binding */ DeferredLog),
/* harmony export */   Ov: () => (/* binding */ RedactingLog),
/* harmony export */   t5: () => (/* binding */ logStatus)
/* harmony export */ });
/** A progress line: in place where the log can do that, an info line everywhere else (cron, CI). */
function logStatus(log, message) {
    if (log.status)
        log.status(message);
    else
        log.info(message);
}
/** Holds lines of work done in the background, to be shown later in the group they belong to. */
class DeferredLog {
    debugTo;
    entries = [];
    constructor(debugTo) {
        this.debugTo = debugTo;
    }
    info(message) {
        this.entries.push(['info', message]);
    }
    warning(message) {
        this.entries.push(['warning', message]);
    }
    error(message) {
        this.entries.push(['error', message]);
    }
    debug(message) {
        this.debugTo.debug(message);
    }
    async group(name, body) {
        this.entries.push(['info', name]);
        return body();
    }
    /** Writes what was held into `log`, once. */
    replay(log) {
        for (const [level, message] of this.entries)
            log[level](message);
        this.entries = [];
    }
}
/** A log whose every line passes the redaction step first (redact.ts): what both shells hand the run. */
class RedactingLog {
    inner;
    redact;
    constructor(inner, redact) {
        this.inner = inner;
        this.redact = redact;
    }
    get debugEnabled() {
        return this.inner.debugEnabled;
    }
    info(message) {
        this.inner.info(this.redact(message));
    }
    warning(message) {
        this.inner.warning(this.redact(message));
    }
    error(message) {
        this.inner.error(this.redact(message));
    }
    debug(message) {
        this.inner.debug(this.redact(message));
    }
    group(name, body) {
        return this.inner.group(this.redact(name), body);
    }
    status(message) {
        logStatus(this.inner, this.redact(message));
    }
}


/***/ }),

/***/ 4149:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ workerScript)
/* harmony export */ });
/* harmony import */ var node_sea__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8586);
// Where a worker thread's code comes from, the one way every worker is started: from the file beside
// the module that starts it (lib/ as compiled, the bundle's folder as bundled; under the tests, which
// run the module from src/, the compiled file in lib/ that their global setup builds), or, in the standalone executable
// (Node's single executable application, scripts/build-binary.mjs), from the asset of that name the
// executable carries: it has no files beside it. The asset is the worker's own bundle, as CommonJS,
// which is how Node runs the code of a worker started with `eval: true`.
// https://nodejs.org/api/single-executable-applications.html#seagetassetkey-encoding

/**
 * The worker `name` (e.g. 'checksum-worker.js') for the module at `moduleUrl` (its `import.meta.url`,
 * which the standalone executable's bundle does not have: it is not read there).
 */
function workerScript(name, moduleUrl) {
    if ((0,node_sea__WEBPACK_IMPORTED_MODULE_0__.isSea)())
        return { script: (0,node_sea__WEBPACK_IMPORTED_MODULE_0__.getAsset)(name, 'utf8'), options: { eval: true } };
    const beside = new URL(`./${name}`, moduleUrl);
    const compiled = moduleUrl.endsWith('.ts') ? new URL(beside.href.replace('/src/', '/lib/')) : beside;
    return { script: compiled, options: {} };
}


/***/ }),

/***/ 991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ deleteFile)
/* harmony export */ });
/* unused harmony export refusal */
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8595);
/* harmony import */ var _onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6158);
// The one place that deletes a file (file/rm.cgi). Whatever a caller decided, a deletion goes
// ahead only with a proof that the file is ours, checked here against this run's own listing of
// the destination folder; any doubt leaves the file alone, with the reason.


/** Why the proof does not hold, or null when it does. Pure: tested over random listings. */
function refusal(target, proof) {
    const id = (0,_onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_0__/* .fileIdOf */ .N)(target.url);
    if (id === null)
        return 'its link has no file id';
    if (proof.kind === 'own-bad-upload') {
        if (target.fileName !== proof.fileName)
            return `its name '${target.fileName}' is not this run's`;
        if (proof.before === undefined)
            return "the folder was not listed before the upload, so it cannot be proven to be this run's copy";
        if (proof.before.some((item) => (0,_onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_0__/* .fileIdOf */ .N)(item.url) === id))
            return "it was in the folder before this run's upload";
        return null;
    }
    if (proof.keep.has(id))
        return 'a retention rule keeps it, or it is the new backup';
    const listed = proof.listing.filter((item) => (0,_onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_0__/* .fileIdOf */ .N)(item.url) === id);
    if (listed.length === 0)
        return "it is not in this run's listing of the folder";
    for (const item of listed) {
        if (typeof item.filename !== 'string' || !(0,_core_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .seriesMembership */ .Ep)(proof.prefix, item.filename).member) {
            return 'the listing also shows it under a name outside the series';
        }
    }
    if (!listed.some((item) => item.filename === target.fileName))
        return 'the listing shows it under another name';
    return null;
}
/** Deletes one file when its proof holds; 1fichier's `removed` count confirms it. */
async function deleteFile(client, target, proof) {
    const why = refusal(target, proof);
    if (why !== null)
        return { deleted: false, reason: `left alone: ${why}` };
    const removed = await client.removeFile(target.url);
    return removed >= 1 ? { deleted: true } : { deleted: false, reason: '1fichier confirmed no deletion (removed: 0)' };
}


/***/ }),

/***/ 5417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ seriesFromListing)
/* harmony export */ });
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8595);
/* harmony import */ var _onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6158);
/* harmony import */ var _onefichier_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9151);
// Which files of a folder listing are the series' backups: told apart by file id, never guessed.



/**
 * The backups of a series in a listing. Files are told apart by id, so a file listed twice is one
 * backup; an id shown under several names, or a series name without an id, is left out of the
 * series (and so never deleted).
 */
function seriesFromListing(items, prefix) {
    const byId = new Map();
    const ambiguous = [];
    // Whatever the types say, the listing is the server's: an item may be anything.
    for (const item of items) {
        if (typeof item?.filename !== 'string' || typeof item.url !== 'string')
            continue;
        const id = (0,_onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_0__/* .fileIdOf */ .N)(item.url);
        if (id === null) {
            if ((0,_core_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .seriesMembership */ .Ep)(prefix, item.filename).member)
                ambiguous.push(`'${item.filename}' (its link has no file id)`);
            continue;
        }
        const same = byId.get(id);
        if (same)
            same.push(item);
        else
            byId.set(id, [item]);
    }
    const series = [];
    const unreadable = [];
    for (const listed of byId.values()) {
        const names = new Set(listed.map((item) => item.filename));
        const members = [...names].filter((name) => (0,_core_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .seriesMembership */ .Ep)(prefix, name).member);
        if (members.length === 0)
            continue;
        if (names.size > 1) {
            ambiguous.push(`${[...names].map((n) => `'${n}'`).join(' and ')} (one file id under several names)`);
            continue;
        }
        const item = listed[0];
        const membership = (0,_core_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .seriesMembership */ .Ep)(prefix, item.filename);
        if (!membership.member)
            continue;
        if (membership.time === null)
            unreadable.push(item.filename);
        else
            series.push({ fileName: item.filename, url: item.url, time: membership.time, size: (0,_onefichier_types_js__WEBPACK_IMPORTED_MODULE_2__/* .toNumber */ .R)(item.size) });
    }
    return { series, unreadable, ambiguous };
}


/***/ }),

/***/ 1899:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ applyRetention)
/* harmony export */ });
/* harmony import */ var _deletion_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(991);
/* harmony import */ var _onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6158);
/* harmony import */ var _core_retention_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1069);
/* harmony import */ var _onefichier_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6320);
/* harmony import */ var _listing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5417);
// Retention against the live folder: one complete listing is the only basis; the pure plan
// decides; every deletion is confirmed by 1fichier's `removed` count. Any doubt means no deletion.





function describePlan(plan) {
    return plan.decisions.map((d) => `${d.keep ? 'keep  ' : 'delete'} ${d.backup.fileName}${d.keep ? `  (${d.reasons.join(', ')})` : ''}`);
}
async function applyRetention(req) {
    const { client, log } = req;
    let items = [];
    if (req.folderId !== null) {
        try {
            items = req.listing ?? (await client.listFiles(req.folderId));
        }
        catch (error) {
            const skipped = `listing the folder failed (${error.message}); nothing was deleted`;
            log.warning(`Retention skipped: ${skipped}`);
            return { plan: null, skipped, pruned: [], notPruned: [] };
        }
    }
    if ((0,_onefichier_client_js__WEBPACK_IMPORTED_MODULE_0__/* .listingMayBeIncomplete */ .bD)(items)) {
        const skipped = `the folder listing has ${items.length} files and may be incomplete (the most 1fichier returns is ` +
            `${_onefichier_client_js__WEBPACK_IMPORTED_MODULE_0__/* .LISTING_LIMIT */ .x7}, or it counted more than it listed); nothing was deleted. Move other files out of the backup ` +
            `folder`;
        log.warning(`Retention skipped: ${skipped}`);
        return { plan: null, skipped, pruned: [], notPruned: [] };
    }
    const { series: listed, unreadable, ambiguous } = (0,_listing_js__WEBPACK_IMPORTED_MODULE_1__/* .seriesFromListing */ .y)(items, req.prefix);
    for (const name of unreadable)
        log.warning(`'${name}' looks like a backup of this series but its timestamp is not a real time; it is left alone`);
    for (const what of ambiguous)
        log.warning(`The listing shows ${what}; it is left alone`);
    // The new backup stands for its own id; a listing can lag behind the upload, so it joins the
    // series even when not listed yet.
    // (prune alone has no new backup: the series is the listing.)
    const newId = req.newBackup ? (0,_onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_2__/* .fileIdOf */ .N)(req.newBackup.url) : null;
    const series = listed.filter((b) => newId === null || (0,_onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_2__/* .fileIdOf */ .N)(b.url) !== newId);
    if (req.newBackup)
        series.push(req.newBackup);
    const plan = (0,_core_retention_js__WEBPACK_IMPORTED_MODULE_3__/* .planRetention */ .SA)(series, req.policy, {
        now: req.now,
        protect: new Set(req.newBackup ? [req.newBackup.url] : []),
    });
    for (const backup of plan.future) {
        log.warning(`'${backup.fileName}' is dated in the future (a wrong clock?); it is kept and takes no slot from the others' ` +
            `deletion`);
    }
    await log.group(`Retention plan: keep ${plan.keep.length}, delete ${plan.remove.length}${req.dryRun ? ' (dry run)' : ''}`, async () => {
        for (const line of describePlan(plan))
            log.info(line);
    });
    if (req.dryRun || plan.remove.length === 0)
        return { plan, pruned: [], notPruned: [] };
    // Whatever the plan says, the deletion itself checks the file against this listing (deletion.ts).
    const keep = new Set([...plan.keep.map((d) => d.backup.url), req.newBackup?.url].map(_onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_2__/* .fileIdOf */ .N).filter((id) => id !== null));
    const proof = { kind: 'retention', listing: items, prefix: req.prefix, keep };
    const pruned = [];
    const notPruned = [];
    // rm.cgi is sent once; when its answer is lost, the folder is listed again to see what happened.
    const unsure = [];
    const confirmed = (backup, how = '') => {
        pruned.push(backup);
        req.onDeleted?.(backup);
        log.info(`Deleted ${backup.fileName}${how}`);
    };
    for (const [index, decision] of plan.remove.entries()) {
        if (req.signal?.aborted) {
            for (const rest of plan.remove.slice(index))
                notPruned.push({ backup: rest.backup, reason: 'cancelled before deletion' });
            break;
        }
        try {
            const outcome = await (0,_deletion_js__WEBPACK_IMPORTED_MODULE_4__/* .deleteFile */ .W)(client, decision.backup, proof);
            if (outcome.deleted)
                confirmed(decision.backup);
            else
                notPruned.push({ backup: decision.backup, reason: outcome.reason });
        }
        catch (error) {
            if (req.signal?.aborted) {
                for (const rest of plan.remove.slice(index))
                    notPruned.push({ backup: rest.backup, reason: 'cancelled' });
                break;
            }
            unsure.push({ backup: decision.backup, reason: error.message });
        }
    }
    if (unsure.length > 0)
        notPruned.push(...(await lookAgain(client, req, unsure, confirmed)));
    for (const { backup, reason } of notPruned)
        log.warning(`Could not delete ${backup.fileName}: ${reason}`);
    if (notPruned.length > 0) {
        log.warning(`Retention deleted ${pruned.length} of ${plan.remove.length} backups; the rest will be tried on the next run`);
    }
    return { plan, pruned, notPruned };
}
/** After rm.cgi answers that were lost: a fresh listing tells which deletions took effect. */
async function lookAgain(client, req, unsure, confirmed) {
    if (req.folderId === null || req.signal?.aborted)
        return unsure;
    let after;
    try {
        // A fresh one: the removals made the listing this run took out of date.
        after = await client.listFiles(req.folderId);
    }
    catch (error) {
        return unsure.map(({ backup, reason }) => ({
            backup,
            reason: `${reason}; listing the folder again failed too (${error.message})`,
        }));
    }
    const left = [];
    for (const item of unsure) {
        if (after.some((file) => (0,_onefichier_file_id_js__WEBPACK_IMPORTED_MODULE_2__/* .sameFile */ .V)(file.url, item.backup.url)))
            left.push(item);
        else
            confirmed(item.backup, ' (its answer was lost; a new listing shows it gone)');
    }
    return left;
}


/***/ }),

/***/ 4421:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N: () => (/* binding */ Session)
});

// EXTERNAL MODULE: ./lib/onefichier/client.js + 4 modules
var onefichier_client = __webpack_require__(6320);
// EXTERNAL MODULE: ./lib/onefichier/transport.js
var transport = __webpack_require__(4767);
// EXTERNAL MODULE: ./lib/core/format.js
var format = __webpack_require__(5888);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/onefichier/pacer.js
var pacer = __webpack_require__(1917);
;// CONCATENATED MODULE: ./lib/state/state-file.js
// One small JSON file shared by every process of this user: read whole, changed under a short
// exclusive lock, written to a temporary file and renamed over (atomic), so that two runs never
// lose each other's entries nor read half a file. The state is advice: a file that cannot be read
// or written is reported once and the run goes on as if it were empty.





const FILE_NAME = 'state.json';
/** A lock of the state file older than this was left by a process that died while holding it. */
const STALE_LOCK_MS = 10_000;
/** Entries older than this are dropped when the file is written: it stays small. */
const FORGET_AFTER_MS = 7 * 24 * 3600_000;
function emptyState() {
    return { version: 1, spacing: {}, accounts: {}, uploadRates: {} };
}
/**
 * Who the account is, without the key: a hash of the API URL and the key. The file says which
 * account an entry is for, never how to use it.
 */
function accountTag(apiUrl, apiKey) {
    return (0,external_node_crypto_.createHash)('sha256').update(`1fichier-backup\0${apiUrl}\0${apiKey}`).digest('hex').slice(0, 16);
}
class StateFile {
    dir;
    log;
    file;
    reported = false;
    constructor(dir, log) {
        this.dir = dir;
        this.log = log;
        this.file = external_node_path_.join(dir, FILE_NAME);
    }
    async read() {
        try {
            return parseState(await (0,promises_.readFile)(this.file, 'utf8'));
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                this.report(error);
            return emptyState();
        }
    }
    /** Applies `change` to the file's current content and writes it back, under the file's lock. */
    async update(change) {
        try {
            await (0,promises_.mkdir)(this.dir, { recursive: true });
            const unlock = await this.lock();
            try {
                const state = await this.read();
                change(state);
                forgetOld(state, Date.now());
                const temp = `${this.file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
                await (0,promises_.writeFile)(temp, `${JSON.stringify(state, null, 1)}\n`, { mode: 0o600 });
                await renameWithRetries(temp, this.file);
            }
            finally {
                await unlock();
            }
        }
        catch (error) {
            this.report(error);
        }
    }
    /** An exclusive lock file beside the state file; one left by a dead process goes stale in 10 s. */
    async lock() {
        const lockFile = `${this.file}.lock`;
        for (let tries = 0;; tries++) {
            try {
                const handle = await (0,promises_.open)(lockFile, 'wx');
                await handle.close();
                return () => (0,promises_.rm)(lockFile, { force: true });
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw error;
            }
            const age = await (0,promises_.stat)(lockFile).then((s) => Date.now() - s.mtimeMs, () => 0);
            if (age > STALE_LOCK_MS || tries > 250)
                await (0,promises_.rm)(lockFile, { force: true });
            else
                await (0,pacer/* sleep */.yy)(20);
        }
    }
    report(error) {
        if (this.reported)
            return;
        this.reported = true;
        this.log.warning(`The state file ${this.file} cannot be used (${(0,errors/* messageOf */.bD)(error)}); the run goes on without it, but cannot ` +
            `space its calls after other runs'. Make the folder writable or set ONEFICHIER_BACKUP_STATE_DIR.`);
    }
}
function parseState(text) {
    const raw = JSON.parse(text);
    const state = emptyState();
    if (raw === null || typeof raw !== 'object' || raw.version !== 1)
        return state;
    const record = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
    for (const [key, at] of Object.entries(record(raw.spacing)))
        if (Number.isFinite(at))
            state.spacing[key] = at;
    state.accounts = record(raw.accounts);
    state.uploadRates = record(raw.uploadRates);
    if (Number.isFinite(raw.accountInfoCalledAt))
        state.accountInfoCalledAt = raw.accountInfoCalledAt;
    return state;
}
function forgetOld(state, now) {
    const recent = (at) => typeof at === 'number' && now - at <= FORGET_AFTER_MS;
    state.spacing = Object.fromEntries(Object.entries(state.spacing).filter(([, at]) => recent(at)));
    state.accounts = Object.fromEntries(Object.entries(state.accounts).filter(([, entry]) => recent(entry.checkedAt)));
}
/** Windows refuses a rename over a file another process has open for a moment: try again briefly. */
async function renameWithRetries(from, to) {
    for (let tries = 0;; tries++) {
        try {
            await (0,promises_.rename)(from, to);
            return;
        }
        catch (error) {
            const code = error.code;
            if (tries >= 20 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) {
                await (0,promises_.rm)(from, { force: true });
                throw error;
            }
            await (0,pacer/* sleep */.yy)(25);
        }
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./lib/state/series-lock.js
// One run at a time per series (restic's lock): a lock file per series in the state folder, made
// with an exclusive create, naming the process that holds it. A lock whose process is gone (same
// host, no such pid) or that its holder stopped refreshing for 30 minutes (another host) is stale,
// and taken over. Two cron runs of the same series can no longer prune and upload at once.





/** The lock files this process holds (to tell its own from a restarted container's with the same pid). */
const heldHere = new Map();
/** The holder refreshes its lock this often; a lock not refreshed for STALE_MS is stale. */
const REFRESH_MS = 5 * 60_000;
const STALE_MS = 30 * 60_000;
/** The lock file of one series of one account (a hash: the folder and prefix are in its content). */
function lockFileOf(dir, account, folder, prefix) {
    const id = (0,external_node_crypto_.createHash)('sha256')
        .update(`${account}\0${folder.join('/')}\0${prefix}`)
        .digest('hex')
        .slice(0, 16);
    return external_node_path_.join(dir, 'locks', `series-${id}.lock`);
}
async function lockSeries(file, holder) {
    const mine = { pid: process.pid, host: external_node_os_.hostname(), startedAt: new Date().toISOString(), ...holder };
    await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
    for (let tries = 0;; tries++) {
        if (await create(file, mine))
            break;
        const held = await readHolder(file);
        if (held === 'gone')
            continue;
        if (tries < 3 && (await isStale(file, held)) && (await takeOver(file, held)))
            continue;
        throw new errors/* SeriesLockedError */.u6(`Another run of this series holds its lock: ${describeHolder(held)}. This run made no change. Wait for that ` +
            `run to end; if no such process runs, remove ${file}.`);
    }
    heldHere.set(file, mine);
    const refresh = setInterval(() => {
        const now = new Date();
        (0,promises_.utimes)(file, now, now).catch(() => undefined);
    }, REFRESH_MS);
    refresh.unref();
    return {
        file,
        async release() {
            clearInterval(refresh);
            if (heldHere.get(file) === mine)
                heldHere.delete(file);
            // Only our own lock is removed: one taken over meanwhile belongs to its new holder.
            const held = await readHolder(file);
            if (held !== 'gone' && held !== 'unreadable' && held.pid === mine.pid && held.startedAt === mine.startedAt)
                await (0,promises_.rm)(file, { force: true });
        },
    };
}
async function create(file, holder) {
    // Written whole under a temporary name, then linked in: a reader never sees half a lock.
    const temp = `${file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    const handle = await (0,promises_.open)(temp, 'wx', 0o600);
    try {
        await handle.writeFile(`${JSON.stringify(holder)}\n`);
    }
    finally {
        await handle.close();
    }
    try {
        await (0,promises_.link)(temp, file);
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
    finally {
        await (0,promises_.rm)(temp, { force: true });
    }
}
async function readHolder(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        return error.code === 'ENOENT' ? 'gone' : 'unreadable';
    }
    try {
        const value = JSON.parse(text);
        return typeof value.pid === 'number' && typeof value.host === 'string' ? value : 'unreadable';
    }
    catch {
        return 'unreadable';
    }
}
async function isStale(file, held) {
    const age = await (0,promises_.stat)(file).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > STALE_MS)
        return true;
    if (held === 'unreadable' || held.host !== external_node_os_.hostname())
        return false;
    // Our own pid in a lock this process does not hold: a container restarted (pid 1 again).
    if (held.pid === process.pid)
        return !heldHere.has(file);
    return !processAlive(held.pid);
}
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: it exists, under another user.
        return error.code === 'EPERM';
    }
}
/**
 * Moves the stale lock aside under a name of our own, then checks that what moved is the lock judged
 * stale: if another process took it over meanwhile, its fresh lock is put back.
 */
async function takeOver(file, stale) {
    const aside = `${file}.stale.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    try {
        await (0,promises_.rename)(file, aside);
    }
    catch {
        return true; // gone already: try to create it again
    }
    const moved = await readHolder(aside);
    const same = stale === 'unreadable'
        ? moved === 'unreadable'
        : moved !== 'gone' && moved !== 'unreadable' && moved.pid === stale.pid && moved.startedAt === stale.startedAt;
    if (!same)
        await (0,promises_.link)(aside, file).catch(() => undefined);
    await (0,promises_.rm)(aside, { force: true });
    return true;
}
function describeHolder(held) {
    if (held === 'unreadable')
        return 'a lock file that cannot be read';
    return `${held.command} of ${held.series}, process ${held.pid} on ${held.host}, started ${held.startedAt}`;
}

;// CONCATENATED MODULE: ./lib/state/run-state.js
// The state file as one account's run sees it: its entries under the account's tag, the series
// lock beside it. Handed to the transport (listing spacing) and to the backup stages.




class RunState {
    directory;
    file;
    tag;
    constructor(directory, account, log) {
        this.directory = directory;
        this.file = new StateFile(directory.path, log);
        this.tag = accountTag(account.apiUrl, account.apiKey);
    }
    async recall(key) {
        return (await this.file.read()).spacing[`${this.tag}:${key}`];
    }
    async remember(key, at) {
        const entry = `${this.tag}:${key}`;
        await this.file.update((state) => (state.spacing[entry] = Math.max(state.spacing[entry] ?? 0, at)));
    }
    /** user/info.cgi's last call for this account (and for any account from here), and its answer. */
    async accountInfo() {
        const state = await this.file.read();
        return { ...state.accounts[this.tag], anyCalledAt: state.accountInfoCalledAt };
    }
    async rememberAccountInfo(checkedAt, facts) {
        await this.file.update((state) => {
            state.accounts[this.tag] = facts ? { checkedAt, facts } : { checkedAt };
            state.accountInfoCalledAt = Math.max(state.accountInfoCalledAt ?? 0, checkedAt);
        });
    }
    async uploadRate() {
        return (await this.file.read()).uploadRates[this.tag]?.bytesPerSecond;
    }
    async rememberUploadRate(bytesPerSecond) {
        if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0)
            return;
        await this.file.update((state) => (state.uploadRates[this.tag] = { bytesPerSecond, at: Date.now() }));
    }
    /** The series' lock for a backup or a prune; throws SeriesLockedError when another run holds it. */
    lockSeries(command, folder, prefix) {
        const series = `series ${prefix} in ${(0,format/* showFolder */.Kg)(folder)}`;
        return lockSeries(lockFileOf(this.directory.path, this.tag, folder, prefix), { command, series });
    }
}
/**
 * One run of a series at a time. A lock that cannot be taken because the state folder is not
 * usable is said, and the run goes on without it; only another run's lock stops this one.
 */
async function takeSeriesLock(state, command, config, log) {
    if (!state)
        return undefined;
    try {
        return await state.lockSeries(command, config.folder, config.namePrefix);
    }
    catch (error) {
        if (error instanceof errors/* SeriesLockedError */.u6)
            throw error;
        log.warning(`The series lock cannot be taken in ${state.directory.path} (${(0,errors/* messageOf */.bD)(error)}); the run goes on without ` +
            `it. Make the folder writable or set ONEFICHIER_BACKUP_STATE_DIR.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/session/session.js



class Session {
    config;
    log;
    signal;
    state;
    client;
    constructor(config, log, 
    /** The command's cancel signal. */
    signal, state, client) {
        this.config = config;
        this.log = log;
        this.signal = signal;
        this.state = state;
        this.client = client;
    }
    static open(options) {
        const { config, log, stateDir } = options;
        const state = stateDir ? new RunState(stateDir, config, log) : undefined;
        const client = options.client ?? new onefichier_client/* OneFichierClient */.UT((0,transport/* transportFor */.JG)(config, { ...options, memory: state }));
        return new Session(config, log, options.signal, state, client);
    }
    /** One backup or prune per series at a time; none for a dry run (it changes nothing) or without state. */
    lockSeries(command) {
        const { config, log } = this;
        return config.dryRun ? Promise.resolve(undefined) : takeSeriesLock(this.state, command, config, log);
    }
    async [Symbol.asyncDispose]() {
        await this.client.close();
    }
}


/***/ }),

/***/ 5880:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ AES_KEY_BYTES),
/* harmony export */   Po: () => (/* reexport safe */ _format_js__WEBPACK_IMPORTED_MODULE_3__.Po),
/* harmony export */   UZ: () => (/* reexport safe */ _format_js__WEBPACK_IMPORTED_MODULE_3__.UZ),
/* harmony export */   VG: () => (/* binding */ AES_OVERHEAD),
/* harmony export */   aQ: () => (/* binding */ AES_MAC_BYTES),
/* harmony export */   ck: () => (/* binding */ aesExtraField),
/* harmony export */   q8: () => (/* binding */ EntryCipher),
/* harmony export */   sy: () => (/* binding */ AES_EXTRA_LENGTH),
/* harmony export */   v4: () => (/* binding */ AesEntryReader),
/* harmony export */   zH: () => (/* binding */ AesPasswordError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9480);
// WinZip AE-2 encryption (https://www.winzip.com/en/support/aes-encryption/), the AES zip format
// that 7-Zip, WinZip, pyzipper and libarchive read. Per entry: a random salt; PBKDF2-HMAC-SHA1
// (1,000 rounds) turns password + salt into an AES-256 key, an HMAC key and a 2-byte password
// check; the data is AES-CTR with a little-endian counter starting at 1; a 10-byte HMAC-SHA1 of
// the ciphertext closes it. AE-2 leaves the CRC field 0 (the HMAC authenticates instead).



const pbkdf2Async = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_crypto__WEBPACK_IMPORTED_MODULE_0__.pbkdf2);


const KEY_BYTES = 32; // AES-256, what this tool writes
const SALT_BYTES = 16;
/** WinZip's strength byte (1, 2, 3) to the key length; the salt is half the key. */
const AES_KEY_BYTES = { 1: 16, 2: 24, 3: 32 };
const BLOCK = 16;
const AES_MAC_BYTES = 10;
/** Salt and password check before the data, MAC after it. */
const AES_OVERHEAD = SALT_BYTES + 2 + AES_MAC_BYTES;
/** The 0x9901 extra field: AE-2, vendor "AE", AES-256, and the real compression method. */
const AES_EXTRA_LENGTH = 11;
function aesExtraField(actualMethod) {
    const extra = Buffer.alloc(AES_EXTRA_LENGTH);
    extra.writeUInt16LE(_format_js__WEBPACK_IMPORTED_MODULE_3__/* .AES_EXTRA_ID */ .Po, 0);
    extra.writeUInt16LE(7, 2);
    extra.writeUInt16LE(2, 4); // AE-2
    extra.write('AE', 6, 'latin1');
    extra.writeUInt8(3, 8); // 256-bit key
    extra.writeUInt16LE(actualMethod, 9);
    return extra;
}
/** One entry's encryption: its own salt, so no two entries share a keystream. */
class EntryCipher {
    preamble;
    reading;
    ecb;
    mac;
    counter = 1;
    /** Keystream bytes left over from the last block of the previous update. */
    spare = Buffer.alloc(0);
    constructor(key, macKey, 
    /** Salt and password check, written before the encrypted data. */
    preamble, 
    /** Reading: the code authenticates the ciphertext, which is then the input. */
    reading = false) {
        this.preamble = preamble;
        this.reading = reading;
        this.ecb = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createCipheriv)(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
        this.mac = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha1', macKey);
    }
    static async create(password) {
        // The counter blocks are laid out with a Uint32Array, whose byte order is the machine's.
        if ((0,node_os__WEBPACK_IMPORTED_MODULE_1__.endianness)() !== 'LE')
            throw new Error('archive-password needs a little-endian machine (x64, arm64)');
        const salt = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(SALT_BYTES);
        const derived = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, 1000, 2 * KEY_BYTES + 2, 'sha1');
        const preamble = Buffer.concat([salt, derived.subarray(2 * KEY_BYTES)]);
        return new EntryCipher(derived.subarray(0, KEY_BYTES), derived.subarray(KEY_BYTES, 2 * KEY_BYTES), preamble);
    }
    /**
     * For reading an entry back: from its salt and password check; null when the password does not fit.
     * `keyBytes` is 16, 24 or 32 (AES-128, -192, -256; the salt is half as long).
     */
    static async forReading(password, preamble, keyBytes = KEY_BYTES) {
        if ((0,node_os__WEBPACK_IMPORTED_MODULE_1__.endianness)() !== 'LE')
            throw new Error('archive-password needs a little-endian machine (x64, arm64)');
        const saltBytes = keyBytes / 2;
        const salt = preamble.subarray(0, saltBytes);
        const derived = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, 1000, 2 * keyBytes + 2, 'sha1');
        if (!derived.subarray(2 * keyBytes).equals(preamble.subarray(saltBytes, saltBytes + 2)))
            return null;
        return new EntryCipher(derived.subarray(0, keyBytes), derived.subarray(keyBytes, 2 * keyBytes), Buffer.from(preamble), true);
    }
    /** Encrypts the next bytes of the entry (a new buffer; `data` is left as it is). */
    update(data) {
        if (this.reading)
            this.mac.update(data);
        // Unpooled, so its words are aligned for the 32-bit XOR below.
        const out = Buffer.allocUnsafeSlow(data.length);
        data.copy(out);
        const done = Math.min(this.spare.length, data.length);
        for (let i = 0; i < done; i++)
            out[i] ^= this.spare[i];
        this.spare = this.spare.subarray(done);
        if (done < data.length) {
            const keystream = this.keystream(Math.ceil((data.length - done) / BLOCK));
            xorInPlace(out, done, keystream);
            // At most 15 bytes are kept for the next call (copied, so the keystream itself can go).
            this.spare = Buffer.from(keystream.subarray(data.length - done));
        }
        if (!this.reading)
            this.mac.update(out);
        return out;
    }
    /** The authentication code, written after the encrypted data. */
    final() {
        return this.mac.digest().subarray(0, AES_MAC_BYTES);
    }
    /** `blocks` blocks of keystream: AES of the counter, counting from 1, little-endian (not Node's CTR order). */
    keystream(blocks) {
        const counters = new Uint32Array(blocks * 4);
        for (let i = 0; i < blocks; i++) {
            counters[i * 4] = this.counter % 0x1_0000_0000;
            counters[i * 4 + 1] = Math.floor(this.counter / 0x1_0000_0000);
            this.counter++;
        }
        return this.ecb.update(Buffer.from(counters.buffer));
    }
}
/** out[start..] ^= keystream, a word at a time where both are aligned. */
function xorInPlace(out, start, keystream) {
    const length = out.length - start;
    let i = 0;
    const outOffset = out.byteOffset + start;
    if (outOffset % 4 === 0 && keystream.byteOffset % 4 === 0) {
        const words = length >>> 2;
        const a = new Int32Array(out.buffer, outOffset, words);
        const b = new Int32Array(keystream.buffer, keystream.byteOffset, words);
        for (let w = 0; w < words; w++)
            a[w] ^= b[w];
        i = words * 4;
    }
    for (; i < length; i++)
        out[start + i] ^= keystream[i];
}
/** The archive password does not open an AE-2 entry (its 2-byte password check differs). */
class AesPasswordError extends Error {
    name = 'AesPasswordError';
}
/**
 * Reads one AE-2 entry's stored bytes, in order, in pieces of any size: the salt and password
 * check first, then the ciphertext (decrypted), and the 10-byte authentication code last, which is
 * always held back from the output and checked by `finish()`.
 */
class AesEntryReader {
    password;
    keyBytes;
    head = Buffer.alloc(0);
    tail = Buffer.alloc(0);
    cipher;
    /** `keyBytes`: 32 for AES-256 (what this tool writes), 24 or 16 for zips of other tools. */
    constructor(password, keyBytes = KEY_BYTES) {
        this.password = password;
        this.keyBytes = keyBytes;
    }
    /** The plaintext of the next stored bytes (empty while the preamble or the code is gathered). */
    async read(chunk) {
        let data = chunk;
        if (!this.cipher) {
            this.head = Buffer.concat([this.head, chunk]);
            const preamble = this.keyBytes / 2 + 2;
            if (this.head.length < preamble)
                return Buffer.alloc(0);
            const cipher = await EntryCipher.forReading(this.password, this.head.subarray(0, preamble), this.keyBytes);
            if (!cipher)
                throw new AesPasswordError('its password check does not match the archive password');
            this.cipher = cipher;
            data = this.head.subarray(preamble);
        }
        const all = Buffer.concat([this.tail, data]);
        const keep = Math.min(all.length, AES_MAC_BYTES);
        this.tail = Buffer.from(all.subarray(all.length - keep));
        const body = all.subarray(0, all.length - keep);
        return body.length > 0 ? this.cipher.update(body) : Buffer.alloc(0);
    }
    /** What is wrong with the entry once all of it was read, or null when its code checks out. */
    finish() {
        if (!this.cipher)
            return 'cut short';
        const expected = this.cipher.final();
        return this.tail.length === expected.length && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(this.tail, expected)
            ? null
            : 'wrong authentication code';
    }
}


/***/ }),

/***/ 9480:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $t: () => (/* binding */ LOCAL_HEADER_LENGTH),
/* harmony export */   Fo: () => (/* binding */ EXTENDED_TIMESTAMP_ID),
/* harmony export */   Hq: () => (/* binding */ S_IFLNK),
/* harmony export */   NW: () => (/* binding */ S_IFMT),
/* harmony export */   Po: () => (/* binding */ AES_EXTRA_ID),
/* harmony export */   Rf: () => (/* binding */ END_SIGNATURE),
/* harmony export */   Tf: () => (/* binding */ FLAG_STRONG_ENCRYPTION),
/* harmony export */   Ti: () => (/* binding */ CENTRAL_HEADER_SIGNATURE),
/* harmony export */   Tq: () => (/* binding */ FLAG_UTF8),
/* harmony export */   UZ: () => (/* binding */ AES_METHOD),
/* harmony export */   XI: () => (/* binding */ END_LENGTH),
/* harmony export */   Ye: () => (/* binding */ DATA_DESCRIPTOR_SIGNATURE),
/* harmony export */   Z_: () => (/* binding */ ZIP64_END_SIGNATURE),
/* harmony export */   gI: () => (/* binding */ ZIP64_LIMIT),
/* harmony export */   jr: () => (/* binding */ LOCAL_HEADER_SIGNATURE),
/* harmony export */   k_: () => (/* binding */ ZIP64_LOCATOR_SIGNATURE),
/* harmony export */   nR: () => (/* binding */ DOS_DIRECTORY),
/* harmony export */   ny: () => (/* binding */ MADE_BY_UNIX),
/* harmony export */   oT: () => (/* binding */ METHOD_DEFLATED),
/* harmony export */   pJ: () => (/* binding */ S_IFDIR),
/* harmony export */   pi: () => (/* binding */ ZIP64_EXTRA_ID),
/* harmony export */   q2: () => (/* binding */ ZIP64_LOCATOR_LENGTH),
/* harmony export */   sm: () => (/* binding */ UNICODE_PATH_ID),
/* harmony export */   tb: () => (/* binding */ CENTRAL_HEADER_LENGTH),
/* harmony export */   uL: () => (/* binding */ S_IFREG),
/* harmony export */   uM: () => (/* binding */ FLAG_ENCRYPTED),
/* harmony export */   wR: () => (/* binding */ FLAG_DATA_DESCRIPTOR),
/* harmony export */   y$: () => (/* binding */ METHOD_STORED),
/* harmony export */   zZ: () => (/* binding */ MADE_BY_OSX)
/* harmony export */ });
// The zip format's vocabulary, in one place for the writer, the read-back, the restore reader and
// AES: record signatures and lengths, general purpose flags, extra field ids, and the Unix mode
// bits a "made by Unix" entry carries. Spec: PKWARE's APPNOTE.TXT 6.3
// (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT), WinZip's AES notes for 0x9901.
/** Record signatures. */
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
/** Fixed lengths of the records, before their variable parts. */
const LOCAL_HEADER_LENGTH = 30;
const CENTRAL_HEADER_LENGTH = 46;
const END_LENGTH = 22;
const ZIP64_LOCATOR_LENGTH = 20;
/** A 32-bit field at this value means "see the zip64 extra field". */
const ZIP64_LIMIT = 0xffffffff;
/** General purpose bit flags. */
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
/** Extra field ids. */
const ZIP64_EXTRA_ID = 0x0001;
const EXTENDED_TIMESTAMP_ID = 0x5455;
const UNICODE_PATH_ID = 0x7075;
const AES_EXTRA_ID = 0x9901;
/** Compression methods (AES names the real one in its extra field). */
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const AES_METHOD = 99;
/** "Version made by" systems whose external attributes hold Unix modes. */
const MADE_BY_UNIX = 3;
const MADE_BY_OSX = 19;
/** The DOS attribute of a folder, in the low byte of the external attributes. */
const DOS_DIRECTORY = 0x10;
/** Unix file types in a mode. */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ WholeInflater),
/* harmony export */   o: () => (/* binding */ inflatesWhole)
/* harmony export */ });
/* harmony import */ var fflate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1306);
// Entries small enough to take whole are inflated in one synchronous call by fflate (a well-kept
// pure-JS inflater) into one reused buffer. Node's inflateRawSync makes a zlib engine per call whose
// native memory waits for a garbage collection: over 100,000 small files, 200 MB of it. Its streams
// give each piece of output a new buffer too: the backup's read-back of a 1 GiB tree's entries of a
// few hundred KB through them peaked ~12 MB higher (190-199 MB against 176-189, four runs each).
// Larger entries stream through Node's zlib.

/** Entries up to this size, stored and inflated, are read and inflated in one piece; larger ones stream. */
const WHOLE_ENTRY_LIMIT = 1024 * 1024;
/** Whether an entry of these sizes is inflated whole (WholeInflater) rather than streamed. */
const inflatesWhole = (compressedSize, size) => compressedSize <= WHOLE_ENTRY_LIMIT && size <= WHOLE_ENTRY_LIMIT;
class WholeInflater {
    scratch = Buffer.alloc(0);
    gathered = Buffer.alloc(0);
    /**
     * A reused buffer of at least `length` bytes, for an entry's stored bytes that arrive in pieces:
     * valid until the next call.
     */
    input(length) {
        if (this.gathered.length < length)
            this.gathered = Buffer.allocUnsafe(Math.max(length, 64 * 1024));
        return this.gathered;
    }
    /**
     * `deflated` inflated, as a view of a buffer that the next call reuses. At most `expectedSize + 1`
     * bytes come out, so a longer result shows as a wrong size without being held whole (a zip bomb
     * costs time, bounded by the entry's stored size, not memory). Throws on a damaged stream.
     */
    inflate(deflated, expectedSize) {
        const room = expectedSize + 1;
        if (this.scratch.length < room)
            this.scratch = Buffer.allocUnsafe(Math.max(room, 64 * 1024));
        const out = (0,fflate__WEBPACK_IMPORTED_MODULE_0__/* .inflateSync */ .HM)(deflated, { out: this.scratch.subarray(0, room) });
        return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    }
}


/***/ })

};
