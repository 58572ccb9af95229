export const id = 963;
export const ids = [963];
export const modules = {

/***/ 1963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBackup: () => (/* binding */ runBackup)
});

// UNUSED EXPORTS: MAX_UPLOAD_BYTES, checkServiceLimits

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/config.js
var core_config = __webpack_require__(6641);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/core/fingerprint.js
// What skip-unchanged compares: a fingerprint of exactly what went into the zip (each entry's kind,
// name, mode, and the SHA-256 of its bytes or link target), plus the settings that shape the
// backup (archive and link passwords). Times are left out: a touched but identical file is the same.
//
// The fingerprint is an HMAC keyed from the API key, so the description that holds it tells
// nobody else anything about the files (no guessing a file's content and checking the hash), and
// it can safely cover the passwords. A new API key means one upload that was not strictly needed.

class ContentFingerprint {
    hmac;
    current = null;
    result = null;
    constructor(settings) {
        const key = (0,external_node_crypto_.createHmac)('sha256', settings.apiKey).update('1fichier-backup content fingerprint v1').digest();
        this.hmac = (0,external_node_crypto_.createHmac)('sha256', key);
        this.hmac.update(`${JSON.stringify(['settings', settings.archivePassword, settings.linkPassword])}\n`);
    }
    entry(entry) {
        if (this.current)
            throw new Error(`fingerprint: '${this.current.entry.name}' was not ended`);
        this.current = { entry, hash: (0,external_node_crypto_.createHash)('sha256'), size: 0 };
    }
    data(chunk) {
        this.current.hash.update(chunk);
        this.current.size += chunk.length;
    }
    end() {
        const { entry, hash, size } = this.current;
        this.current = null;
        // One JSON line per entry: unambiguous whatever the names contain.
        this.hmac.update(`${JSON.stringify([entry.kind, entry.name, entry.mode & 0o7777, size, hash.digest('hex')])}\n`);
    }
    /** The fingerprint, once every entry has ended (base64url, 43 characters). */
    digest() {
        this.result ??= this.hmac.digest('base64url');
        return this.result;
    }
}
const DESCRIPTION = /^1fichier-backup fingerprint=v1:([A-Za-z0-9_-]{43}) sha256=([0-9a-f]{64})$/;
function formatDescription(d) {
    return `1fichier-backup fingerprint=v1:${d.fingerprint} sha256=${d.sha256}`;
}
/** null for a description this action did not write (or a version it does not know). */
function parseDescription(text) {
    const match = DESCRIPTION.exec((text ?? '').trim());
    return match ? { fingerprint: match[1], sha256: match[2] } : null;
}

// EXTERNAL MODULE: ./lib/core/format.js
var format = __webpack_require__(5888);
// EXTERNAL MODULE: ./lib/core/naming.js
var naming = __webpack_require__(8595);
// EXTERNAL MODULE: ./lib/session/session.js + 3 modules
var session_session = __webpack_require__(4421);
// EXTERNAL MODULE: ./lib/onefichier/errors.js
var onefichier_errors = __webpack_require__(7511);
;// CONCATENATED MODULE: ./lib/backup/account.js
// The pre-flight: what 1fichier says about the account, asked before the zip is written, so that
// a full or forbidden account stops the run at once instead of after the whole zip is sent.
// user/info.cgi has its own strict limit (1 call a minute per IP, 1 per 5 minutes per account;
// more gives "Flood detected: IP Locked #38"), so its answer is kept in the state file and reused
// meanwhile. The answer is advice: only a clear "uploads forbidden" or "over quota" stops a run.


const ACCOUNT_INFO_EVERY_MS = 5 * 60_000;
const ACCOUNT_INFO_PER_IP_MS = 60_000;
/** A subscription that ends this soon is mentioned. */
const SUBSCRIPTION_NOTICE_DAYS = 14;
const DAY_MS = 24 * 3600_000;
/**
 * Asks (or recalls) the account's state; throws when uploads cannot succeed, else returns the
 * notices the log, the job summary and --json give (files that expire, a subscription that ends).
 */
async function checkAccount(session, now = Date.now()) {
    const { client, state, log, signal } = session;
    const known = state ? await state.accountInfo() : {};
    let facts;
    if (known.checkedAt !== undefined && now - known.checkedAt < ACCOUNT_INFO_EVERY_MS) {
        facts = known.facts;
        log.debug(`Account: 1fichier's answer of ${Math.round((now - known.checkedAt) / 1000)} s ago is reused`);
    }
    else if (known.anyCalledAt !== undefined && now - known.anyCalledAt < ACCOUNT_INFO_PER_IP_MS) {
        facts = known.facts;
        log.debug('Account: user/info.cgi was called less than a minute ago from here; not asked again');
    }
    else {
        try {
            facts = await client.accountInfo();
        }
        catch (error) {
            signal?.throwIfAborted();
            // A refused key or an account that is not a customer fails every call: said now, once.
            if (error instanceof onefichier_errors/* OneFichierError */.p7 && (error.kind === 'auth' || error.kind === 'account'))
                throw error;
            // Advice only: the calls that matter say it again if the key or the account is at fault.
            log.info(`Asking 1fichier about the account (user/info.cgi) failed: ${(0,errors/* headlineOf */.gD)(error)}; the backup ` +
                `goes on without it`);
        }
        await state?.rememberAccountInfo(now, facts);
    }
    return facts ? judgeAccount(facts, new Date(now)) : [];
}
/** Throws for an account that cannot take the upload; returns the notices for one that can. */
function judgeAccount(facts, now) {
    const nothingDone = 'Nothing was zipped, uploaded or deleted.';
    if (facts.uploadForbidden)
        throw new errors/* BackupError */.hj(`1fichier forbids uploads on this account (user/info.cgi: upload_forbidden), which it does when the account is ` +
            `over its storage quota or its subscription has ended: free space (1fichier-backup prune applies retention) ` +
            `or renew the subscription on 1fichier.com, then run again. ${nothingDone}`);
    if (facts.overQuota)
        throw new errors/* BackupError */.hj(`The 1fichier account is over its storage quota (user/info.cgi: overquota${usage(facts)}): delete files ` +
            `(1fichier-backup prune applies retention) or raise the quota on 1fichier.com, then run again. ${nothingDone}`);
    const notices = [];
    if (facts.offer === 0)
        notices.push('This is a free 1fichier account: 1fichier deletes its files 30 days after their last download, so ' +
            'retention is not the only thing that deletes these backups. Download (1fichier-backup check) the ones to ' +
            'keep within 30 days, or use a Premium account.');
    else if (facts.offer === 2)
        notices.push('This is an Access 1fichier account: by an older offers table, 1fichier deletes its files 30 days after their ' +
            'last download, so retention may not be the only thing that deletes these backups. Download (1fichier-backup ' +
            'check) the ones to keep within 30 days, or use a Premium account.');
    const end = subscriptionEnd(facts);
    if (end !== undefined && facts.offer !== 0) {
        const days = Math.floor((end.getTime() - now.getTime()) / DAY_MS);
        const day = facts.subscriptionEnd.slice(0, 10);
        if (days < 0)
            notices.push(`The 1fichier subscription ended on ${day}: renew it, or uploads and downloads may stop.`);
        else if (days <= SUBSCRIPTION_NOTICE_DAYS)
            notices.push(`The 1fichier subscription ends on ${day} (in ${days} day${days === 1 ? '' : 's'}): renew it before then, or ` +
                `uploads and downloads may stop.`);
    }
    return notices;
}
function usage(facts) {
    const { coldStorage, allowedColdStorage } = facts;
    return coldStorage !== undefined && allowedColdStorage !== undefined
        ? `, ${coldStorage} of ${allowedColdStorage} used`
        : '';
}
/** The subscription's end as a time (Paris time read as UTC: a day's precision is all it needs). */
function subscriptionEnd(facts) {
    if (!facts.subscriptionEnd)
        return undefined;
    const time = Date.parse(`${facts.subscriptionEnd.replace(' ', 'T')}${facts.subscriptionEnd.length > 10 ? '' : 'T00:00:00'}Z`);
    return Number.isNaN(time) ? undefined : new Date(time);
}

;// CONCATENATED MODULE: ./lib/select/portable.js
// What a backup made on Windows stores, so that it restores sanely on Linux and macOS. Windows has
// no Unix modes: libuv reports 0666 (0444 read-only) for files and 0777 for folders, which stored
// as they are would restore world-writable. They are normalised as actions/upload-artifact
// documents: files 0644, executables and folders 0755. Link targets are stored with `/`.
/** File names Windows runs as programs: stored executable. */
const WINDOWS_EXECUTABLE = /\.(exe|com|bat|cmd|ps1|sh)$/i;
function portableMode(kind, mode, name, platform = process.platform) {
    if (platform !== 'win32')
        return mode & 0o7777;
    if (kind === 'directory')
        return 0o755;
    if (kind === 'symlink')
        return 0o777;
    return WINDOWS_EXECUTABLE.test(name) ? 0o755 : 0o644;
}
function portableLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\\/g, '/') : target;
}

// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 24 modules
var glob = __webpack_require__(2025);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(3581);
;// CONCATENATED MODULE: ./lib/select/patterns.js
// The `path` lines as @actions/glob 0.7 reads them (https://github.com/actions/toolkit/blob/main/
// packages/glob/src/internal-pattern.ts), on minimatch's public API (Minimatch: match, matchOne,
// set), so that the walk matches paths exactly as upload-artifact does without reaching into the
// globber. POSIX paths only: on Windows the selection leaves the walk to @actions/glob itself.
// walk.test.ts holds these rules to @actions/glob's own results for every kind of pattern.



/** What a path is matched as (@actions/glob's MatchKind): a directory only (trailing `/`), or anything. */
const MATCH_DIRECTORY = 1;
const MATCH_FILE = 2;
const MATCH_ALL = MATCH_DIRECTORY | MATCH_FILE;
// As @actions/glob creates its matchers: `{a,b}`, `+(x)` and a leading `!` or `#` are literal.
const MINIMATCH_OPTIONS = { dot: true, nobrace: true, nocase: false, nocomment: true, noext: true, nonegate: true };
class PathPattern {
    implicit;
    negate;
    /** The pattern's segments, the root (`/`) first, as written (escapes kept). */
    segments;
    /** A pattern ending in `/` matches directories only. */
    trailingSeparator;
    /** The literal path before the first segment with a glob in it: where the walk starts. */
    searchPath;
    minimatch;
    /** One `path` line; or, with `implicit`, the `/**` that @actions/glob adds to a pattern's segments. */
    constructor(line, implicit = false, home = (0,external_node_os_.homedir)()) {
        this.implicit = implicit;
        let pattern = line.trim();
        let negate = false;
        while (pattern.startsWith('!')) {
            negate = !negate;
            pattern = pattern.slice(1).trim();
        }
        this.negate = negate;
        pattern = absolutePattern(pattern, home);
        this.segments = segmentsOf(pattern);
        this.trailingSeparator = pattern.endsWith('/');
        const literals = this.segments.map(literalOf);
        const firstGlob = literals.indexOf('');
        this.searchPath = joinSegments(firstGlob === -1 ? literals : literals.slice(0, firstGlob));
        this.minimatch = new esm/* Minimatch */.VR(trimTrailingSeparator(pattern), MINIMATCH_OPTIONS);
    }
    /** The same pattern with `/**` after it: `dir` also means everything under it. */
    withDescendants() {
        return new PathPattern(`${this.negate ? '!' : ''}${joinSegments([...this.segments, '**'])}`, true);
    }
    /** Whether @actions/glob adds the implicit descendants of this pattern (it does unless it ends in `**`). */
    get wantsDescendants() {
        return this.trailingSeparator || this.segments[this.segments.length - 1] !== '**';
    }
    /** MATCH_DIRECTORY, MATCH_FILE (both: anything) or 0. */
    match(itemPath) {
        if (this.segments[this.segments.length - 1] === '**') {
            // minimatch does not match `/foo` against `/foo/**`, but does `/foo/`: the path gets a slash.
            itemPath = normalizeSeparators(itemPath);
            if (!itemPath.endsWith('/') && !this.implicit)
                itemPath += '/';
        }
        else {
            itemPath = trimTrailingSeparator(itemPath);
        }
        if (!this.minimatch.match(itemPath))
            return 0;
        return this.trailingSeparator ? MATCH_DIRECTORY : MATCH_ALL;
    }
    /** Whether something below `itemPath` may match: the walk enters only such directories. */
    partialMatch(itemPath) {
        itemPath = trimTrailingSeparator(itemPath);
        if (external_node_path_.dirname(itemPath) === itemPath)
            return true; // the root: every pattern starts there
        return this.minimatch.matchOne(itemPath.split(/\/+/), this.minimatch.set[0] ?? [], true);
    }
}
/** The lines of `path`, as @actions/glob reads them: trimmed, empty lines and `#` comments left out. */
function parsePatterns(lines) {
    return lines
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => new PathPattern(line));
}
/** The patterns with the implicit descendants @actions/glob adds (implicitDescendants, its default). */
function withImplicitDescendants(patterns) {
    return patterns.flatMap((p) => (p.wantsDescendants ? [p, p.withDescendants()] : [p]));
}
/** What the patterns make of a path, as @actions/glob combines them: later negations take away. */
function matchAll(patterns, itemPath) {
    let result = 0;
    for (const pattern of patterns) {
        if (pattern.negate)
            result &= ~pattern.match(itemPath);
        else
            result |= pattern.match(itemPath);
    }
    return result;
}
function partialMatchAny(patterns, itemPath) {
    return patterns.some((p) => !p.negate && p.partialMatch(itemPath));
}
/**
 * Whether these patterns start where @actions/glob's globber says the search starts (its public
 * getSearchPaths(), which the walk uses): every search path is one of an including pattern's, and
 * every including pattern's lies at or under one of them. Otherwise the two read a line differently.
 */
function agreesWith(patterns, globberSearchPaths) {
    const own = patterns.filter((p) => !p.negate).map((p) => p.searchPath);
    const under = (p, root) => p === root || p.startsWith(withSeparator(root));
    return (globberSearchPaths.every((root) => own.includes(root)) &&
        own.every((p) => globberSearchPaths.some((root) => under(p, root))));
}
/**
 * The pattern made absolute: `.` and a relative pattern start at the current folder, `~` at the
 * home folder (both glob-escaped). `.` past the first segment and `..` anywhere are refused.
 */
function absolutePattern(pattern, home) {
    if (!pattern)
        throw new Error('pattern cannot be empty');
    const literals = segmentsOf(pattern).map(literalOf);
    if (!literals.every((x, i) => (x !== '.' || i === 0) && x !== '..'))
        throw new Error(`Invalid pattern '${pattern}'. Relative pathing '.' and '..' is not allowed.`);
    pattern = normalizeSeparators(pattern);
    if (pattern === '.' || pattern.startsWith('./'))
        pattern = globEscape(process.cwd()) + pattern.slice(1);
    else if (pattern === '~' || pattern.startsWith('~/'))
        pattern = globEscape(home) + pattern.slice(1);
    else if (!pattern.startsWith('/'))
        pattern = withSeparator(globEscape(process.cwd())) + pattern;
    return normalizeSeparators(pattern);
}
/** A path's segments, the root first: `/a/b` is `/`, `a`, `b`; `a/b` is `a`, `b`. */
function segmentsOf(itemPath) {
    itemPath = trimTrailingSeparator(itemPath);
    if (!itemPath.startsWith('/'))
        return itemPath.split('/');
    const segments = [];
    let remaining = itemPath;
    for (let dir = external_node_path_.dirname(remaining); dir !== remaining; dir = external_node_path_.dirname(remaining)) {
        segments.unshift(external_node_path_.basename(remaining));
        remaining = dir;
    }
    segments.unshift(remaining);
    return segments;
}
function joinSegments(segments) {
    const [first = '', ...rest] = segments;
    return rest.length === 0 ? first : withSeparator(first) + rest.join('/');
}
/** The segment as a literal name (escapes undone, one-character sets opened), or '' when it has a glob. */
function literalOf(segment) {
    let literal = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '\\' && i + 1 < segment.length) {
            literal += segment[++i];
            continue;
        }
        if (c === '*' || c === '?')
            return '';
        if (c === '[' && i + 1 < segment.length) {
            let set = '';
            let closed = -1;
            for (let j = i + 1; j < segment.length; j++) {
                const d = segment[j];
                if (d === '\\' && j + 1 < segment.length) {
                    set += segment[++j];
                    continue;
                }
                if (d === ']') {
                    closed = j;
                    break;
                }
                set += d;
            }
            if (closed >= 0) {
                if (set.length > 1)
                    return '';
                if (set) {
                    literal += set;
                    i = closed;
                    continue;
                }
            }
        }
        literal += c;
    }
    return literal;
}
/** A path written so that no character in it is a glob. */
function globEscape(s) {
    return s
        .replace(/\\/g, '\\\\')
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
function normalizeSeparators(p) {
    return p.replace(/\/\/+/g, '/');
}
function trimTrailingSeparator(p) {
    p = normalizeSeparators(p);
    return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}
function withSeparator(p) {
    return p.endsWith('/') ? p : `${p}/`;
}

;// CONCATENATED MODULE: ./lib/select/walk.js
// @actions/glob's search, with its pattern rules (patterns.ts, so every rule matches exactly as
// upload-artifact's does), but walked with synchronous lstat/readdir and the stats kept. Its own
// walk awaits one lstat at a time through libuv's pool (100,000 files: 5 s), then the caller had
// to stat everything again; this walk takes about a tenth of that. It yields to the event loop
// now and then, so a cancel is still heard. With follow-symlinks it stats instead, and passes over
// a link that leads back up the tree. A path it cannot read is told (onSkip) and passed over: the
// backup goes on without it.



function isAncestor(chain, id) {
    for (let a = chain; a; a = a.parent)
        if (a.id === id)
            return true;
    return false;
}
/**
 * What @actions/glob's `globber.glob()` returns for these patterns (with their implicit
 * descendants, patterns.ts) from these search paths, in the same order, with each path's lstat,
 * as it is found: the zip starts on the first files while the walk goes on.
 */
async function* walkPatterns(patterns, searchPaths, options) {
    // The search paths first, as a directory of their own (their names are whole paths).
    const top = { prefix: '', names: searchPaths.filter(exists), raws: undefined, next: 0, ancestors: undefined };
    const stack = [top];
    let visited = 0;
    while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        if (frame.next === frame.names.length) {
            stack.pop();
            continue;
        }
        if (++visited % 4096 === 0)
            await new Promise((resolve) => setImmediate(resolve));
        const i = frame.next++;
        const itemPath = frame.prefix + frame.names[i];
        const raw = frame.raws?.[i];
        const matched = matchAll(patterns, itemPath);
        if (matched === 0 && !partialMatchAny(patterns, itemPath))
            continue;
        let stats;
        try {
            stats = options.followSymlinks ? (0,external_node_fs_.statSync)(raw ?? itemPath) : (0,external_node_fs_.lstatSync)(raw ?? itemPath);
        }
        catch (error) {
            // A broken link is passed over quietly, as @actions/glob's omitBrokenSymbolicLinks does.
            const code = error.code;
            if (!(options.followSymlinks && code === 'ENOENT' && isBrokenLink(raw ?? itemPath)))
                options.onSkip(itemPath, error);
            continue;
        }
        const name = frame === top ? external_node_path_.basename(itemPath) : frame.names[i];
        if (options.excludeHiddenFiles && name.startsWith('.'))
            continue;
        if (stats.isDirectory()) {
            if (options.isExcludedDirectory?.(stats))
                continue;
            const id = `${stats.dev}:${stats.ino}`;
            if (options.followSymlinks && isAncestor(frame.ancestors, id)) {
                options.onSkip(itemPath, Object.assign(new Error('a symbolic link leads back up the tree'), { code: 'ELOOP' }));
                continue;
            }
            let children;
            try {
                children = readChildren(itemPath, raw);
            }
            catch (error) {
                options.onSkip(itemPath, error);
                continue;
            }
            if (matched & MATCH_DIRECTORY)
                yield found(itemPath, stats, raw);
            const ancestors = options.followSymlinks ? { id, parent: frame.ancestors } : undefined;
            const prefix = itemPath.endsWith(external_node_path_.sep) ? itemPath : itemPath + external_node_path_.sep;
            stack.push({ prefix, ...children, next: 0, ancestors });
        }
        else if (matched & MATCH_FILE) {
            yield found(itemPath, stats, raw);
        }
    }
}
function exists(searchPath) {
    try {
        (0,external_node_fs_.lstatSync)(searchPath);
        return true;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return false;
        throw error;
    }
}
function isBrokenLink(file) {
    try {
        return (0,external_node_fs_.lstatSync)(file).isSymbolicLink();
    }
    catch {
        return false;
    }
}
function found(itemPath, stats, raw) {
    return raw ? { path: itemPath, stats, raw } : { path: itemPath, stats };
}
/**
 * A directory's children. A name that is not valid UTF-8 comes back from Node with U+FFFD in it,
 * and that string names no file: such a directory is read again as bytes, and those children keep
 * their raw path (Info-ZIP stores such names as their bytes too).
 */
function readChildren(dirPath, dirRaw) {
    const names = (0,external_node_fs_.readdirSync)(dirRaw ?? dirPath);
    if (dirRaw === undefined && !names.some((name) => name.includes('\uFFFD')))
        return { names, raws: undefined };
    const parent = dirRaw ?? Buffer.from(dirPath);
    const children = (0,external_node_fs_.readdirSync)(parent, { encoding: 'buffer' });
    const decoded = children.map((bytes) => bytes.toString('utf8'));
    return {
        names: decoded,
        // Children of a raw folder are raw too; elsewhere only a name that does not survive decoding.
        raws: children.map((bytes, i) => dirRaw === undefined && Buffer.from(decoded[i]).equals(bytes)
            ? undefined
            : Buffer.concat([parent, Buffer.from(external_node_path_.sep), bytes])),
    };
}

;// CONCATENATED MODULE: ./lib/select/select.js
// `path` lines to the entries of the archive, with @actions/glob and upload-artifact's root rule:
// the least common ancestor of the search paths (a single literal file: its parent).






/** Why a path could not be read, in words a user can act on. */
function describeReadError(error) {
    switch (error.code) {
        case 'ENOENT':
            return 'it vanished while the backup ran';
        case 'ELOOP':
            return 'its symbolic links loop';
        case 'ENAMETOOLONG':
            return 'its path is too long for the system';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        default:
            return `it cannot be read (${error.code ?? error.message})`;
    }
}
const STAT_BATCH = 256;
class SelectionError extends Error {
    name = 'SelectionError';
}
// Files that an auth step or a checkout leaves behind and that must not end up on a file host.
const CREDENTIAL_FILES = [
    [/(^|\/)gha-creds-[^/]*\.json$/, 'a Google credentials file written by google-github-actions/auth'],
    [/(^|\/)\.git\/config$/, 'may hold the checkout token (persist-credentials)'],
    [/(^|\/)\.(npmrc|netrc|pypirc)$/, 'may hold registry tokens'],
    [/(^|\/)\.docker\/config\.json$/, 'may hold registry credentials'],
    // dotenv files: .env, .env.local, .env.production (a committed .env.example is a template).
    [/(^|\/)\.env(\.(?!(example|sample|template|dist)$)[^/]+)?$/, 'a dotenv file: often holds API keys and passwords'],
    [/(^|\/)(id_rsa|id_dsa|id_ecdsa|id_ed25519)$/, 'an SSH private key'],
];
/** upload-artifact's least common ancestor of several search paths. */
function commonAncestor(paths) {
    const split = paths.map((p) => external_node_path_.normalize(p).split(external_node_path_.sep));
    const shortest = Math.min(...split.map((s) => s.length));
    const common = [];
    for (let i = 0; i < shortest; i++) {
        const segment = split[0][i];
        if (!split.every((s) => s[i] === segment))
            break;
        common.push(segment);
    }
    const joined = common.join(external_node_path_.sep);
    return joined === '' ? external_node_path_.sep : joined;
}
/** The path's name in the zip: relative to the root, `/`-separated. */
function toArchiveName(root, rootPrefix, file) {
    // The walk's paths start with the root as it is written: a slice, not path.relative's two resolves.
    const relative = file.startsWith(rootPrefix) ? file.slice(rootPrefix.length) : external_node_path_.relative(root, file);
    return external_node_path_.sep === '/' ? relative : relative.split(external_node_path_.sep).join('/');
}
function isInside(parent, child) {
    const rel = external_node_path_.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_.isAbsolute(rel));
}
async function openSelection(patterns, options) {
    // Created with @actions/glob's defaults (implicit descendants, directories matched), which it
    // does not log: the walk below applies follow-symlinks and the hidden-file rule itself. A
    // globber with options writes `::debug::` lines to stdout, which the CLI keeps for its output.
    const globber = await glob/* create */.v(patterns);
    const searchPaths = globber.getSearchPaths();
    const workspace = await (0,promises_.realpath)(options.workspace).catch(() => external_node_path_.resolve(options.workspace));
    const tally = { fileCount: 0, totalBytes: 0, credentialWarnings: [], missing: [] };
    const missing = (file, reason) => {
        const name = isInside(workspace, file) ? external_node_path_.relative(workspace, file).split(external_node_path_.sep).join('/') : file;
        tally.missing.push({ name, reason });
        options.onMissing?.(name, reason);
    };
    // The excluded folders, by path (as given and as real) and by identity: RUNNER_TEMP may be
    // reached through a symbolic link into the backed-up tree, where the walk sees another path.
    const excluded = await excludedPaths(options.exclude ?? []);
    const excludedRoots = excluded.paths.map((p) => ({ path: p, prefix: p + external_node_path_.sep }));
    const isExcluded = (file) => excludedRoots.some((r) => file === r.path || file.startsWith(r.prefix));
    // The fast walk, which keeps each path's stats (lstat; stat when following links).
    const walked = fastWalk(patterns, searchPaths, {
        excludeHiddenFiles: !options.includeHiddenFiles,
        followSymlinks: options.followSymlinks,
        onSkip: (file, error) => missing(file, describeReadError(error)),
        isExcludedDirectory: (stats) => excluded.ids.has(`${stats.dev}:${stats.ino}`),
    });
    const found = (async function* () {
        const all = walked ?? (await globAll(patterns, options)).map((p) => ({ path: p, stats: undefined }));
        // Both walks give absolute, normalized paths (they start from the globber's search paths).
        for await (const item of all)
            if (!isExcluded(item.path))
                yield item;
    })();
    // upload-artifact's root: it depends on whether the one search path is the only match, so the
    // first two matches are looked at before any entry is named.
    const head = [];
    while (head.length < 2) {
        const next = await found.next();
        if (next.done)
            break;
        head.push(next.value);
    }
    let root;
    if (searchPaths.length > 1)
        root = commonAncestor(searchPaths);
    else if (head.length === 1 && searchPaths[0] === head[0].path)
        root = external_node_path_.dirname(head[0].path);
    else
        root = searchPaths[0] ?? process.cwd();
    const all = (async function* () {
        yield* head;
        yield* found;
    })();
    return { root, tally, ...lookAhead(toEntries(all, root, workspace, options, tally, missing)) };
}
/**
 * The entries, with a look ahead to the first file (or link): whether there is anything to back up
 * at all is known before the zip starts, and the entries read meanwhile are handed on unchanged.
 */
function lookAhead(source) {
    const ahead = [];
    let found;
    const hasFiles = () => (found ??= (async () => {
        for (;;) {
            const next = await source.next();
            if (next.done)
                return false;
            ahead.push(next.value);
            if (next.value.kind !== 'directory')
                return true;
        }
    })());
    const entries = (async function* () {
        if (found)
            await found;
        while (ahead.length > 0)
            yield ahead.shift();
        yield* source;
    })();
    return { entries, hasFiles };
}
/**
 * The fast walk over the patterns as patterns.ts reads them; null where @actions/glob's own walk
 * must do it: on Windows (patterns.ts reads POSIX paths), or when the two do not agree on where
 * to search (a rule of a newer @actions/glob that patterns.ts does not know).
 */
function fastWalk(patterns, searchPaths, options) {
    if (process.platform === 'win32')
        return null;
    let own;
    try {
        own = parsePatterns(patterns);
    }
    catch {
        return null;
    }
    if (!agreesWith(own, searchPaths))
        return null;
    return walkPatterns(withImplicitDescendants(own), searchPaths, options);
}
/** @actions/glob's own search, with every option: where the fast walk does not apply. */
async function globAll(patterns, options) {
    const globber = await glob/* create */.v(patterns, {
        followSymbolicLinks: options.followSymlinks,
        omitBrokenSymbolicLinks: true,
        excludeHiddenFiles: !options.includeHiddenFiles,
    });
    return globber.glob();
}
async function* toEntries(found, root, workspace, options, tally, missing) {
    const counted = (entry) => {
        if (entry.kind !== 'directory')
            tally.fileCount++;
        if (entry.kind === 'file')
            tally.totalBytes += entry.size;
        for (const [pattern, why] of CREDENTIAL_FILES) {
            if (pattern.test(entry.name))
                tally.credentialWarnings.push(`'${entry.name}' ${why}`);
        }
        return entry;
    };
    // Paths without stats (the follow-symlinks walk) are stat'ed in parallel batches: one at a time
    // costs a thread-pool round trip each. The order stays glob's.
    let batch = [];
    const statBatch = async () => {
        const current = batch;
        batch = [];
        const stats = await Promise.all(current.map(({ source }) => (options.followSymlinks ? (0,promises_.stat)(source) : (0,promises_.lstat)(source)).catch((error) => {
            missing(source, describeReadError(error));
            return null;
        })));
        const entries = [];
        for (const [i, { source, name }] of current.entries()) {
            const stat = stats[i];
            if (!stat)
                continue;
            const entry = await readEntry(source, name, stat, workspace, options, missing);
            if (entry)
                entries.push(counted(entry));
        }
        return entries;
    };
    const rootPrefix = root.endsWith(external_node_path_.sep) ? root : root + external_node_path_.sep;
    const rootBytes = Buffer.from(rootPrefix);
    for await (const { path: source, stats, raw } of found) {
        const name = toArchiveName(root, rootPrefix, source);
        if (name === '')
            continue;
        if (stats) {
            const entry = await readEntry(source, name, stats, workspace, options, missing, raw && rawEntry(raw, rootBytes));
            if (entry)
                yield counted(entry);
            continue;
        }
        batch.push({ source, name });
        if (batch.length >= STAT_BATCH)
            yield* await statBatch();
    }
    yield* await statBatch();
}
/** A path whose name is not valid UTF-8: its bytes, and its name in the zip as bytes. */
function rawEntry(raw, rootBytes) {
    return raw.subarray(0, rootBytes.length).equals(rootBytes)
        ? { source: raw, name: raw.subarray(rootBytes.length) }
        : undefined;
}
/**
 * The path as an entry of the zip, or null for what holds nothing to back up (sockets, fifos,
 * devices). A path that cannot be read is passed over as missing instead of failing the backup.
 */
async function readEntry(source, name, stats, workspace, options, missing, raw) {
    try {
        if (options.followSymlinks)
            await refuseOutsideWorkspace(source, name, workspace);
        // One object per entry (this runs once per file, 100,000 times for as many small files).
        // Truncated to the millisecond: Stats.mtime rounds, and 12:00:04.9996 became 12:00:05 in the zip.
        const mtime = new Date(Math.floor(stats.mtimeMs));
        if (stats.isFile())
            return { kind: 'file', source, name, mode: portableMode('file', stats.mode, name), mtime, size: stats.size, raw };
        if (stats.isDirectory())
            return { kind: 'directory', source, name, mode: portableMode('directory', stats.mode, name), mtime, raw };
        if (stats.isSymbolicLink()) {
            const target = portableLinkTarget(await (0,promises_.readlink)(raw?.source ?? source));
            return { kind: 'symlink', source, name, mode: portableMode('symlink', stats.mode, name), mtime, target, raw };
        }
        return null;
    }
    catch (error) {
        if (error instanceof SelectionError || !error.code)
            throw error;
        missing(source, describeReadError(error));
        return null;
    }
}
/** The folders to leave out, as resolved and real paths, and as device and inode. */
async function excludedPaths(exclude) {
    const paths = new Set();
    const ids = new Set();
    for (const p of exclude) {
        paths.add(external_node_path_.resolve(p));
        const real = await (0,promises_.realpath)(p).catch(() => undefined);
        if (real)
            paths.add(real);
        const stats = await (0,promises_.stat)(p).catch(() => undefined);
        if (stats)
            ids.add(`${stats.dev}:${stats.ino}`);
    }
    return { paths: [...paths], ids };
}
/** With follow-symlinks, the content of a link is stored only when its target stays inside the workspace. */
async function refuseOutsideWorkspace(source, name, workspace) {
    const real = await (0,promises_.realpath)(source);
    if (!isInside(workspace, real)) {
        throw new SelectionError(`'${name}' is a symbolic link to '${real}', outside the workspace; follow-symlinks never reads outside it. ` +
            'Turn follow-symlinks off (the default) to store the link itself, or exclude it with a !pattern line');
    }
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./lib/platform/worker-script.js
var worker_script = __webpack_require__(4149);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./lib/zip/aes.js
var aes = __webpack_require__(5880);
// EXTERNAL MODULE: ./lib/zip/inflate.js
var inflate = __webpack_require__(2404);
// EXTERNAL MODULE: ./lib/zip/format.js
var zip_format = __webpack_require__(9480);
;// CONCATENATED MODULE: ./lib/zip/read-fully.js
// A positioned read that fills the whole buffer (readSync may return fewer bytes than asked).

/** Fills `into` from `position` in `fd`; false when the file ends first. */
function readFully(fd, into, position) {
    for (let filled = 0; filled < into.length;) {
        const n = (0,external_node_fs_.readSync)(fd, into, filled, into.length - filled, position + filled);
        if (n === 0)
            return false;
        filled += n;
    }
    return true;
}

;// CONCATENATED MODULE: ./lib/zip/read-back.js
// Proof before prune: the finished zip read back as a reader would, in the same pass that hashes
// it for SHA-256 and Whirlpool (digest.ts feeds it every byte in order). The central directory is
// read first from the end of the file (a small positioned read); then each entry's local header is
// compared with it, its data inflated and its CRC-32 checked (for AES entries, the authentication
// code), its data descriptor compared, and the entries must tile the file up to the directory.
// A writer bug then fails the run before retention can delete an older, good backup.







/** The zip does not read back as written. */
class ZipCheckError extends Error {
    name = 'ZipCheckError';
}
const EOCD = zip_format/* END_SIGNATURE */.Rf;
const ZIP64_LOCATOR = zip_format/* ZIP64_LOCATOR_SIGNATURE */.k_;
const ZIP64_EOCD = zip_format/* ZIP64_END_SIGNATURE */.Z_;
const CENTRAL = zip_format/* CENTRAL_HEADER_SIGNATURE */.Ti;
const LOCAL = zip_format/* LOCAL_HEADER_SIGNATURE */.jr;
const DESCRIPTOR = zip_format/* DATA_DESCRIPTOR_SIGNATURE */.Ye;
/**
 * The central directory as the bytes it was read as, with each record's place in them, in the
 * order of the entries in the file: for a directory whose records are not in that order (another
 * writer's; ours writes them in order).
 */
class SortedDirectory {
    cd;
    records;
    constructor(cd, 
    /** Where each record starts in `cd`, in file order. */
    records) {
        this.cd = cd;
        this.records = records;
    }
    get count() {
        return this.records.length;
    }
    entry(i) {
        return parseRecord(this.cd, this.records[i]);
    }
}
/** Records are read from the file in windows of this size. */
const WINDOW = 1 << 20;
/**
 * A directory in file order, read a window at a time as the entries come (the file is opened for
 * each window, so nothing stays open if the read stops): memory does not grow with the number of
 * entries (100,000 of them are 8.5 MB of records).
 */
class WindowedDirectory {
    file;
    offset;
    size;
    count;
    window = Buffer.alloc(0);
    /** Where the window starts, from the directory's start. */
    windowAt = 0;
    /** The next record, from the directory's start. */
    at = 0;
    nextIndex = 0;
    constructor(file, offset, size, count) {
        this.file = file;
        this.offset = offset;
        this.size = size;
        this.count = count;
    }
    /** The directory's bytes read so far. */
    get consumed() {
        return this.at;
    }
    entry(i) {
        if (i !== this.nextIndex)
            throw new Error('the directory is read in order');
        const record = this.record();
        if (record.readUInt32LE(0) !== CENTRAL)
            throw new ZipCheckError(`central record ${i + 1} is damaged`);
        this.nextIndex++;
        this.at += record.length;
        const entry = parseRecord(record, 0);
        // The name outlives the window it was read in.
        entry.name = Buffer.from(entry.name);
        return entry;
    }
    /** The next record's bytes (the window is moved on, or grown for a long record, when it ends inside it). */
    record() {
        let p = this.at - this.windowAt;
        if (p + 46 > this.window.length)
            p = this.load(46);
        const length = recordLength(this.window, p);
        if (p + length > this.window.length)
            p = this.load(length);
        return this.window.subarray(p, p + length);
    }
    load(needed) {
        const length = Math.min(Math.max(WINDOW, needed), this.size - this.at);
        if (length < needed)
            throw new ZipCheckError('the central directory ends inside a record');
        if (this.window.length < length)
            this.window = Buffer.alloc(Math.max(WINDOW, length));
        readInto(this.file, this.window.subarray(0, length), this.offset + this.at);
        this.window = this.window.subarray(0, length);
        this.windowAt = this.at;
        return 0;
    }
}
/**
 * `into` filled from `position` of the file, opened for this read only (this runs on the checksum
 * thread, where a short synchronous read blocks nothing else).
 */
function readInto(file, into, position) {
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        if (!readFully(fd, into, position))
            throw new ZipCheckError('the zip is shorter than its own directory says');
        return into;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function recordLength(cd, p) {
    return 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
}
function parseRecord(cd, p) {
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const entry = {
        name: cd.subarray(p + 46, p + 46 + nameLength),
        flags: cd.readUInt16LE(p + 8),
        method: cd.readUInt16LE(p + 10),
        crc: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        uncompressedSize: cd.readUInt32LE(p + 24),
        offset: cd.readUInt32LE(p + 42),
    };
    applyZip64(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    return entry;
}
/** Where the directory is, by the end records (zip64's when there are). */
function findDirectory(file, size) {
    const tailLength = Math.min(size, zip_format/* END_LENGTH */.XI + 0xffff);
    const tail = readInto(file, Buffer.alloc(tailLength), size - tailLength);
    let at = tail.length - zip_format/* END_LENGTH */.XI;
    while (at >= 0 && tail.readUInt32LE(at) !== EOCD)
        at--;
    if (at < 0)
        throw new ZipCheckError('no end of central directory record');
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (at >= zip_format/* ZIP64_LOCATOR_LENGTH */.q2 && tail.readUInt32LE(at - zip_format/* ZIP64_LOCATOR_LENGTH */.q2) === ZIP64_LOCATOR) {
        const record = readInto(file, Buffer.alloc(56), Number(tail.readBigUInt64LE(at - zip_format/* ZIP64_LOCATOR_LENGTH */.q2 + 8)));
        if (record.readUInt32LE(0) !== ZIP64_EOCD)
            throw new ZipCheckError('the zip64 end record is missing');
        count = Number(record.readBigUInt64LE(32));
        cdSize = Number(record.readBigUInt64LE(40));
        cdOffset = Number(record.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size)
        throw new ZipCheckError('the central directory lies past the end of the zip');
    return { count, cdOffset, cdSize };
}
/**
 * The directory, checked whole before any entry is (every record sound, no bytes after the last):
 * a zip whose directory does not read is no backup. Read through once in windows; kept in memory
 * only when its records are not in file order.
 */
function readCentralDirectory(file, size) {
    const { count, cdOffset, cdSize } = findDirectory(file, size);
    const check = new WindowedDirectory(file, cdOffset, cdSize, count);
    let inOrder = true;
    let previous = -1;
    for (let i = 0; i < count; i++) {
        let entry;
        try {
            entry = check.entry(i);
        }
        catch (error) {
            throw error instanceof ZipCheckError || error instanceof RangeError
                ? new ZipCheckError(`central record ${i + 1} is damaged`)
                : error;
        }
        inOrder &&= entry.offset >= previous;
        previous = entry.offset;
    }
    if (check.consumed !== cdSize)
        throw new ZipCheckError('the central directory holds more than its entries');
    const directory = inOrder
        ? new WindowedDirectory(file, cdOffset, cdSize, count)
        : sortedDirectory(file, cdOffset, cdSize, count);
    return { directory, offset: cdOffset };
}
/** The whole directory in memory, its records sorted by their entries' offsets. */
function sortedDirectory(file, cdOffset, cdSize, count) {
    const cd = readInto(file, Buffer.alloc(cdSize), cdOffset);
    const records = new Float64Array(count);
    const offsets = new Float64Array(count);
    for (let i = 0, p = 0; i < count; p += recordLength(cd, p), i++) {
        records[i] = p;
        offsets[i] = parseRecord(cd, p).offset;
    }
    const order = Array.from(offsets.keys()).sort((a, b) => offsets[a] - offsets[b]);
    return new SortedDirectory(cd, Float64Array.from(order, (i) => records[i]));
}
function applyZip64(entry, extra) {
    for (let p = 0; p + 4 <= extra.length;) {
        const id = extra.readUInt16LE(p);
        const length = extra.readUInt16LE(p + 2);
        if (id === zip_format/* ZIP64_EXTRA_ID */.pi) {
            let q = p + 4;
            const take = () => {
                const value = Number(extra.readBigUInt64LE(q));
                q += 8;
                return value;
            };
            if (entry.uncompressedSize === 0xffffffff)
                entry.uncompressedSize = take();
            if (entry.compressedSize === 0xffffffff)
                entry.compressedSize = take();
            if (entry.offset === 0xffffffff)
                entry.offset = take();
        }
        p += 4 + length;
    }
}
function hasZip64Field(extra) {
    for (let p = 0; p + 4 <= extra.length; p += 4 + extra.readUInt16LE(p + 2))
        if (extra.readUInt16LE(p) === zip_format/* ZIP64_EXTRA_ID */.pi)
            return true;
    return false;
}
class ZipReadBack {
    directory;
    directoryOffset;
    password;
    position = 0;
    index = 0;
    header = [];
    state = 'header';
    left = 0;
    check;
    descriptor = [];
    crc = 0;
    inflater = new inflate/* WholeInflater */.b();
    failure;
    /** Entries whose local header carries a zip64 field: their data descriptor has 8-byte sizes. */
    wideDescriptor = false;
    /** The entry being read (parsed from the directory when its turn comes). */
    current;
    constructor(directory, directoryOffset, password) {
        this.directory = directory;
        this.directoryOffset = directoryOffset;
        this.password = password;
        if (directory.count === 0 && directoryOffset !== 0)
            this.fail('the zip has data but no entries');
        if (directory.count === 0)
            this.state = 'directory';
        else {
            this.current = directory.entry(0);
            if (this.current.offset !== 0)
                this.fail('the first entry does not start the file');
        }
    }
    static async open(file, size, password) {
        const { directory, offset } = readCentralDirectory(file, size);
        return new ZipReadBack(directory, offset, password);
    }
    /** How many entries were checked (for the log). */
    get checked() {
        return this.index;
    }
    fail(message) {
        this.failure ??= new ZipCheckError(message);
    }
    get entry() {
        return this.current;
    }
    /** The next bytes of the file, in order. */
    async feed(chunk) {
        let at = 0;
        while (at < chunk.length && !this.failure) {
            if (this.state === 'directory') {
                this.position += chunk.length - at;
                return;
            }
            if (this.state === 'header')
                at += this.takeHeader(chunk.subarray(at));
            else if (this.state === 'data') {
                const piece = chunk.subarray(at, at + Math.min(this.left, chunk.length - at));
                this.left -= piece.length;
                at += piece.length;
                this.position += piece.length;
                try {
                    await this.check.write(piece);
                }
                catch (error) {
                    this.fail(`entry '${this.entry.name.toString()}' does not read back: ${error.message}`);
                    return;
                }
                if (this.left === 0)
                    await this.endData();
            }
            else
                at += this.takeDescriptor(chunk.subarray(at));
        }
    }
    /** Throws when anything did not read back. */
    async finish() {
        if (!this.failure && this.state !== 'directory')
            this.fail(`the zip ends inside entry '${this.entry.name.toString()}'`);
        if (this.failure)
            throw this.failure;
    }
    takeHeader(data) {
        const entry = this.entry;
        if (this.position !== entry.offset) {
            this.fail(`entry '${entry.name.toString()}' starts at byte ${entry.offset}, but the one before ends at ${this.position}`);
            return data.length;
        }
        // Most headers lie whole inside one read: no copy at all.
        if (this.header.length === 0 &&
            data.length >= zip_format/* LOCAL_HEADER_LENGTH */.$t &&
            data.length >= zip_format/* LOCAL_HEADER_LENGTH */.$t + data.readUInt16LE(26) + data.readUInt16LE(28)) {
            return this.headerRead(entry, data.subarray(0, 30 + data.readUInt16LE(26) + data.readUInt16LE(28)));
        }
        // Only the header's own bytes are gathered (a chunk holds many entries: never copy the rest).
        const had = this.header.reduce((n, b) => n + b.length, 0);
        const known = had + data.length >= zip_format/* LOCAL_HEADER_LENGTH */.$t
            ? Buffer.concat([...this.header, data.subarray(0, Math.max(0, zip_format/* LOCAL_HEADER_LENGTH */.$t - had))])
            : null;
        const length = known ? 30 + known.readUInt16LE(26) + known.readUInt16LE(28) : Infinity;
        if (had + data.length < length) {
            this.header.push(Buffer.from(data));
            return data.length;
        }
        const used = length - had;
        const all = Buffer.concat([...this.header, data.subarray(0, used)]);
        this.header = [];
        this.headerRead(entry, all);
        return used;
    }
    /** A whole local header: compared with the directory; the entry's data comes next. */
    headerRead(entry, all) {
        const length = all.length;
        this.position += length;
        if (all.readUInt32LE(0) !== LOCAL)
            this.fail(`entry '${entry.name.toString()}' has no local header where the directory says`);
        else if (!all.subarray(30, 30 + all.readUInt16LE(26)).equals(entry.name))
            this.fail(`the local header at byte ${entry.offset} names another file than the directory ('${entry.name.toString()}')`);
        else if (all.readUInt16LE(8) !== entry.method)
            this.fail(`entry '${entry.name.toString()}' has another compression method in its local header`);
        this.wideDescriptor = hasZip64Field(all.subarray(30 + all.readUInt16LE(26), length));
        this.check = this.startData(entry);
        this.left = entry.compressedSize;
        this.state = 'data';
        return length;
    }
    startData(entry) {
        if (entry.method === zip_format/* AES_METHOD */.UZ)
            return aesCheck(entry, this.password);
        if (entry.method === zip_format/* METHOD_STORED */.y$) {
            let crc = 0;
            return { write: async (chunk) => void (crc = (0,external_node_zlib_.crc32)(chunk, crc)), end: async () => crc >>> 0 };
        }
        if (entry.method === zip_format/* METHOD_DEFLATED */.oT)
            return (0,inflate/* inflatesWhole */.o)(entry.compressedSize, entry.uncompressedSize)
                ? inflateOnce(entry, this.inflater)
                : inflateStreaming(entry);
        this.fail(`entry '${entry.name.toString()}' uses compression method ${entry.method}`);
        return { write: async () => undefined, end: async () => 0 };
    }
    async endData() {
        const entry = this.entry;
        try {
            this.crc = await this.check.end();
        }
        catch (error) {
            this.fail(`entry '${entry.name.toString()}' does not read back: ${error.message}`);
            return;
        }
        this.check = undefined;
        if (entry.method !== zip_format/* AES_METHOD */.UZ && this.crc !== entry.crc >>> 0) {
            this.fail(`entry '${entry.name.toString()}' fails its CRC-32 check (the directory says ${entry.crc.toString(16)}, its ` +
                `data gives ${this.crc.toString(16)})`);
            return;
        }
        if (entry.flags & 0x8)
            this.state = 'descriptor';
        else
            this.next();
    }
    takeDescriptor(data) {
        const entry = this.entry;
        const wide = this.wideDescriptor;
        // At most 24 bytes of it are needed: never copy the rest of the chunk.
        const had = this.descriptor.reduce((n, b) => n + b.length, 0);
        const all = had === 0 ? data.subarray(0, 24) : Buffer.concat([...this.descriptor, data.subarray(0, 24 - had)]);
        const signed = all.length >= 4 && all.readUInt32LE(0) === DESCRIPTOR;
        const length = (signed ? 4 : 0) + 4 + (wide ? 16 : 8);
        if (all.length < length) {
            this.descriptor.push(Buffer.from(data.subarray(0, 24 - had)));
            return data.length;
        }
        const used = length - had;
        this.descriptor = [];
        this.position += length;
        const base = signed ? 4 : 0;
        const crc = all.readUInt32LE(base);
        const compressed = wide ? Number(all.readBigUInt64LE(base + 4)) : all.readUInt32LE(base + 4);
        const uncompressed = wide ? Number(all.readBigUInt64LE(base + 12)) : all.readUInt32LE(base + 8);
        if (crc !== entry.crc >>> 0 || compressed !== entry.compressedSize || uncompressed !== entry.uncompressedSize) {
            this.fail(`entry '${entry.name.toString()}' has a data descriptor that differs from the directory`);
        }
        this.next();
        return used;
    }
    next() {
        this.index++;
        if (this.index < this.directory.count) {
            this.current = this.directory.entry(this.index);
            this.state = 'header';
            return;
        }
        this.state = 'directory';
        if (this.position !== this.directoryOffset)
            this.fail(`the entries end at byte ${this.position}, the central directory starts at ${this.directoryOffset}`);
    }
}
/**
 * A small deflated entry, inflated in one call: from the piece that holds it whole, else from its
 * pieces gathered in the inflater's reused buffer (no new buffer per entry).
 */
function inflateOnce(entry, inflater) {
    let whole = null;
    let gathered = 0;
    return {
        write: async (piece) => {
            if (piece.length === entry.compressedSize)
                whole = piece;
            else {
                piece.copy(inflater.input(entry.compressedSize), gathered);
                gathered += piece.length;
            }
        },
        end: async () => {
            const deflated = whole ?? inflater.input(entry.compressedSize).subarray(0, gathered);
            const out = inflater.inflate(deflated, entry.uncompressedSize);
            if (out.length !== entry.uncompressedSize)
                throw new Error(`it inflates to ${out.length} bytes, not ${entry.uncompressedSize}`);
            return (0,external_node_zlib_.crc32)(out) >>> 0;
        },
    };
}
/** A large deflated entry: through a stream, in the thread pool. */
function inflateStreaming(entry) {
    const inflate = (0,external_node_zlib_.createInflateRaw)();
    let crc = 0;
    let length = 0;
    let error;
    inflate.on('data', (out) => {
        crc = (0,external_node_zlib_.crc32)(out, crc);
        length += out.length;
    });
    inflate.on('error', (e) => (error = e));
    return {
        // Resolves once zlib has taken the chunk in: its memory is then free again.
        write: (chunk) => new Promise((resolve, reject) => {
            if (error) {
                reject(error);
                return;
            }
            inflate.write(chunk, (e) => (e ? reject(e) : resolve()));
        }),
        end: async () => {
            if (error)
                throw error;
            inflate.end();
            await (0,external_node_events_.once)(inflate, 'end');
            if (length !== entry.uncompressedSize)
                throw new Error(`it inflates to ${length} bytes, not ${entry.uncompressedSize}`);
            return crc >>> 0;
        },
    };
}
/** An AES entry: the password check, then the authentication code over its ciphertext. */
function aesCheck(entry, password) {
    const reader = password === undefined ? undefined : new aes/* AesEntryReader */.v4(password);
    return {
        write: async (chunk) => {
            if (!reader)
                throw new Error(`'${entry.name.toString()}' is encrypted and no password was given`);
            await reader.read(chunk);
        },
        end: async () => {
            const problem = reader ? reader.finish() : 'no password was given';
            if (problem)
                throw new Error(`its AES data is not sound (${problem})`);
            return 0;
        },
    };
}

// EXTERNAL MODULE: ./lib/platform/digest.js
var digest = __webpack_require__(7307);
;// CONCATENATED MODULE: ./lib/backup/checksum-worker.js
// The zip's checksums and read-back check, on a worker thread for a zip of many entries: the
// read-back inflates every entry (100,000 of them for a tree of small files), and its short-lived
// objects kept the main thread's heap ~80 MB larger for the rest of the run. There, a small heap of
// its own takes them (checksums.ts sets its limits). A zip of fewer entries is read in the calling
// thread (checksums.ts says why).
// Bundled on its own beside each bundle that starts it (scripts/build.mjs), as the small-file worker is.




/** The read: its verdict and figures are posted as messages, from a worker or in the calling thread. */
async function check(request, post, signal) {
    let readBack;
    try {
        readBack = await ZipReadBack.open(request.zipPath, request.size, request.password || undefined);
    }
    catch (error) {
        if (error instanceof ZipCheckError) {
            post({ kind: 'unsound', stage: 'directory', message: error.message });
            return;
        }
        throw error;
    }
    post({ kind: 'opened' });
    const reading = (0,digest/* digestFile */.T)(request.zipPath, { reader: readBack });
    signal?.addEventListener('abort', () => reading.cancel(), { once: true });
    const digests = await reading.result;
    try {
        await readBack.finish();
    }
    catch (error) {
        if (error instanceof ZipCheckError) {
            post({ kind: 'unsound', stage: 'entries', message: error.message });
            return;
        }
        throw error;
    }
    post({ kind: 'done', ...digests, checked: readBack.checked });
}
const port = external_node_worker_threads_.parentPort;
if (port && external_node_worker_threads_.workerData?.role === 'checksums') {
    const request = external_node_worker_threads_.workerData.request;
    check(request, (message) => port.postMessage(message)).catch((error) => port.postMessage({ kind: 'failed', message: (0,errors/* messageOf */.bD)(error) }));
}

;// CONCATENATED MODULE: ./lib/backup/checksums.js
// The zip's checksums, taken from the file while the upload runs, and in the same read the proof
// that the zip reads back: every entry's CRC-32 (or AES code) and the central directory. Both are
// checksum-worker.ts's check(), run on a worker thread for a zip of many entries. Nothing is
// verified as a backup, nor pruned, before both are in.





/**
 * A zip of this many entries or more is read on a worker thread; fewer, in this thread. The worker's
 * isolate and its malloc arena (~30 MB) came on top of what the zip stage left in this thread's heap,
 * which the read of a few large entries reuses instead: the 3 GiB file's backup peaked at 200-206 MB
 * with the worker. (The restore's archive job draws the same line at a 1 MiB central directory.)
 */
const WORKER_ENTRIES = 15_000;
class Checksums {
    outcome;
    stop;
    log;
    logged = false;
    constructor(outcome, stop, log) {
        this.outcome = outcome;
        this.stop = stop;
        this.log = log;
    }
    /** Starts the read; the zip's directory is read first, from its end: a zip without one is no backup. */
    static async start(zip, password, log) {
        const request = { zipPath: zip.path, size: zip.size, password };
        let opened;
        const ready = new Promise((resolve) => (opened = resolve));
        let settle;
        const outcome = new Promise((resolve, reject) => (settle = { resolve, reject }));
        outcome.catch(() => undefined);
        const post = (message) => {
            if (message.kind === 'opened')
                opened();
            else if (message.kind === 'done')
                settle.resolve(message);
            else
                settle.reject(failure(message));
        };
        const run = zip.entryCount >= WORKER_ENTRIES ? onWorker : inThisThread;
        const stop = run(request, post, settle.reject);
        // The directory's verdict comes first; a failure then is the zip's, said before any upload.
        await Promise.race([ready, outcome]);
        return new Checksums(outcome, stop, log);
    }
    /** The checksums once the read is done (logged the first time), and the read-back's verdict. */
    async result() {
        const started = performance.now();
        const { sha256, whirlpool, engine, checked } = await this.outcome;
        if (!this.logged) {
            this.logged = true;
            const waited = performance.now() - started;
            this.log.info(`SHA-256 ${sha256}`);
            this.log.info(`Whirlpool ${whirlpool}`);
            this.log.info(`Read back: ${checked === 1 ? 'the one entry checks' : `all ${checked} entries check`} out (CRC-32 or AES ` +
                `code, and the central directory)`);
            const when = waited < 10 ? 'before the upload ended' : `${(0,format/* formatDuration */.a3)(waited)} after the upload ended`;
            this.log.info(`Checksums ready ${when} (${engine})`);
        }
        return { sha256, whirlpool };
    }
    /** Stops the read (the run is over, or cancelled). */
    cancel() {
        this.stop();
    }
}
/** The read on a worker thread; returns what stops it. */
function onWorker(request, post, fail) {
    const { script, options } = (0,worker_script/* workerScript */.w)('checksum-worker.js', import.meta.url);
    const worker = new external_node_worker_threads_.Worker(script, {
        ...options,
        workerData: { role: 'checksums', request },
        // It needs nothing from the environment (which holds the key as INPUT_API-KEY).
        env: {},
        // A small heap, collected often: what it allocates is part of the run's peak memory (64 MB of old
        // generation let its garbage grow the run by ~17 MB; its live data is a 1 MiB directory window).
        resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
    });
    worker.on('message', post);
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the checksum thread stopped (exit code ${code})`)));
    return () => {
        worker.removeAllListeners('exit');
        void worker.terminate();
    };
}
/** The read in this thread (entries over 1 MiB inflate in the thread pool); returns what stops it. */
function inThisThread(request, post, fail) {
    const abort = new AbortController();
    check(request, post, abort.signal).catch(fail);
    return () => abort.abort();
}
function failure(message) {
    if (message.kind === 'failed')
        return new Error(message.message);
    if (message.stage === 'directory')
        return new errors/* BackupError */.hj(`The zip that was written does not read back (${message.message}): nothing was uploaded or deleted. This is ` +
            `a bug; please report it.`);
    return new errors/* BackupError */.hj(`The zip does not read back as it was written (${message.message}): it is not a sound backup, so nothing ` +
        `was verified or deleted. If it was uploaded, delete that copy by hand. This is a bug; please report it.`);
}

// EXTERNAL MODULE: ./lib/platform/log.js
var platform_log = __webpack_require__(1673);
// EXTERNAL MODULE: ./lib/onefichier/folders.js
var folders = __webpack_require__(2291);
;// CONCATENATED MODULE: ./lib/backup/destination.js



/** Starts the lookup now; nothing else in the run starts a request before the upload stage. */
function startLookup(session) {
    const { config, client } = session;
    const deferred = new platform_log/* DeferredLog */.CU(session.log);
    const refusal = new AbortController();
    const destination = lookUp(config, client, deferred);
    // The one place the lookup's failure is heard before a stage awaits it: a refusal stops the zip.
    destination.catch((error) => {
        if (isRefusal(error))
            refusal.abort(error);
    });
    return { destination, refused: refusal.signal, log: deferred };
}
/** Waits for the lookup, then says what it logged meanwhile (once), whether it succeeded or not. */
async function destinationOf(lookup, log) {
    try {
        return await lookup.destination;
    }
    finally {
        lookup.log.replay(log);
    }
}
async function lookUp(config, client, log) {
    // A dry run only reads: no folder is created.
    const folder = await (0,folders/* resolveFolder */.h)(client, config.folder, { create: !config.dryRun, log });
    // A plain run asks for its upload node meanwhile; not when it may not upload at all.
    if (!config.dryRun && !config.skipUnchanged)
        client.prefetchUploadServer();
    // A dry run lists only to compare (its retention plan lists the folder itself).
    if (folder.id === null || (config.dryRun && !config.skipUnchanged))
        return { folder, listing: undefined };
    if (folder.created.includes(folder.path))
        return { folder, listing: [] };
    try {
        return { folder, listing: await client.listFiles(folder.id) };
    }
    catch (error) {
        if (!(error instanceof onefichier_errors/* OneFichierError */.p7))
            throw error;
        return { folder, listing: undefined, listingError: error };
    }
}
/** Refusals that no later call can get past: the zip need not be finished. */
function isRefusal(error) {
    return (error instanceof onefichier_errors/* OneFichierError */.p7 && (error.kind === 'auth' || error.kind === 'account' || error.kind === 'flood'));
}

// EXTERNAL MODULE: ./lib/series/retention.js
var series_retention = __webpack_require__(1899);
;// CONCATENATED MODULE: ./lib/backup/dry-run.js
// A dry run: read-only calls only (no folder is created), then the plan as a real run would make it.






async function dryRunPlan(session, input) {
    const { config, client, log } = session;
    const { lookup, fileName, now, size } = input;
    log.info(`Dry run: ${fileName} would be uploaded to ${(0,format/* showFolder */.Kg)(config.folder)}; nothing is uploaded or deleted`);
    if (!lookup || !(0,core_config/* retentionActive */.Xe)(config.retention))
        return { folderId: null, retention: null };
    return log.group('Prune (dry run)', async () => {
        let destination;
        try {
            destination = await destinationOf(lookup, log);
        }
        catch (error) {
            if (!(error instanceof onefichier_errors/* OneFichierError */.p7))
                throw error;
            throw new errors/* BackupError */.hj(`Dry run could not read the destination folder: ${error.message}`);
        }
        const folderId = destination.folder.id;
        const retention = await (0,series_retention/* applyRetention */.d)({
            client,
            folderId,
            listing: destination.listing,
            prefix: config.namePrefix,
            policy: config.retention,
            now,
            newBackup: { fileName, url: '(new backup)', time: now, size },
            dryRun: true,
            log,
        });
        return { folderId, retention };
    });
}

;// CONCATENATED MODULE: ./lib/backup/fallback.js
// on-upload-failure: artifact. The upload failed for good: the zip is kept as a workflow artifact,
// and the run fails saying where it went. Only the action shell can (it needs the runner's service).

async function keepAsArtifact(save, zipPath, error, log, onSaved) {
    const message = (0,errors/* messageOf */.bD)(error);
    try {
        const saved = await log.group('Save the zip as a workflow artifact', () => save(zipPath));
        onSaved(saved);
        return new errors/* BackupError */.hj(`${message} The backup was saved instead as workflow artifact '${saved.name}' (id ` +
            `${saved.id}${saved.url ? `, ${saved.url}` : ''}); download it from the run's page. Nothing was pruned.`);
    }
    catch (artifactError) {
        return new errors/* BackupError */.hj(`${message} Saving the zip as a workflow artifact failed too ` +
            `(${(0,errors/* messageOf */.bD)(artifactError)}). Nothing was pruned.`);
    }
}

;// CONCATENATED MODULE: ./lib/backup/prune.js

/** The prune stage after a verified backup (new, or the unchanged newest one, which is then protected). */
async function pruneStage(session, input) {
    const { config, client, log, signal } = session;
    signal?.throwIfAborted();
    const request = { ...input, client, log, signal, prefix: config.namePrefix, policy: config.retention, dryRun: false };
    const retention = await log.group('Prune', () => (0,series_retention/* applyRetention */.d)(request));
    // A cancel during pruning fails the step, saying what was and was not deleted.
    signal?.throwIfAborted();
    return retention;
}

// EXTERNAL MODULE: ./lib/backup/result.js
var backup_result = __webpack_require__(3997);
// EXTERNAL MODULE: ./lib/series/listing.js
var series_listing = __webpack_require__(5417);
// EXTERNAL MODULE: ./lib/onefichier/client.js + 4 modules
var onefichier_client = __webpack_require__(6320);
// EXTERNAL MODULE: ./lib/onefichier/types.js
var types = __webpack_require__(9151);
;// CONCATENATED MODULE: ./lib/backup/unchanged.js
// skip-unchanged: is the newest backup of the series already this content? Only a yes that is
// certain skips the upload; any doubt (no description, an unreadable answer, a size that does
// not match) means uploading, since an extra backup costs space while a missed one costs data.






/** The compare stage: read-only calls; any failure here means "upload", never a failed run. */
async function compareStage(session, request) {
    const { client, log } = session;
    const upload = (folderId, reason, listing) => ({
        folderId,
        unchanged: false,
        reason,
        listing,
    });
    let destination;
    try {
        destination = await destinationOf(request.lookup, log);
    }
    catch (error) {
        if (!(error instanceof onefichier_errors/* OneFichierError */.p7))
            throw error;
        return upload(null, `the folder could not be read (${error.message})`);
    }
    const { folder, listing, listingError } = destination;
    if (folder.id === null)
        return upload(null, 'the folder does not exist yet');
    if (listing === undefined)
        return upload(folder.id, `the folder could not be listed (${listingError?.message ?? 'no listing'})`);
    if ((0,onefichier_client/* listingMayBeIncomplete */.bD)(listing))
        return upload(folder.id, `the folder listing has ${listing.length} files and may be incomplete`, listing);
    const prefix = session.config.namePrefix;
    const comparison = await compareWithNewest(client, listing, prefix, request.fingerprint, request.now);
    return { folderId: folder.id, listing, ...comparison };
}
/** The verdict, in a sentence for the log and the summary. */
function describeComparison(comparison) {
    return comparison.unchanged
        ? `Unchanged: the files are the same as in ${comparison.backup.fileName}, the newest backup; nothing is uploaded`
        : `Changed or unknown, so a new backup is uploaded: ${comparison.reason}`;
}
async function compareWithNewest(client, listing, prefix, fingerprint, now) {
    // Future-dated names (a wrong clock) are not "the newest backup": their content is unknown.
    const series = (0,series_listing/* seriesFromListing */.y)(listing, prefix).series.filter((b) => b.time.getTime() <= now.getTime());
    if (series.length === 0)
        return { unchanged: false, reason: 'the series has no backup yet' };
    const newest = series.reduce((a, b) => (b.time.getTime() > a.time.getTime() ? b : a));
    const item = listing.find((i) => i.url === newest.url);
    let description;
    let info;
    try {
        info = await client.fileInfo(newest.url);
        description = parseDescription(info.description);
    }
    catch (error) {
        return { unchanged: false, reason: `reading ${newest.fileName}'s description failed (${error.message})` };
    }
    if (!description)
        return {
            unchanged: false,
            reason: `${newest.fileName} has no fingerprint in its description (made without skip-unchanged, or by hand)`,
        };
    if (description.fingerprint !== fingerprint)
        return { unchanged: false, reason: `the files differ from those in ${newest.fileName}` };
    const size = (0,types/* toNumber */.R)(info.size);
    const whirlpool = (info.checksum ?? item.checksum ?? '').toLowerCase();
    if (size === undefined || size !== (0,types/* toNumber */.R)(item.size) || !/^[0-9a-f]{128}$/.test(whirlpool)) {
        return { unchanged: false, reason: `1fichier's size or checksum of ${newest.fileName} could not be confirmed` };
    }
    return { unchanged: true, backup: { ...newest, size, whirlpool, sha256: description.sha256 } };
}
/** Writes the fingerprint into the new backup's description; a failure only costs one extra upload later. */
async function recordFingerprint(session, url, description) {
    const { client, log } = session;
    try {
        const updated = await client.setDescription(url, description);
        if (updated >= 1)
            log.info("Fingerprint saved in the backup's description, for skip-unchanged on the next run");
        else
            log.warning('1fichier did not confirm the description change (updated: 0): the next run will upload again even if ' +
                'nothing changed');
    }
    catch (error) {
        log.warning(`Could not save the fingerprint in the backup's description (${error.message}): the next run will ` +
            `upload again even if nothing changed`);
    }
}

// EXTERNAL MODULE: ./lib/onefichier/retry.js
var retry = __webpack_require__(5464);
// EXTERNAL MODULE: ./lib/onefichier/file-id.js
var file_id = __webpack_require__(6158);
;// CONCATENATED MODULE: ./lib/backup/upload.js
// The upload as an operation: a fresh node for every attempt, the whole file sent again from the
// temporary zip after a failure, and never two copies: before a new attempt, the node of the failed
// one is asked (end.pl) whether the file landed after all; if it did, that copy is used.









/** 1fichier stops an upload process after 4 hours (its swagger file). */
const UPLOAD_TIME_CAP_MS = 4 * 3600_000;
/** The rate is judged only after this much sending: the first seconds are not the link's speed. */
const RATE_SETTLES_MS = 60_000;
/**
 * The body was sent and accepted, but end.pl never told where the file went (an HTML page or no
 * links, as seen from the real service). The file may well be there: the caller looks in the folder.
 */
class UploadResultMissing extends Error {
    cause;
    foreign;
    constructor(cause, 
    /** Links end.pl gave under other names (e.g. `name (1).zip`): reported, never taken as ours. */
    foreign = []) {
        super(cause.message);
        this.cause = cause;
        this.foreign = foreign;
        this.name = 'UploadResultMissing';
    }
}
/** Links as a user can follow them up: name and URL. */
function describeLinks(links) {
    return links.map((l) => `'${l.filename}' (${l.download})`).join(', ');
}
async function uploadWithRetries(client, job) {
    const { log } = job;
    const cap = new TimeCap(job, log);
    cap.before();
    // The first may be the node the destination lookup asked for meanwhile (the client keeps it). A
    // node is asked for before each try, outside it: that call has its own retries, so its failure ends here.
    let server = await client.getUploadServer();
    // null: the body was sent, end.pl tells where it went; a link: a failed try's body landed anyway.
    const landed = await (0,retry/* retry */.L)(async (attempt) => {
        log.info(`Uploading ${job.fileName} (${(0,format/* formatBytes */.z3)(job.size)}) to node ` +
            `${server.url}${attempt > 1 ? ` (attempt ${attempt} of ${job.retries})` : ''}`);
        await sendBody(client, job, server, cap);
        return null;
    }, {
        attempts: job.retries,
        signal: job.signal,
        // The body may have arrived even though no answer did: ask before sending it again. A node
        // that refused the file said it kept nothing.
        settle: async (error) => {
            if (!(0,onefichier_errors/* isRetryable */.r3)(error.kind) || error instanceof onefichier_errors/* UploadRefused */.gH)
                return undefined;
            const link = await client.probeUploadResult(server, job.fileName);
            if (!link)
                return undefined;
            log.warning(`${error.headline}; but the file did arrive, so it is not sent again`);
            return link;
        },
        beforeRetry: async (error, attempt) => {
            log.warning(`${error.headline}; sending the file again (attempt ${attempt + 1} of ${job.retries})`);
            server = await client.getUploadServer();
        },
    });
    return landed ?? (await readResult(client, job, server));
}
/** One try at sending the body, with progress lines and the 4-hour cap watched. */
async function sendBody(client, job, server, cap) {
    const { log } = job;
    const now = job.now ?? Date.now;
    // The clock starts with the first byte sent, not with the pacer's wait before it.
    let started = 0;
    let lastLog = 0;
    await client.upload({
        server,
        filePath: job.filePath,
        fileName: job.fileName,
        size: job.size,
        folderId: job.folderId,
        ...(job.linkPassword ? { linkPassword: job.linkPassword } : {}),
        onProgress: ({ sentBytes, totalBytes }) => {
            const at = now();
            if (started === 0)
                started = lastLog = at;
            cap.during(sentBytes, at - started);
            if (at - lastLog < (job.progressEveryMs ?? 5_000) || sentBytes === totalBytes)
                return;
            lastLog = at;
            (0,platform_log/* logStatus */.t5)(log, uploadProgress(sentBytes, totalBytes, (at - started) / 1000));
        },
    });
    const seconds = (now() - (started || now())) / 1000;
    log.info(`Uploaded in ${seconds.toFixed(1)} s (${(0,format/* formatBytes */.z3)(job.size / Math.max(seconds, 0.001))}/s)`);
    if (seconds >= 1)
        job.onRate?.(job.size / seconds);
}
/** end.pl's answer for the body just sent: our file's link, or UploadResultMissing (the caller looks in the folder). */
async function readResult(client, job, server) {
    const { log } = job;
    let result;
    try {
        result = await client.uploadResult(server, job.fileName);
    }
    catch (error) {
        if (error instanceof onefichier_errors/* OneFichierError */.p7 && (0,onefichier_errors/* isRetryable */.r3)(error.kind))
            throw new UploadResultMissing(error);
        throw error;
    }
    const { link, others } = result;
    if (!link) {
        // Not ours, whatever it is: a renamed copy is reported with its link and never counted.
        const detail = `end.pl gave no file named ${job.fileName}, only ${describeLinks(others)}`;
        throw new UploadResultMissing(new onefichier_errors/* OneFichierError */.p7('fatal', 'upload result (end.pl)', detail), others);
    }
    if (others.length > 0)
        log.warning(`end.pl also listed ${describeLinks(others)}; they are not this backup and are left alone`);
    return link;
}
/** Says, once, when the upload cannot end within 1fichier's 4-hour cap: before it starts, or once the rate shows it. */
class TimeCap {
    job;
    log;
    said = false;
    constructor(job, log) {
        this.job = job;
        this.log = log;
    }
    /** A previous upload's rate that makes the cap certain to be passed is said before any byte is sent. */
    before() {
        const rate = this.job.previousRate;
        if (!rate || rate <= 0)
            return;
        const needed = (1000 * this.job.size) / rate;
        if (needed > UPLOAD_TIME_CAP_MS * 1.25)
            this.say(needed, rate, "at the last upload's rate");
    }
    during(sentBytes, elapsedMs) {
        if (this.said || elapsedMs < RATE_SETTLES_MS || sentBytes <= 0)
            return;
        const rate = (1000 * sentBytes) / elapsedMs;
        const needed = (1000 * this.job.size) / rate;
        if (needed > UPLOAD_TIME_CAP_MS)
            this.say(needed, rate, 'at the rate so far');
    }
    say(neededMs, rate, basis) {
        this.said = true;
        this.log.warning(`This upload needs about ${(0,format/* formatDuration */.a3)(neededMs)} ${basis} (${(0,format/* formatBytes */.z3)(rate)}/s), and 1fichier stops an ` +
            `upload after 4 hours: it will likely fail. Back up less per run (several series, or exclude large files), ` +
            `or run where the link to 1fichier is faster.`);
    }
}
/** e.g. "Uploading: 45% (120.0 MiB of 266.7 MiB), 25.3 MiB/s, 6.0 s left". */
function uploadProgress(sentBytes, totalBytes, seconds) {
    const rate = sentBytes / Math.max(seconds, 0.001);
    const left = rate > 0 ? `, ${(0,format/* formatDuration */.a3)((1000 * (totalBytes - sentBytes)) / rate)} left` : '';
    return (`Uploading: ${Math.floor((100 * sentBytes) / Math.max(totalBytes, 1))}% ` +
        `(${(0,format/* formatBytes */.z3)(sentBytes)} of ${(0,format/* formatBytes */.z3)(totalBytes)}), ${(0,format/* formatBytes */.z3)(rate)}/s${left}`);
}
/** The upload stage: the destination (looked up meanwhile), then the upload, then end.pl's answer. */
async function uploadStage(
// state: where the last upload's rate is kept (the 4-hour cap).
session, input) {
    const { config, client, log, state } = session;
    const { archive, fileName } = input;
    const { folder, listing: before, listingError } = await destinationOf(input.lookup, log);
    const folderId = folder.id ?? onefichier_client/* ROOT_FOLDER_ID */.Kj;
    log.info(`Destination: ${(0,format/* showFolder */.Kg)(folder.path)} (folder id ${folderId})`);
    if (listingError)
        log.warning(`Listing the folder before the upload failed (${listingError.message}); it is listed again for retention`);
    let link;
    try {
        link = await uploadWithRetries(client, {
            filePath: archive.path,
            fileName,
            size: archive.size,
            folderId,
            linkPassword: config.linkPassword,
            retries: config.retries,
            log,
            signal: session.signal,
            progressEveryMs: input.progressEveryMs,
            previousRate: await state?.uploadRate(),
            onRate: (rate) => void state?.rememberUploadRate(rate),
        });
    }
    catch (error) {
        if (!(error instanceof UploadResultMissing))
            throw error;
        const local = { ...archive, ...(await input.checksums.result()) };
        const found = await findInFolder(client, folderId, fileName, local, error, before, log);
        return { folderId, link: found.link, before, listing: found.listing, local };
    }
    return { folderId, link, before, listing: before, local: { ...archive, ...(await input.checksums.result()) } };
}
/** end.pl never answered with the link: look for the file in the folder itself. */
async function findInFolder(client, folderId, fileName, archive, cause, before, log) {
    log.warning(`${cause.cause.headline}; looking for the file in the folder instead`);
    const foreign = cause.foreign.length > 0
        ? ` end.pl reported only ${describeLinks(cause.foreign)}: not this backup, left alone.`
        : '';
    let listing;
    try {
        // A new listing (the upload changed the folder); retention reuses it.
        listing = await client.listFiles(folderId);
    }
    catch (error) {
        throw new errors/* BackupError */.hj(`The upload's result is unknown: end.pl gave no link and the folder could not be listed ` +
            `(${error.message}).${foreign} Nothing was deleted; check the folder for ${fileName}.`);
    }
    // Ours: our exact name, the zip's size and Whirlpool, and not in the folder before the upload.
    const match = listing.find((item) => item.filename === fileName &&
        (0,types/* toNumber */.R)(item.size) === archive.size &&
        item.checksum?.toLowerCase() === archive.whirlpool &&
        (0,file_id/* fileIdOf */.N)(item.url) !== null &&
        !before?.some((old) => (0,file_id/* sameFile */.V)(old.url, item.url)));
    if (!match) {
        throw new errors/* BackupError */.hj(`The upload's result is unknown: end.pl gave no link (${cause.cause.detail}) and ${fileName} with the zip's ` +
            `size and Whirlpool is not in the folder.${foreign} Nothing was deleted; run the job again.`);
    }
    log.info(`Found ${fileName} in the folder with the zip's size and Whirlpool`);
    const link = { download: match.url, filename: match.filename, size: match.size, whirlpool: match.checksum ?? '' };
    return { link, listing };
}

// EXTERNAL MODULE: ./lib/series/deletion.js
var deletion = __webpack_require__(991);
;// CONCATENATED MODULE: ./lib/backup/verify.js






/** Listings asked for a file that is not shown yet: the second comes the 30-s listing rule after the first. */
const LATE_FILE_LISTINGS = 2;
async function verifyFromListing(client, url, expected, cause) {
    // A listing made before the upload cannot show it: the client lists anew after its own upload
    // (or reuses the one made after it). A file can take some seconds to show after its upload: a
    // listing that lacks it is asked again once, the 30-s listing rule later (the pacer spaces them),
    // before anything is concluded.
    let item;
    let listing = [];
    for (let attempt = 1; attempt <= LATE_FILE_LISTINGS && !item; attempt++) {
        try {
            listing = await client.listFiles(expected.folderId, { fresh: attempt > 1 });
        }
        catch (error) {
            throw new errors/* VerificationError */.mk(`Could not confirm the upload: file/info.cgi failed (${cause.detail}) and so did the folder listing ` +
                `(${error.message}). The file may be at ${url}; nothing was deleted.`);
        }
        item = listing.find((i) => (0,file_id/* sameFile */.V)(i.url, url) && i.filename === expected.fileName);
    }
    if (!item) {
        throw new errors/* VerificationError */.mk(`Could not confirm the upload: file/info.cgi failed (${cause.detail}) and ${url} is not in the listing of ` +
            `${(0,format/* showFolder */.Kg)(expected.folderPath)}, asked ${LATE_FILE_LISTINGS} times over about 30 s. It may have landed ` +
            `elsewhere, or 1fichier is slow to show it; nothing was deleted.`);
    }
    const mismatch = compareDigests('1fichier (file/ls.cgi)', expected, item.size, item.checksum);
    if (mismatch)
        throw await badCopy(client, mismatch, { url, fileName: item.filename }, expected);
    return {
        url,
        fileName: item.filename,
        folderId: expected.folderId,
        fallback: { reason: cause.headline, late: cause.kind === 'not-found' },
        listing,
    };
}
/**
 * A copy that is not the zip is no backup, and with our name it would take a retention slot: it is
 * removed, but only when it is provably this run's upload (deletion.ts); else it is reported.
 */
async function badCopy(client, mismatch, copy, expected) {
    const outcome = await (0,deletion/* deleteFile */.W)(client, copy, {
        kind: 'own-bad-upload',
        before: expected.before,
        fileName: expected.fileName,
    }).catch((error) => ({
        deleted: false,
        reason: `the deletion failed (${error.message})`,
    }));
    const what = outcome.deleted
        ? 'the bad copy was deleted'
        : `the copy at ${copy.url} was not deleted (${outcome.reason}); check it and delete it by hand if it is this run's`;
    return new errors/* VerificationError */.mk(`Checksum mismatch: ${mismatch}. The upload was corrupted on the way; ${what}. Nothing else was deleted; run ` +
        `the job again.`);
}
function compareDigests(where, local, size, whirlpool) {
    const remoteSize = (0,types/* toNumber */.R)(size);
    if (remoteSize !== local.size)
        return `${where} reports ${remoteSize ?? 'no'} bytes, the zip has ${local.size}`;
    const remoteHash = typeof whirlpool === 'string' ? whirlpool.trim().toLowerCase() : '';
    if (remoteHash !== local.whirlpool) {
        return (`${where} reports Whirlpool ${remoteHash.slice(0, 16) || 'none'}..., the zip has ` +
            `${local.whirlpool.slice(0, 16)}...`);
    }
    return null;
}
async function verifyUpload(client, link, expected) {
    const url = link.download;
    const fromEnd = compareDigests('1fichier (end.pl)', expected, link.size, link.whirlpool);
    let info;
    if (!fromEnd) {
        try {
            // Once for the new file (frequent info.cgi calls provoke locks); any failure falls back on the listing.
            info = await client.fileInfo(url, { once: true });
        }
        catch (error) {
            // file/info.cgi failing is no proof of anything: the folder's own listing can still show
            // where the file is (and then serves retention too).
            if (!(error instanceof onefichier_errors/* OneFichierError */.p7) || error.kind === 'auth' || error.kind === 'account')
                throw error;
            return verifyFromListing(client, url, expected, error);
        }
    }
    const mismatch = fromEnd ?? compareDigests('1fichier (file/info.cgi)', expected, info?.size, info?.checksum);
    if (mismatch)
        throw await badCopy(client, mismatch, { url, fileName: link.filename }, expected);
    const folderId = (0,types/* toNumber */.R)(info?.folder_id);
    if (folderId !== expected.folderId) {
        throw new errors/* VerificationError */.mk(`The upload landed in the wrong folder: 1fichier put it in folder id ${folderId ?? 'unknown'} instead of ` +
            `${(0,format/* showFolder */.Kg)(expected.folderPath)} (id ${expected.folderId}). The backup is safe at ${url}; move it by ` +
            `hand. Check that the folder still exists.`);
    }
    if (expected.passwordSet && (0,types/* toNumber */.R)(info?.pass) === 0) {
        throw new errors/* VerificationError */.mk(`The download password was not applied to ${url}: the file is public. Set a password on it in 1fichier's file ` +
            `manager.`);
    }
    const fileName = typeof info?.filename === 'string' && info.filename !== '' ? info.filename : link.filename;
    if (fileName !== expected.fileName) {
        throw new errors/* VerificationError */.mk(`1fichier stored the backup as '${fileName}' instead of '${expected.fileName}'; it would not be part of its ` +
            `series. It is at ${url}.`);
    }
    return { url, fileName, folderId };
}
/** The verify stage: the upload checked, and what checked it said in the log. */
async function verifyStage(session, input) {
    const { client, log } = session;
    const { uploaded, expected } = input;
    const started = performance.now();
    const verified = await verifyUpload(client, uploaded.link, {
        ...uploaded.local,
        ...expected,
        folderId: uploaded.folderId,
        before: uploaded.before,
    });
    // A file that 1fichier does not show yet right after its upload is normal: said, not warned of.
    if (verified.fallback?.late)
        log.info(`${verified.fallback.reason} (a new file can take a moment to show); the folder listing confirmed it`);
    else if (verified.fallback)
        log.warning(`${verified.fallback.reason}; the folder listing confirmed the upload instead`);
    log.info(`Verified in ${(0,format/* formatDuration */.a3)(performance.now() - started)}: 1fichier's size ` +
        `(${(0,format/* formatBytes */.z3)(uploaded.local.size)}) and Whirlpool match the zip; it is in folder id ${uploaded.folderId}`);
    return verified;
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./lib/zip/records.js


const VERSION_MADE_BY = (zip_format/* MADE_BY_UNIX */.ny << 8) | 63; // Unix, spec 6.3
/** An entry's name in the zip: its bytes as found when they are not valid UTF-8; a directory ends in `/`. */
function entryName(item) {
    const name = item.raw?.name ?? Buffer.from(item.name);
    return item.kind === 'directory' ? Buffer.concat([name, Buffer.from('/')]) : name;
}
/** DOS time (2-second steps, local time, as Info-ZIP writes it); 0 before 1980. */
function dosTime(date) {
    if (date.getFullYear() < 1980)
        return 0;
    return (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
}
/** DOS date (local); 1980-01-01 before 1980, 2107 at most. */
function dosDate(date) {
    const year = date.getFullYear();
    if (year < 1980)
        return (1 << 5) | 1;
    return ((Math.min(year, 2107) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
}
/** The modification time in UTC seconds (the extended timestamp field), which DOS time cannot hold. */
function unixTime(date) {
    return Math.floor(date.getTime() / 1000);
}
/**
 * The extra fields, in the order Info-ZIP writes them: zip64 (with `zip64Values`, when given), the
 * extended timestamp (0x5455: the modification time in UTC seconds, which DOS time cannot hold)
 * and WinZip's AES field. Written at `at` in `b`; returns where they end.
 */
function writeExtras(b, at, r, zip64Values) {
    if (zip64Values) {
        b.writeUInt16LE(zip_format/* ZIP64_EXTRA_ID */.pi, at);
        b.writeUInt16LE(8 * zip64Values.length, at + 2);
        at += 4;
        for (const value of zip64Values)
            at = b.writeBigUInt64LE(BigInt(value), at);
    }
    b.writeUInt16LE(zip_format/* EXTENDED_TIMESTAMP_ID */.Fo, at);
    b.writeUInt16LE(5, at + 2);
    b.writeUInt8(1, at + 4);
    at = b.writeUInt32LE(Math.max(0, Math.min(r.mtime, zip_format/* ZIP64_LIMIT */.gI)), at + 5);
    if (r.aesMethod !== null)
        at += (0,aes/* aesExtraField */.ck)(r.aesMethod).copy(b, at);
    return at;
}
function extrasLength(r, zip64Values) {
    return (zip64Values ? 4 + 8 * zip64Values.length : 0) + 9 + (r.aesMethod !== null ? aes/* AES_EXTRA_LENGTH */.sy : 0);
}
/** 2.0 (deflate), 4.5 (zip64), 5.1 (AES), as Info-ZIP and WinZip write them. */
function versionNeeded(r, zip64) {
    return r.aesMethod !== null ? 51 : zip64 ? 45 : 20;
}
// Headers are written whole into one buffer each (a slice of Node's pool): with 100,000 small
// files, a buffer per field and a concat per header were a good part of the garbage.
function localHeader(r) {
    // A zip64 entry's sizes follow in the data descriptor: its local zip64 field holds zeros.
    const zip64Values = r.zip64 ? [0, 0] : null;
    const extraLength = extrasLength(r, zip64Values);
    const header = Buffer.allocUnsafe(30 + r.name.length + extraLength);
    header.writeUInt32LE(zip_format/* LOCAL_HEADER_SIGNATURE */.jr, 0);
    header.writeUInt16LE(versionNeeded(r, r.zip64), 4);
    header.writeUInt16LE(r.flags, 6);
    header.writeUInt16LE(r.method, 8);
    header.writeUInt16LE(r.dosTime, 10);
    header.writeUInt16LE(r.dosDate, 12);
    const known = !(r.flags & zip_format/* FLAG_DATA_DESCRIPTOR */.wR);
    header.writeUInt32LE(known ? r.crc : 0, 14);
    header.writeUInt32LE(r.zip64 ? zip_format/* ZIP64_LIMIT */.gI : known ? r.compressedSize : 0, 18);
    header.writeUInt32LE(r.zip64 ? zip_format/* ZIP64_LIMIT */.gI : known ? r.uncompressedSize : 0, 22);
    header.writeUInt16LE(r.name.length, 26);
    header.writeUInt16LE(extraLength, 28);
    r.name.copy(header, 30);
    writeExtras(header, 30 + r.name.length, r, zip64Values);
    return header;
}
function dataDescriptor(r) {
    const d = Buffer.allocUnsafe(r.zip64 ? 24 : 16);
    d.writeUInt32LE(zip_format/* DATA_DESCRIPTOR_SIGNATURE */.Ye, 0);
    d.writeUInt32LE(r.crc, 4);
    if (r.zip64) {
        d.writeBigUInt64LE(BigInt(r.compressedSize), 8);
        d.writeBigUInt64LE(BigInt(r.uncompressedSize), 16);
    }
    else {
        d.writeUInt32LE(r.compressedSize, 8);
        d.writeUInt32LE(r.uncompressedSize, 12);
    }
    return d;
}
/** The values that do not fit in 32 bits (or all three, for an entry written as zip64), in the spec's order. */
function centralZip64Values(r) {
    if (!r.zip64 && r.uncompressedSize < zip_format/* ZIP64_LIMIT */.gI && r.compressedSize < zip_format/* ZIP64_LIMIT */.gI && r.offset < zip_format/* ZIP64_LIMIT */.gI)
        return null;
    return [r.uncompressedSize, r.compressedSize, r.offset].filter((n) => n >= zip_format/* ZIP64_LIMIT */.gI || r.zip64);
}
function centralHeaderLength(r) {
    return 46 + r.name.length + extrasLength(r, centralZip64Values(r));
}
/** Writes the central directory header of `r` at `at` in `h` (which has centralHeaderLength(r) bytes there). */
function writeCentralHeader(r, h, at) {
    const zip64Values = centralZip64Values(r);
    const big = (n) => n >= zip_format/* ZIP64_LIMIT */.gI || r.zip64;
    h.writeUInt32LE(zip_format/* CENTRAL_HEADER_SIGNATURE */.Ti, at);
    h.writeUInt16LE(VERSION_MADE_BY, at + 4);
    h.writeUInt16LE(versionNeeded(r, zip64Values !== null), at + 6);
    h.writeUInt16LE(r.flags, at + 8);
    h.writeUInt16LE(r.method, at + 10);
    h.writeUInt16LE(r.dosTime, at + 12);
    h.writeUInt16LE(r.dosDate, at + 14);
    h.writeUInt32LE(r.crc, at + 16);
    h.writeUInt32LE(big(r.compressedSize) ? zip_format/* ZIP64_LIMIT */.gI : r.compressedSize, at + 20);
    h.writeUInt32LE(big(r.uncompressedSize) ? zip_format/* ZIP64_LIMIT */.gI : r.uncompressedSize, at + 24);
    h.writeUInt16LE(r.name.length, at + 28);
    h.writeUInt16LE(extrasLength(r, zip64Values), at + 30);
    h.writeUInt16LE(0, at + 32); // comment
    h.writeUInt16LE(0, at + 34); // disk
    h.writeUInt16LE(0, at + 36); // internal attributes
    h.writeUInt32LE(r.externalAttributes >>> 0, at + 38);
    h.writeUInt32LE(big(r.offset) ? zip_format/* ZIP64_LIMIT */.gI : r.offset, at + 42);
    r.name.copy(h, at + 46);
    writeExtras(h, at + 46 + r.name.length, r, zip64Values);
}
function endOfCentralDirectory(count, cdOffset, cdSize) {
    const needZip64 = count >= 0xffff || cdOffset >= zip_format/* ZIP64_LIMIT */.gI || cdSize >= zip_format/* ZIP64_LIMIT */.gI;
    const parts = [];
    if (needZip64) {
        const record = Buffer.alloc(56);
        record.writeUInt32LE(zip_format/* ZIP64_END_SIGNATURE */.Z_, 0);
        record.writeBigUInt64LE(44n, 4);
        record.writeUInt16LE(VERSION_MADE_BY, 12);
        record.writeUInt16LE(45, 14);
        record.writeUInt32LE(0, 16);
        record.writeUInt32LE(0, 20);
        record.writeBigUInt64LE(BigInt(count), 24);
        record.writeBigUInt64LE(BigInt(count), 32);
        record.writeBigUInt64LE(BigInt(cdSize), 40);
        record.writeBigUInt64LE(BigInt(cdOffset), 48);
        const locator = Buffer.alloc(20);
        locator.writeUInt32LE(zip_format/* ZIP64_LOCATOR_SIGNATURE */.k_, 0);
        locator.writeUInt32LE(0, 4);
        locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
        locator.writeUInt32LE(1, 16);
        parts.push(record, locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(zip_format/* END_SIGNATURE */.Rf, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(cdSize, zip_format/* ZIP64_LIMIT */.gI), 12);
    end.writeUInt32LE(Math.min(cdOffset, zip_format/* ZIP64_LIMIT */.gI), 16);
    parts.push(end);
    return Buffer.concat(parts);
}

;// CONCATENATED MODULE: ./lib/zip/central-directory.js
// The central directory, kept as the bytes it will be written as, packed into 64 KiB blocks: with
// 100,000 entries, a record object and a name buffer for each would cost several times more. Past
// SPILL_AT, the blocks go to a temporary file (when the writer has a place for one), so that memory
// does not grow with the number of entries either: a million files would hold ~80 MB here.



/** The directory goes to a temporary file past this size. */
const SPILL_AT = 4 << 20;
/** Spilled bytes are read back in pieces of this size. */
const READ_BACK_PIECE = 1 << 20;
class CentralDirectory {
    spillPath;
    blocks = [];
    blockBytes = 0;
    block = Buffer.allocUnsafeSlow(64 * 1024);
    used = 0;
    spillFd;
    spilled = 0;
    count = 0;
    constructor(spillPath) {
        this.spillPath = spillPath;
    }
    add(record) {
        const length = centralHeaderLength(record);
        if (this.used + length > this.block.length) {
            this.blocks.push(this.block.subarray(0, this.used));
            this.blockBytes += this.used;
            if (this.spillPath !== undefined && this.blockBytes >= SPILL_AT)
                this.spill(this.spillPath);
            this.block = Buffer.allocUnsafeSlow(Math.max(64 * 1024, length));
            this.used = 0;
        }
        writeCentralHeader(record, this.block, this.used);
        this.used += length;
        this.count++;
    }
    spill(spillPath) {
        // Synchronous: a few MiB to the page cache, once per SPILL_AT of entries.
        this.spillFd ??= (0,external_node_fs_.openSync)(spillPath, 'w+', 0o600);
        for (const block of this.blocks) {
            let at = 0;
            while (at < block.length)
                at += (0,external_node_fs_.writeSync)(this.spillFd, block, at, block.length - at, this.spilled + at);
            this.spilled += block.length;
        }
        this.blocks = [];
        this.blockBytes = 0;
    }
    /** The directory in order: what was spilled (read back a piece at a time), then what is in memory. */
    *parts() {
        for (let at = 0; at < this.spilled;) {
            const piece = Buffer.allocUnsafeSlow(Math.min(READ_BACK_PIECE, this.spilled - at));
            if (!readFully(this.spillFd, piece, at))
                throw new Error('the central directory spilled to disk came back short');
            at += piece.length;
            yield piece;
        }
        yield* this.blocks;
        yield this.block.subarray(0, this.used);
    }
    /** Closes and removes the spill file, if there is one. */
    dispose() {
        if (this.spillFd === undefined)
            return;
        (0,external_node_fs_.closeSync)(this.spillFd);
        this.spillFd = undefined;
        (0,external_node_fs_.rmSync)(this.spillPath, { force: true });
    }
}

;// CONCATENATED MODULE: ./lib/zip/chunks.js
// A large file cut into 1 MiB chunks. Reads run in file order (each after the one before); each
// chunk is deflated on its own in libuv's thread pool, primed with the last 32 KiB of the chunk
// before it as dictionary and ended with a sync flush, so the chunks join into one valid deflate
// stream, as pigz does (https://github.com/madler/pigz). Read buffers come from a pool and go back
// to it once the chunk is written and the next chunk's deflate has taken its dictionary.




const deflateRawAsync = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
const closeAsync = (0,external_node_util_.promisify)(external_node_fs_.close);
const fstatAsync = (0,external_node_util_.promisify)(external_node_fs_.fstat);
// fs.read's promisified form resolves to { bytesRead, buffer }.
const readAsync = (0,external_node_util_.promisify)(external_node_fs_.read);
const CHUNK_SIZE = 1 << 20;
const DICTIONARY_SIZE = 32 * 1024;
const PROBE_SIZE = 16 * 1024;
/**
 * Read buffers (CHUNK_SIZE each), used again and again: a fresh 1 MiB buffer per chunk is garbage
 * that V8 collects late (it lets tens of MB of such external memory pile up). Never waits: when
 * none is free, a new one is made, and one returned beyond the pool's size is left to the collector.
 */
class ChunkBuffers {
    keep;
    free = [];
    constructor(keep) {
        this.keep = keep;
    }
    take() {
        return this.free.pop() ?? Buffer.allocUnsafeSlow(CHUNK_SIZE);
    }
    give(buffer) {
        if (this.free.length < this.keep)
            this.free.push(buffer);
    }
    clear() {
        this.free.length = 0;
    }
}
/**
 * A chunk's bytes, returned to the pool when the last holder lets go: its write, and the next
 * chunk's deflate (dictionary).
 */
class Held {
    whole;
    buffer;
    holders;
    pool;
    constructor(whole, buffer, holders, pool) {
        this.whole = whole;
        this.buffer = buffer;
        this.holders = holders;
        this.pool = pool;
    }
    release = () => {
        if (--this.holders === 0)
            this.pool.give(this.whole);
    };
}
/** An open file (its descriptor is closed after the last chunk's read), read and deflated chunk by chunk. */
class ChunkedFile {
    fd;
    item;
    options;
    chunkCount;
    readSoFar = 0;
    previousRead;
    constructor(fd, item, options) {
        this.fd = fd;
        this.item = item;
        this.options = options;
        this.chunkCount = Math.max(1, Math.ceil(item.size / CHUNK_SIZE));
    }
    /**
     * Starts chunk `index` (call them in order): its read after the one before, then its deflate.
     * A failure surfaces when the result is awaited (it is never left unhandled meanwhile).
     */
    start(index) {
        const before = this.previousRead;
        const held = this.read(index, before);
        this.previousRead = held;
        const result = this.compress(index, held, before);
        result.catch(() => undefined);
        return result;
    }
    async read(index, before) {
        await before;
        const { item, options } = this;
        const last = index === this.chunkCount - 1;
        const length = Math.min(CHUNK_SIZE, item.size - index * CHUNK_SIZE);
        const buffer = options.buffers.take();
        let bytesRead;
        try {
            ;
            ({ bytesRead } = await readAsync(this.fd, buffer, 0, length, index * CHUNK_SIZE));
        }
        catch (error) {
            options.buffers.give(buffer);
            throw error;
        }
        this.readSoFar += bytesRead;
        if (last) {
            // A file that grew or shrank while it was read: the entry holds what was read.
            const now = await fstatAsync(this.fd).catch(() => undefined);
            await closeAsync(this.fd);
            if (this.readSoFar !== item.size || (now && now.size !== item.size))
                options.onSizeChanged?.(item, this.readSoFar);
        }
        // Held by this chunk's write and, as its dictionary, by the next chunk's deflate.
        return new Held(buffer, buffer.subarray(0, bytesRead), last || options.store ? 1 : 2, options.buffers);
    }
    async compress(index, reading, before) {
        const { level, store } = this.options;
        const last = index === this.chunkCount - 1;
        const held = await reading;
        const raw = held.buffer;
        // The chunk before, for its last 32 KiB; let go of once the deflate is set up (or not needed).
        let previous = index > 0 && !store ? await before : undefined;
        const letGoOfPrevious = () => {
            previous?.release();
            previous = undefined;
        };
        try {
            if (store)
                return { raw, size: raw.length, out: [raw], written: held.release };
            // Random-looking data costs deflate time for nothing: such a chunk goes out as stored
            // blocks inside the same deflate stream (valid whatever its neighbours do).
            if (await looksIncompressible(raw))
                return { raw, size: raw.length, out: storedBlocks(raw, last), written: held.release };
            const dictionary = previous?.buffer.subarray(-DICTIONARY_SIZE);
            // The dictionary is copied when the deflate is set up, before this call returns.
            const deflating = deflatePieces(raw, level, last, dictionary);
            letGoOfPrevious();
            const out = await deflating;
            return { raw, size: raw.length, out, written: held.release };
        }
        finally {
            letGoOfPrevious();
        }
    }
}
/** Deflate's output comes in pieces of this size (see deflatePieces). */
const OUT_PIECE = 64 * 1024;
/**
 * `raw` deflated, as the pieces zlib wrote it into. Not zlib's one-call deflateRaw: it gathers its
 * output into one buffer as large as the chunk, and buffers that large, freed chunk after chunk,
 * are what glibc's malloc keeps (past its mmap threshold, which the first such free raises): 3 GiB
 * of chunks grew the process by ~90 MB. Pieces of 64 KiB are reused as they are freed.
 */
function deflatePieces(raw, level, last, dictionary) {
    const deflate = (0,external_node_zlib_.createDeflateRaw)({
        level,
        chunkSize: OUT_PIECE,
        finishFlush: last ? external_node_zlib_.constants.Z_FINISH : external_node_zlib_.constants.Z_SYNC_FLUSH,
        ...(dictionary && dictionary.length > 0 ? { dictionary } : {}),
    });
    const pieces = [];
    deflate.on('data', (piece) => pieces.push(piece));
    const done = (0,external_node_stream_promises_.finished)(deflate).then(() => pieces);
    deflate.end(raw);
    return done;
}
/** A fast level-1 deflate of a sample: if it saves under 3%, deflating the chunk is not worth it. */
async function looksIncompressible(raw) {
    if (raw.length < 4 * PROBE_SIZE)
        return false;
    const sample = raw.subarray(0, PROBE_SIZE);
    const probe = await deflateRawAsync(sample, { level: 1 });
    return probe.length > sample.length * 0.97;
}
/**
 * Deflate "stored" blocks (BTYPE 00) around slices of `raw`, without copying it. The stream is
 * byte-aligned here (the chunk before ended with a sync flush), so each block is one header byte
 * (BFINAL, BTYPE 00, padding), LEN and NLEN, then up to 65,535 bytes as they are.
 */
function storedBlocks(raw, final) {
    const parts = [];
    for (let start = 0; start < raw.length || parts.length === 0; start += 0xffff) {
        const length = Math.min(0xffff, raw.length - start);
        const isLast = start + length >= raw.length;
        const header = Buffer.alloc(5);
        header[0] = final && isLast ? 1 : 0;
        header.writeUInt16LE(length, 1);
        header.writeUInt16LE(~length & 0xffff, 3);
        parts.push(header, raw.subarray(start, start + length));
    }
    return parts;
}

;// CONCATENATED MODULE: ./lib/zip/output.js
// The zip's bytes on their way to the sink, in order, with the running offset. Small pieces
// (headers, tiny files) are gathered into larger writes: one write per piece would cost a
// thread-pool round trip each, which dominates with many small files. Large output (a deflated
// chunk) goes out as it is, not copied into a batch.

/** Small pieces are gathered and handed to the sink in writes of about this size. */
const WRITE_BATCH = 256 * 1024;
/**
 * A piece this large (a deflated chunk's 64 KiB output pieces) is handed over as it is: gathering
 * it would copy every byte of output into a new buffer, garbage that kept the zip stage's
 * main heap at 61 MB instead of 44 MB on one 3 GiB file.
 */
const HAND_AS_IS = 32 * 1024;
class ZipOutput {
    sink;
    signal;
    /** Bytes written so far (handed over, or gathered for the next write): the next entry's offset. */
    offset = 0;
    pending = [];
    pendingBytes = 0;
    /** Read buffers to reuse once the sink has written everything handed to it so far. */
    afterWrite = [];
    constructor(sink, signal) {
        this.sink = sink;
        this.signal = signal;
    }
    /** Writes the parts in order (a small file's header, data and descriptor in one call). */
    async write(...parts) {
        for (const data of parts) {
            this.offset += data.length;
            if (data.length >= HAND_AS_IS) {
                await this.flush();
                await this.hand(data);
                continue;
            }
            this.pending.push(data);
            this.pendingBytes += data.length;
            if (this.pendingBytes >= WRITE_BATCH)
                await this.flush();
        }
    }
    /** `release` runs once the sink has written everything handed to it up to the next write. */
    whenWritten(release) {
        this.afterWrite.push(release);
    }
    /** Hands what is gathered to the sink. */
    async flush() {
        if (this.pendingBytes === 0)
            return;
        const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
        this.pending = [];
        this.pendingBytes = 0;
        await this.hand(data);
    }
    async hand(data) {
        const release = this.afterWrite;
        this.afterWrite = [];
        const done = (error) => {
            // After a failed write the buffers are left to the collector: the sink may still hold them.
            if (error)
                return;
            for (const r of release)
                r();
        };
        if (!this.sink.write(data, done))
            await (0,external_node_events_.once)(this.sink, 'drain', { signal: this.signal });
    }
}

;// CONCATENATED MODULE: ./lib/zip/small-file-worker.js
// Reads, deflates and CRCs a batch of small files, synchronously: on a worker thread (small-files.ts
// starts this file as one), or in the calling thread for the first few files of a run.
// Bundled on its own beside each bundle that starts it (scripts/build.mjs), as the checksum worker is.



/** Set in workerData by the pool, so that importing this file elsewhere starts nothing. */
const WORKER_ROLE = '1fichier-backup:small-files';
/** Buffers a thread keeps from one batch to the next: a file costs no read buffer of its own. */
class BatchScratch {
    /** One file's bytes (these files are small). */
    read = Buffer.allocUnsafe(64 * 1024);
    /** The batch's outputs, then (when kept) its raw bytes, end to end before they are copied out. */
    out = Buffer.allocUnsafe(256 * 1024);
    raw = Buffer.allocUnsafe(0);
    /** `buffer` (out or raw) with room for `more` bytes after `used`, grown (doubling) when short. */
    reserve(key, used, more) {
        const buffer = this[key];
        if (buffer.length - used >= more)
            return buffer;
        const grown = Buffer.allocUnsafe(Math.max(used + more, 2 * buffer.length));
        buffer.copy(grown, 0, 0, used);
        this[key] = grown;
        return grown;
    }
}
/**
 * Up to `size` bytes of the file; one byte more is asked for: getting it means the file grew
 * (it is cut at the size). The bytes stay in scratch.read until the next file.
 */
function readSmall(file, size, scratch) {
    if (scratch.read.length < size + 1)
        scratch.read = Buffer.allocUnsafe(size + 1);
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        let read = 0;
        let n = 0;
        while (read <= size && (n = (0,external_node_fs_.readSync)(fd, scratch.read, read, size + 1 - read, read)) > 0)
            read += n;
        return { raw: scratch.read.subarray(0, Math.min(read, size)), changed: read !== size };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Deflates `raw` into scratch.out at `at`; returns the length. One output buffer, sized to deflate's bound. */
function deflateInto(raw, level, scratch, at) {
    const out = (0,external_node_zlib_.deflateRawSync)(raw, { level, chunkSize: Math.max(1024, raw.length + (raw.length >>> 3) + 64) });
    return out.copy(scratch.reserve('out', at, out.length), at);
}
function processBatch(request, scratch) {
    const { files, level, keepRaw } = request;
    const n = files.length;
    const outLengths = new Float64Array(n);
    const sizes = new Float64Array(n);
    const crcs = new Float64Array(n);
    const changed = new Uint8Array(n);
    const errors = new Array(n).fill(null);
    let outAt = 0;
    let rawAt = 0;
    for (let i = 0; i < n; i++) {
        const file = files[i];
        try {
            const { raw, changed: sizeChanged } = readSmall(file.path, file.size, scratch);
            const length = file.store
                ? raw.copy(scratch.reserve('out', outAt, raw.length), outAt)
                : deflateInto(raw, level, scratch, outAt);
            const crc = (0,external_node_zlib_.crc32)(raw);
            if (keepRaw)
                raw.copy(scratch.reserve('raw', rawAt, raw.length), rawAt);
            // Taken only once everything went well: a file that failed leaves no bytes in the batch.
            outAt += length;
            rawAt += keepRaw ? raw.length : 0;
            outLengths[i] = length;
            sizes[i] = raw.length;
            crcs[i] = crc;
            changed[i] = sizeChanged ? 1 : 0;
        }
        catch (error) {
            errors[i] = {
                message: error instanceof Error ? error.message : String(error),
                code: error.code,
            };
        }
    }
    // Exact-size copies leave the thread (their memory is transferred); the scratch stays for the next batch.
    const take = (from, length) => new Uint8Array(from.subarray(0, length));
    return {
        id: request.id,
        out: take(scratch.out, outAt),
        raw: keepRaw ? take(scratch.raw, rawAt) : null,
        outLengths,
        sizes,
        crcs,
        changed,
        errors,
    };
}
/** On a worker thread started by the pool: one batch per message, its buffers transferred back. */
function serveBatches(port) {
    const scratch = new BatchScratch();
    port.on('message', (request) => {
        const batch = processBatch(request, scratch);
        const transfer = [batch.out, batch.outLengths, batch.sizes, batch.crcs, batch.changed].map((view) => view.buffer);
        if (batch.raw)
            transfer.push(batch.raw.buffer);
        port.postMessage(batch, transfer);
    });
}
if (!external_node_worker_threads_.isMainThread && external_node_worker_threads_.parentPort && external_node_worker_threads_.workerData === WORKER_ROLE)
    serveBatches(external_node_worker_threads_.parentPort);

;// CONCATENATED MODULE: ./lib/zip/small-files.js
// Small files are read, deflated and CRC'd in batches on worker threads: for a file of a few KiB,
// the work (about 30 us) is less than a trip through libuv's pool, and one thread alone is the
// bottleneck with 100,000 of them. Each worker runs plain synchronous code over a batch
// (small-file-worker.ts) and hands the results back; the zip writer keeps the order. The first
// 1,024 files are done in this thread, so a backup with few small files starts no worker.




const asBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
/**
 * One batch's results, read by index: the outputs (and raws) stay packed in one buffer each, and
 * a file costs no object of its own until its bytes are written.
 */
class BatchResults {
    wire;
    outs;
    raws;
    outAt;
    rawAt;
    constructor(wire) {
        this.wire = wire;
        this.outs = asBuffer(wire.out);
        this.raws = wire.raw ? asBuffer(wire.raw) : undefined;
        const n = wire.sizes.length;
        this.outAt = new Float64Array(n + 1);
        this.rawAt = new Float64Array(n + 1);
        for (let i = 0; i < n; i++) {
            this.outAt[i + 1] = this.outAt[i] + wire.outLengths[i];
            this.rawAt[i + 1] = this.rawAt[i] + (wire.errors[i] === null ? wire.sizes[i] : 0);
        }
    }
    /** Why the file could not be read (it is then left out), or undefined. */
    error(i) {
        const error = this.wire.errors[i];
        return error ? Object.assign(new Error(error.message), { code: error.code }) : undefined;
    }
    /** Deflated (or stored) data, ready for the zip. */
    out(i) {
        return this.outs.subarray(this.outAt[i], this.outAt[i + 1]);
    }
    /** The file's bytes, only when asked for (skip-unchanged's fingerprint needs them). */
    raw(i) {
        return this.raws?.subarray(this.rawAt[i], this.rawAt[i + 1]);
    }
    crc(i) {
        return this.wire.crcs[i];
    }
    size(i) {
        return this.wire.sizes[i];
    }
    /** The file was not the listed size when read (it grew or shrank): it holds what was read, up to that size. */
    changed(i) {
        return this.wire.changed[i] === 1;
    }
}
/**
 * One worker per core but one, at most four: this thread is itself a core's work (walking the
 * tree, writing the zip, hashing it). On 2 cores a second worker made it no faster and cost memory.
 */
function defaultWorkerCount() {
    return Math.max(1, Math.min((0,external_node_os_.availableParallelism)() - 1, 4));
}
/** Up to this many small files are done in this thread: a worker costs ~10 MB and a start-up. */
const IN_THREAD_FILES = 1024;
class BatchWorker {
    worker;
    pending = new Map();
    failed = null;
    constructor() {
        const { script, options } = (0,worker_script/* workerScript */.w)('small-file-worker.js', import.meta.url);
        this.worker = new external_node_worker_threads_.Worker(script, {
            ...options,
            workerData: WORKER_ROLE,
            // It needs nothing from the environment (which holds the key as INPUT_API-KEY).
            env: {},
            // Small heaps, collected often: each worker's garbage is part of the run's peak memory.
            resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 },
        });
        this.worker.unref();
        this.worker.on('message', (batch) => {
            const waiting = this.pending.get(batch.id);
            this.pending.delete(batch.id);
            waiting?.resolve(new BatchResults(batch));
        });
        const fail = (error) => {
            this.failed = error;
            for (const waiting of this.pending.values())
                waiting.reject(error);
            this.pending.clear();
        };
        this.worker.on('error', fail);
        this.worker.on('exit', (code) => fail(new Error(`a zip worker thread stopped (exit code ${code})`)));
    }
    run(request) {
        if (this.failed)
            return Promise.reject(this.failed);
        return new Promise((resolve, reject) => {
            this.pending.set(request.id, { resolve, reject });
            this.worker.postMessage(request);
        });
    }
    async terminate() {
        this.worker.removeAllListeners('exit');
        await this.worker.terminate();
    }
}
class SmallFilePool {
    level;
    keepRaw;
    size;
    workers = [];
    nextId = 0;
    inThread = 0;
    scratch = new BatchScratch();
    constructor(level, keepRaw, 
    /** 0: every batch on this thread. */
    size) {
        this.level = level;
        this.keepRaw = keepRaw;
        this.size = size;
    }
    /** Runs a batch on the least busy worker; its results by file, in order. */
    run(files) {
        const request = { id: this.nextId++, files, level: this.level, keepRaw: this.keepRaw };
        // A backup with few small files never starts a worker.
        if (this.size === 0 || this.inThread + files.length <= IN_THREAD_FILES) {
            this.inThread += files.length;
            return Promise.resolve(new BatchResults(processBatch(request, this.scratch)));
        }
        if (this.workers.length < this.size && this.workers.every((w) => w.pending.size > 0))
            this.workers.push(new BatchWorker());
        const worker = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
        return worker.run(request);
    }
    async close() {
        await Promise.allSettled(this.workers.map((w) => w.terminate()));
        this.workers.length = 0;
    }
}
/** A batch closes at this many files or bytes. */
const BATCH_FILES = 64;
const BATCH_BYTES = 2 << 20;
/** Gathers small files into batches and runs them on the pool (started with the first batch). */
class SmallFileBatches {
    level;
    keepRaw;
    options;
    pool;
    open = null;
    constructor(level, keepRaw, 
    /** false: no worker thread, every batch on this thread. */
    options = { workers: true }) {
        this.level = level;
        this.keepRaw = keepRaw;
        this.options = options;
    }
    /** The file's place in the open batch. */
    add(file) {
        const batch = (this.open ??= this.newBatch());
        const index = batch.files.push(file) - 1;
        batch.bytes += file.size;
        if (batch.files.length >= BATCH_FILES || batch.bytes >= BATCH_BYTES)
            this.dispatch(batch);
        return { batch, index };
    }
    /** Sends the batch to the pool, if not yet sent. */
    dispatch(batch) {
        if (batch.dispatched)
            return;
        batch.dispatched = true;
        if (this.open === batch)
            this.open = null;
        batch.start();
    }
    /** Lets the open batch run (so nothing waits on it), then stops the workers. */
    async close() {
        if (this.open)
            this.dispatch(this.open);
        await this.pool?.close();
    }
    newBatch() {
        let start;
        const files = [];
        const results = new Promise((resolve, reject) => {
            start = () => {
                const workers = this.options.workers ? defaultWorkerCount() : 0;
                const pool = this.pool ?? (this.pool = new SmallFilePool(this.level, this.keepRaw, workers));
                pool.run(files).then(resolve, reject);
            };
        });
        // A failure surfaces when a file of the batch is written; until then it must not be unhandled.
        results.catch(() => undefined);
        return { files, bytes: 0, dispatched: false, results, start };
    }
}

;// CONCATENATED MODULE: ./lib/zip/zip-writer.js
// A streaming zip writer whose entries deflate in parallel: the pipeline. Entries become pieces in
// a queue (a header, a large file's chunks (chunks.ts) and its end, or a small file done with others
// on a worker thread (small-files.ts)); the oldest piece is written once it is ready, so output
// goes out strictly in entry order, and memory is bounded by the pieces in flight. The bytes of
// each record are records.ts's; the central directory waits in central-directory.ts. Unix modes,
// symlinks, empty directories and zip64 (over 4 GiB, over 65,535 entries) are written as Info-ZIP does.











const openAsync = (0,external_node_util_.promisify)(external_node_fs_.open);
/** Chunks (1 MiB) or small-file batches read or deflating at once: bounds memory. */
const MAX_IN_FLIGHT = 12;
/**
 * Small-file batches in flight at most: enough to keep the workers busy, and few enough that a
 * file's objects die young (a deep queue got them promoted, and V8's heap grew to 160 MB).
 */
const MAX_BATCHES_IN_FLIGHT = 2;
/** Pieces (headers, chunks, ends, small files) queued at most. */
const MAX_QUEUE = MAX_IN_FLIGHT * BATCH_FILES;
const PIPELINE = { inFlight: MAX_IN_FLIGHT, batchesInFlight: MAX_BATCHES_IN_FLIGHT, queue: MAX_QUEUE };
/** Nothing held: each piece is written as it is queued. */
const SEQUENTIAL = { inFlight: 0, batchesInFlight: 0, queue: 0 };
/** Files up to this size go in batches to worker threads (small-files.ts), not chunk by chunk. */
const SMALL_FILE = 64 * 1024;
/** A file this close to 4 GiB may compress to more than 4 GiB (stored blocks, flush markers). */
const ZIP64_MARGIN = 4 << 20;
/** Writes the entries as a zip into `sink` (which is not ended). Returns the number of bytes written. */
async function writeZip(entries, sink, options) {
    const writer = new ZipWriter(sink, options);
    try {
        for await (const entry of entries) {
            options.signal?.throwIfAborted();
            options.onEntry?.(entry);
            await writer.add(entry);
        }
        return await writer.finish();
    }
    finally {
        await writer.close();
    }
}
class ZipWriter {
    options;
    output;
    central;
    queue;
    batches;
    // In flight, plus the chunk before each (a dictionary) and those the sink is still writing.
    chunkBuffers = new ChunkBuffers(MAX_IN_FLIGHT + 4);
    constructor(sink, options) {
        this.options = options;
        this.output = new ZipOutput(sink, options.signal);
        this.central = new CentralDirectory(options.spillPath);
        this.queue = new Pipeline(options.sequential ? SEQUENTIAL : PIPELINE);
        this.batches = new SmallFileBatches(options.compressionLevel, options.observer !== undefined, {
            workers: !options.sequential,
        });
    }
    /** Queues the entry's pieces, writing the oldest ones while too many are in flight. */
    async add(item) {
        if (item.kind === 'file' && item.size > SMALL_FILE)
            return this.addLargeFile(item);
        // A directory, a link or a small file is one piece, queued without a step of its own: with
        // 100,000 small files, every async call per file is garbage that V8's young generation grows on.
        this.queue.push(item.kind === 'file' ? this.smallFilePiece(item) : this.wholePiece(item));
        while (this.queue.full)
            await this.flushOne();
    }
    /** Writes what is queued, the central directory and the end records; returns the zip's size. */
    async finish() {
        while (this.queue.size > 0)
            await this.flushOne();
        const cdOffset = this.output.offset;
        for (const part of this.central.parts())
            await this.output.write(part);
        await this.output.write(endOfCentralDirectory(this.central.count, cdOffset, this.output.offset - cdOffset));
        await this.output.flush();
        return this.output.offset;
    }
    /** Releases everything, after success or failure: no file handle or worker is left behind. */
    async close() {
        // On failure, let every started chunk settle so that its file is closed.
        await Promise.allSettled(this.queue.rest().flatMap((p) => (p.kind === 'chunk' ? [p.result] : [])));
        await this.batches.close();
        this.chunkBuffers.clear();
        this.central.dispose();
    }
    /**
     * A directory or a link: everything is known up front, no data descriptor. A link's target is
     * its content, encrypted like a file's; a directory has none.
     */
    wholePiece(item) {
        const content = item.kind === 'symlink' ? Buffer.from(item.target) : Buffer.alloc(0);
        const encrypt = Boolean(this.options.password) && item.kind === 'symlink';
        const mode = item.kind === 'directory' ? ((zip_format/* S_IFDIR */.pJ | item.mode) << 16) | 0x10 : (zip_format/* S_IFLNK */.Hq | item.mode) << 16;
        const record = {
            dosTime: dosTime(item.mtime),
            dosDate: dosDate(item.mtime),
            mtime: unixTime(item.mtime),
            name: entryName(item),
            method: encrypt ? aes/* AES_METHOD */.UZ : 0,
            flags: (item.raw ? 0 : zip_format/* FLAG_UTF8 */.Tq) | (encrypt ? zip_format/* FLAG_ENCRYPTED */.uM : 0),
            crc: encrypt ? 0 : (0,external_node_zlib_.crc32)(content) >>> 0,
            compressedSize: content.length + (encrypt ? aes/* AES_OVERHEAD */.VG : 0),
            uncompressedSize: content.length,
            offset: 0,
            externalAttributes: mode >>> 0,
            zip64: false,
            aesMethod: encrypt ? 0 : null,
        };
        const cipher = encrypt ? this.newCipher() : undefined;
        return { kind: 'header', record, source: item, content, sizeHint: content.length, cipher };
    }
    /** A small file: its place in a batch for a worker thread (small-files.ts). */
    smallFilePiece(item) {
        const store = this.stores(item);
        const cipher = this.newCipher();
        const { batch, index } = this.batches.add({ path: item.raw?.source ?? item.source, size: item.size, store });
        return { kind: 'small', source: item, store, batch, index, cipher };
    }
    async addLargeFile(item) {
        // Opened before anything of it is written: a file that is gone by now is left out whole.
        // Once open, it stays readable even if it is deleted meanwhile.
        let fd;
        try {
            fd = await openAsync(item.raw?.source ?? item.source, 'r');
        }
        catch (error) {
            if (!isFileError(error))
                throw error;
            this.options.onUnreadable?.(item, error);
            return;
        }
        const store = this.stores(item);
        const record = this.fileRecord(item, store);
        const entry = { record, crc: 0, source: item };
        await this.push({ kind: 'header', record, source: item, entry, sizeHint: item.size, cipher: this.newCipher() });
        const file = new ChunkedFile(fd, item, {
            level: this.options.compressionLevel,
            store,
            buffers: this.chunkBuffers,
            onSizeChanged: this.options.onSizeChanged,
        });
        for (let index = 0; index < file.chunkCount; index++)
            await this.push({ kind: 'chunk', entry, result: file.start(index) });
        await this.push({ kind: 'end', entry });
    }
    stores(item) {
        return this.options.compressionLevel === 0 || (this.options.store?.(item) ?? false);
    }
    /** A file's record, before its sizes and CRC are known (they follow in a data descriptor). */
    fileRecord(item, store) {
        const method = store ? 0 : 8;
        const encrypt = Boolean(this.options.password);
        return {
            dosTime: dosTime(item.mtime),
            dosDate: dosDate(item.mtime),
            mtime: unixTime(item.mtime),
            name: entryName(item),
            method: encrypt ? aes/* AES_METHOD */.UZ : method,
            // A name that is not valid UTF-8 is stored as its bytes, without the UTF-8 flag (as Info-ZIP does).
            flags: (item.raw ? 0 : zip_format/* FLAG_UTF8 */.Tq) | zip_format/* FLAG_DATA_DESCRIPTOR */.wR | (encrypt ? zip_format/* FLAG_ENCRYPTED */.uM : 0),
            crc: 0,
            compressedSize: 0,
            uncompressedSize: 0,
            offset: 0,
            externalAttributes: ((zip_format/* S_IFREG */.uL | item.mode) << 16) >>> 0,
            zip64: false,
            aesMethod: encrypt ? method : null,
        };
    }
    /** The entry's cipher when the zip is encrypted; its key derivation (PBKDF2) starts now, in the thread pool. */
    newCipher() {
        if (!this.options.password)
            return undefined;
        const cipher = aes/* EntryCipher */.q8.create(this.options.password);
        cipher.catch(() => undefined);
        return cipher;
    }
    /** Queues the piece; while the pipeline is full, the oldest pieces are written first. */
    async push(piece) {
        this.queue.push(piece);
        while (this.queue.full)
            await this.flushOne();
    }
    /** Takes the oldest piece off the queue and writes it: output order is entry order. */
    flushOne() {
        const piece = this.queue.shift();
        switch (piece.kind) {
            case 'header':
                return piece.content ? this.writeWhole(piece, piece.content) : this.writeFileHeader(piece);
            case 'chunk':
                return this.writeChunk(piece.entry, piece.result);
            case 'end':
                return this.writeEnd(piece.entry);
            case 'small':
                return this.writeSmallFile(piece);
        }
    }
    /** A directory or a link: header and content at once. */
    async writeWhole(piece, content) {
        const { record } = piece;
        // The offset is known only now, when everything before this entry is written.
        record.offset = this.output.offset;
        const observer = this.options.observer;
        observer?.entry(piece.source);
        if (content.length > 0)
            observer?.data(content);
        observer?.end();
        const data = piece.cipher ? sealed(await piece.cipher, content) : content;
        record.compressedSize = data.length;
        await this.output.write(Buffer.concat([localHeader(record), data]));
        this.central.add(record);
    }
    async writeFileHeader(piece) {
        const { record } = piece;
        record.offset = this.output.offset;
        this.options.observer?.entry(piece.source);
        record.zip64 = piece.sizeHint >= zip_format/* ZIP64_LIMIT */.gI - ZIP64_MARGIN || this.output.offset >= zip_format/* ZIP64_LIMIT */.gI;
        await this.output.write(localHeader(record));
        if (piece.cipher) {
            const cipher = await piece.cipher;
            piece.entry.cipher = cipher;
            record.compressedSize += cipher.preamble.length;
            await this.output.write(cipher.preamble);
        }
    }
    async writeChunk(entry, chunk) {
        const { raw, size, crc, out, written } = await chunk;
        entry.crc = crc ?? (0,external_node_zlib_.crc32)(raw, entry.crc);
        entry.record.uncompressedSize += size;
        this.options.observer?.data(raw);
        for (const part of out) {
            const data = entry.cipher ? entry.cipher.update(part) : part;
            entry.record.compressedSize += data.length;
            await this.output.write(data);
        }
        if (written)
            this.output.whenWritten(written);
    }
    async writeEnd(entry) {
        const { record, cipher } = entry;
        this.options.observer?.end();
        if (cipher) {
            const mac = cipher.final();
            record.compressedSize += mac.length;
            await this.output.write(mac);
        }
        // AE-2 leaves the CRC out: the MAC authenticates the data instead.
        record.crc = cipher ? 0 : entry.crc >>> 0;
        if (!record.zip64 && (record.compressedSize >= zip_format/* ZIP64_LIMIT */.gI || record.uncompressedSize >= zip_format/* ZIP64_LIMIT */.gI))
            throw new Error(`'${record.name.toString()}' grew past 4 GiB while it was being zipped`);
        await this.output.write(dataDescriptor(record));
        this.central.add(record);
    }
    /** A small file, once its batch is done: left out whole if it could not be read. */
    async writeSmallFile(piece) {
        const { source, batch, index } = piece;
        // Its batch may still be filling: send it now, the writer waits for it.
        this.batches.dispatch(batch);
        const results = await batch.results;
        const error = results.error(index);
        if (error) {
            if (!isFileError(error))
                throw error;
            this.options.onUnreadable?.(source, error);
            return;
        }
        const size = results.size(index);
        if (results.changed(index))
            this.options.onSizeChanged?.(source, size);
        const observer = this.options.observer;
        if (observer) {
            observer.entry(source);
            observer.data(results.raw(index));
            observer.end();
        }
        const record = this.fileRecord(source, piece.store);
        record.offset = this.output.offset;
        record.zip64 = this.output.offset >= zip_format/* ZIP64_LIMIT */.gI;
        record.uncompressedSize = size;
        const data = piece.cipher ? sealed(await piece.cipher, results.out(index)) : results.out(index);
        // AE-2 leaves the CRC out: the MAC authenticates the data instead.
        record.crc = piece.cipher ? 0 : results.crc(index) >>> 0;
        record.compressedSize = data.length;
        await this.output.write(localHeader(record), data, dataDescriptor(record));
        this.central.add(record);
    }
}
/** A whole small content encrypted: preamble, data, MAC. */
function sealed(cipher, content) {
    return Buffer.concat([cipher.preamble, cipher.update(content), cipher.final()]);
}
/** An error of the file itself (it vanished, no permission), as opposed to a failure of the zip. */
function isFileError(error) {
    const code = error?.code;
    return (code === 'ENOENT' ||
        code === 'EACCES' ||
        code === 'EPERM' ||
        code === 'ELOOP' ||
        code === 'ENAMETOOLONG' ||
        code === 'EISDIR' ||
        code === 'ENXIO');
}
/**
 * The pieces between reading and writing, first in first out (in O(1): Array.shift() is linear and
 * thousands are queued), and the one budget that bounds them: chunks and small-file batches read or
 * deflating, batches apart, and pieces queued. A chunk is in flight from its push to its turn to be
 * written; a batch from its first file's push until its last file is taken.
 */
class Pipeline {
    limits;
    items = [];
    head = 0;
    inFlight = 0;
    /**
     * Each batch in flight, oldest first, with how many of its files were taken so far: at most
     * batchesInFlight + 1 records. (A Map keyed by the batches cost 30 MB more peak RSS on
     * 100,000 small files, with the same counts: measured by scripts/mem-probe.ts.)
     */
    batches = [];
    constructor(limits) {
        this.limits = limits;
    }
    get size() {
        return this.items.length - this.head;
    }
    /** Too much read or deflating at once, or queued: the writer must write before it reads more. */
    get full() {
        const { inFlight, queue, batchesInFlight } = this.limits;
        return this.inFlight > inFlight || this.size > queue || this.batches.length > batchesInFlight;
    }
    push(piece) {
        this.items.push(piece);
        if (piece.kind === 'chunk')
            this.inFlight++;
        // A batch gets files only while it is the newest: an older one was dispatched and closed.
        else if (piece.kind === 'small' && this.batches.at(-1)?.batch !== piece.batch) {
            this.batches.push({ batch: piece.batch, taken: 0 });
            this.inFlight++;
        }
    }
    /** The oldest piece, its share of the budget given back. */
    shift() {
        const piece = this.items[this.head];
        this.items[this.head++] = undefined;
        if (this.head > 1024 && this.head * 2 > this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        if (piece.kind === 'chunk')
            this.inFlight--;
        else if (piece.kind === 'small')
            this.taken(piece.batch);
        return piece;
    }
    rest() {
        return this.items.slice(this.head);
    }
    /**
     * A batch's files are taken in order; the first one taken dispatches the batch in the same turn
     * (writeSmallFile), so no file joins it after: its count is final.
     */
    taken(batch) {
        const at = this.batches.findIndex((record) => record.batch === batch);
        const record = this.batches[at];
        if (++record.taken < batch.files.length)
            return;
        this.batches.splice(at, 1);
        this.inFlight--;
    }
}

;// CONCATENATED MODULE: ./lib/backup/archive.js
// The selection to a zip file on disk, streamed (never held in memory). Unix modes are kept; links
// are stored as links with their target as written. The checksums are taken afterwards (digest.ts).




// Deflating these again costs time and saves nothing: they are stored as they are.
const ALREADY_COMPRESSED = new Set(('zip gz tgz bz2 tbz2 xz txz zst tzst lz lz4 lzma 7z rar br cab jar war apk deb rpm dmg iso whl nupkg ' +
    'jpg jpeg png gif webp avif heic heif jxl mp3 m4a aac ogg oga opus flac mp4 m4v mkv mov avi webm wmv ' +
    'woff woff2 pdf docx xlsx pptx odt ods odp epub').split(' '));
function isAlreadyCompressed(name) {
    return ALREADY_COMPRESSED.has(external_node_path_.extname(name).slice(1).toLowerCase());
}
async function writeArchive(entries, destination, options) {
    let entryCount = 0;
    const file = (0,external_node_fs_.createWriteStream)(destination, { mode: 0o600, highWaterMark: 1 << 20 });
    const { onProgress } = options;
    const ticker = onProgress
        ? setInterval(() => onProgress({ entryCount, zipBytes: file.bytesWritten }), options.progressEveryMs ?? 5_000)
        : undefined;
    ticker?.unref();
    let size;
    try {
        size = await writeZip(entries, file, {
            compressionLevel: options.compressionLevel,
            store: (entry) => isAlreadyCompressed(entry.name),
            signal: options.signal,
            password: options.password,
            observer: options.observer,
            onUnreadable: options.onUnreadable,
            onSizeChanged: options.onSizeChanged,
            onEntry: () => entryCount++,
            sequential: options.sequential,
            // A large central directory waits beside the zip until its end (zip-writer.ts); removed after.
            spillPath: `${destination}.central`,
        });
        file.end();
        await (0,external_node_stream_promises_.finished)(file);
    }
    catch (error) {
        // A write still in flight fails once the stream is destroyed: that late error is expected and
        // must not be an unhandled 'error' event (it would crash the process, e.g. on a cancel).
        file.on('error', () => undefined);
        file.destroy();
        throw error;
    }
    finally {
        clearInterval(ticker);
    }
    return { path: destination, size, entryCount };
}

;// CONCATENATED MODULE: ./lib/backup/zip-stage.js





async function zipStage(session, input) {
    const { config, log } = session;
    const { selection, refused } = input;
    const started = performance.now();
    const tally = selection.tally;
    const signals = [session.signal, refused].filter((s) => s !== undefined);
    const entries = logEntries(selection.entries, log);
    const archive = await writeArchive(entries, input.zipPath, {
        compressionLevel: config.compressionLevel,
        signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
        password: config.archivePassword || undefined,
        observer: input.observer,
        progressEveryMs: input.progressEveryMs ?? 5_000,
        onProgress: ({ entryCount, zipBytes }) => (0,platform_log/* logStatus */.t5)(log, `Zipping: ${entryCount} entries in, ${(0,format/* formatBytes */.z3)(zipBytes)} written, ` +
            `${(0,format/* formatBytes */.z3)(zipBytes / Math.max((performance.now() - started) / 1000, 0.001))}/s`),
        // A file gone by the time its turn comes is left out, like one the walk could not read.
        onUnreadable: (entry, error) => {
            tally.fileCount--;
            if (entry.kind === 'file')
                tally.totalBytes -= entry.size;
            tally.missing.push({ name: entry.name, reason: describeReadError(error) });
            log.warning(`'${entry.name}' is missing from the backup: ${describeReadError(error)}; the backup goes on without it`);
        },
        onSizeChanged: (entry, size) => log.warning(`'${entry.name}' changed size while it was read; the backup holds the ${(0,format/* formatBytes */.z3)(size)} that were read`),
    }).catch((error) => {
        if (refused?.aborted && !session.signal?.aborted)
            throw refused.reason;
        throw (0,errors/* diskFailure */.C9)(error, input.temp, 'Writing the zip') ?? error;
    });
    const { fileCount, totalBytes, credentialWarnings, missing } = tally;
    for (const warning of credentialWarnings)
        log.warning(`Credential guard: ${warning}; exclude it with a !pattern line unless you mean to back it up`);
    log.info(`Selected ${(0,format/* count */.U9)(fileCount, 'file')} (${(0,format/* formatBytes */.z3)(totalBytes)}) under ${selection.root}`);
    if (fileCount > 0) {
        if (config.archivePassword)
            log.info('Contents encrypted with AES-256 (WinZip AE-2); entry names stay readable');
        log.info(`Zipped ${(0,format/* count */.U9)(fileCount, 'file')} (${(0,format/* formatBytes */.z3)(totalBytes)}) into ${archive.path.split(/[\\/]/).pop()}: ` +
            `${(0,format/* formatBytes */.z3)(archive.size)} in ${(0,format/* formatDuration */.a3)(performance.now() - started)}`);
    }
    return { archive, fileCount, totalBytes, missing };
}
/** Each entry in the debug log as it goes into the zip; without debug, the entries as they are (no step per file). */
function logEntries(entries, log) {
    if (!(log.debugEnabled ?? true))
        return entries;
    return (async function* () {
        for await (const entry of entries) {
            log.debug(`  ${entry.kind} ${entry.name}`);
            yield entry;
        }
    })();
}

;// CONCATENATED MODULE: ./lib/backup/run.js
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
// One backup, start to end: select -> zip -> (compare) -> upload -> verify -> prune. Both shells
// (action, CLI) call this with a Config and a Log; data flows one way, each stage is one call that
// returns a value, and nothing is deleted before verification. Modelled on actions/toolkit's
// packages/artifact/src/internal/upload/upload-artifact.ts.





















async function runBackup(ctx) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { config, log } = ctx;
        const fileName = (0,naming/* backupFileName */.iP)(config.namePrefix, ctx.startedAt, config.label);
        const events = new backup_result/* RunEvents */.Dy(ctx.onEvent);
        const result = (outcome) => {
            if (outcome.status === 'unchanged' || outcome.status === 'uploaded')
                events.emit({ kind: 'done' });
            return (0,backup_result/* buildResult */.CR)({ fileName, config }, events.progress, outcome, Date.now() - ctx.startedAt.getTime());
        };
        const temp = { path: ctx.tempDir, setting: ctx.tempDirSetting ?? 'TMPDIR' };
        const workDir = await makeWorkDir(temp);
        const zipPath = external_node_path_.join(workDir, fileName);
        const session = __addDisposableResource(env_1, session_session/* Session */.N.open(ctx), true);
        const progressEvery = { progressEveryMs: ctx.progressEveryMs };
        const now = ctx.startedAt;
        let checksums;
        let lock;
        try {
            lock = await session.lockSeries('backup');
            const selection = await events.stage('select', () => openTree(ctx, workDir));
            const hasFiles = await selection.hasFiles();
            // Before the zip is written: a full or forbidden account stops the run now, not after the upload.
            if (hasFiles) {
                for (const text of await checkAccount(session)) {
                    log.warning(text);
                    events.emit({ kind: 'notice', text });
                }
            }
            // A dry run without retention or skip-unchanged never needs the folder: it is not even looked up.
            const needsFolder = !config.dryRun || config.skipUnchanged || (0,core_config/* retentionActive */.Xe)(config.retention);
            const lookup = hasFiles && needsFolder ? startLookup(session) : null;
            const fingerprint = config.skipUnchanged ? new ContentFingerprint(config) : undefined;
            const zipInput = { selection, zipPath, temp, refused: lookup?.refused, observer: fingerprint, ...progressEvery };
            const zipped = await events.stage('zip', () => log.group('Select and zip', () => zipStage(session, zipInput)));
            if (!hasFiles || zipped.fileCount === 0) {
                reportNoFiles(ctx);
                return result({ status: 'no-files' });
            }
            events.emit({ kind: 'zipped', fileCount: zipped.fileCount, missing: zipped.missing, size: zipped.archive.size });
            checkServiceLimits(zipped.archive.size, fileName);
            const compared = fingerprint && lookup
                ? await events.stage('compare', () => log.group('Compare with the newest backup', () => compareStage(session, { lookup, fingerprint: fingerprint.digest(), now })))
                : undefined;
            if (compared) {
                const sentence = describeComparison(compared);
                log.info(config.dryRun ? `Dry run: ${sentence}` : sentence);
                events.emit({ kind: 'compared', sentence });
            }
            if (compared?.unchanged && !config.dryRun)
                return result(await keepUnchanged(session, events, compared, now));
            const digests = (checksums = await Checksums.start(zipped.archive, config.archivePassword, log));
            // (Only a dry run can be without a lookup.)
            if (config.dryRun || !lookup) {
                const plan = await dryRunPlan(session, { lookup, fileName, now, size: zipped.archive.size });
                return result({ status: 'dry-run', digests: await digests.result(), plan });
            }
            const uploadInput = { lookup, archive: zipped.archive, fileName, checksums: digests, ...progressEvery };
            const uploaded = await events
                .stage('upload', () => log.group('Upload', () => uploadStage(session, uploadInput)))
                .catch((error) => failUpload(ctx, events, zipPath, error));
            const expected = { fileName, folderPath: config.folder.join('/'), passwordSet: config.linkPassword !== '' };
            const verified = await events.stage('verify', () => log.group('Verify', () => verifyStage(session, { uploaded, expected })));
            events.emit({ kind: 'verified', url: verified.url });
            log.info(`Backup uploaded and verified: ${verified.url}`);
            if (fingerprint) {
                const description = formatDescription({ fingerprint: fingerprint.digest(), sha256: uploaded.local.sha256 });
                await recordFingerprint(session, verified.url, description);
            }
            const newBackup = { fileName, url: verified.url, time: now, size: zipped.archive.size };
            const listing = verified.listing ?? uploaded.listing;
            const retention = await prune(session, events, { folderId: uploaded.folderId, listing, now, newBackup });
            const { size, sha256, whirlpool } = uploaded.local;
            return result({
                status: 'uploaded',
                size,
                sha256,
                whirlpool,
                url: verified.url,
                folderId: uploaded.folderId,
                retention,
            });
        }
        finally {
            checksums?.cancel();
            await lock?.release();
            await (0,promises_.rm)(workDir, { recursive: true, force: true });
        }
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
async function makeWorkDir(temp) {
    try {
        return await (0,promises_.mkdtemp)(external_node_path_.join(temp.path, '1fichier-backup-'));
    }
    catch (error) {
        throw (0,errors/* diskFailure */.C9)(error, temp, 'Making the temporary folder for the zip') ?? error;
    }
}
/** The walk starts here and goes on while the zip is written: files are zipped as they are found. */
function openTree(ctx, workDir) {
    return openSelection(ctx.config.patterns, {
        includeHiddenFiles: ctx.config.includeHiddenFiles,
        followSymlinks: ctx.config.followSymlinks,
        workspace: ctx.workspace,
        // The zip being written, and the state folder (its lock and state file change during the run).
        exclude: ctx.stateDir ? [workDir, ctx.stateDir.path] : [workDir],
        onMissing: (name, reason) => ctx.log.warning(`'${name}' is missing from the backup: ${reason}; the backup goes on without it`),
    });
}
/** if-no-files-found: error, warn or ignore. */
function reportNoFiles(ctx) {
    const { config, log } = ctx;
    const message = `No files were found with the provided path:\n${config.patterns}\nCheck the paths (relative ` +
        `to ${ctx.workspace}); hidden files need include-hidden-files (--include-hidden-files on the command line).`;
    if (config.ifNoFilesFound === 'error')
        throw new errors/* NoFilesError */.NE(message.replace(/\n/g, ' '));
    if (config.ifNoFilesFound === 'warn')
        log.warning(`${message} No backup was made.`);
    else
        log.info(`${message} No backup was made.`);
}
/** skip-unchanged found the newest backup to be this content: nothing is uploaded, and it is protected. */
async function keepUnchanged(session, events, compared, now) {
    const existing = compared.backup;
    const folderId = compared.folderId;
    const retention = await prune(session, events, { folderId, listing: compared.listing, now, newBackup: existing });
    return { status: 'unchanged', existing, folderId, retention };
}
/**
 * Retention after a verified backup, timed as the prune stage; null when every rule is off. It plans
 * from the run's latest listing of the folder when there is one (the API allows one per 30 s).
 */
async function prune(session, events, input) {
    const { config, log } = session;
    if (!(0,core_config/* retentionActive */.Xe)(config.retention)) {
        if (Object.keys(config.retention).length > 0)
            log.info('Every keep-* input is 0: retention is off, nothing is deleted');
        return null;
    }
    return events.stage('prune', () => pruneStage(session, {
        ...input,
        onDeleted: (backup) => events.emit({ kind: 'deleted', fileName: backup.fileName }),
    }));
}
/** The upload failed for good: on-upload-failure: artifact keeps the zip; either way the run fails. */
async function failUpload(ctx, events, zipPath, error) {
    if (ctx.config.onUploadFailure !== 'artifact' || !ctx.saveAsArtifact || ctx.signal?.aborted)
        throw error;
    throw await keepAsArtifact(ctx.saveAsArtifact, zipPath, error, ctx.log, (artifact) => events.emit({ kind: 'artifact', artifact }));
}
/** 1fichier refuses empty files and files over 300 GB (rclone's limits): said before any upload. */
const MAX_UPLOAD_BYTES = 300e9;
function checkServiceLimits(size, fileName) {
    if (size === 0)
        throw new errors/* BackupError */.hj(`The zip ${fileName} is empty (0 bytes) and 1fichier refuses empty files; nothing was uploaded or deleted.`);
    if (size > MAX_UPLOAD_BYTES) {
        throw new errors/* BackupError */.hj(`The zip ${fileName} is ${(0,format/* formatBytes */.z3)(size)}, over the 300 GB that 1fichier accepts for one file. Split the ` +
            `backup into several series (one step per part of the tree, each with its own name-prefix), or exclude large ` +
            `files. Nothing was uploaded or deleted.`);
    }
}


/***/ })

};
