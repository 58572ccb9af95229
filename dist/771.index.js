export const id = 771;
export const ids = [771];
export const modules = {

/***/ 44771:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: run

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
;// CONCATENATED MODULE: ./lib/core/retention.js
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

;// CONCATENATED MODULE: ./lib/core/naming.js
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

;// CONCATENATED MODULE: ./lib/core/config.js
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
const KEEP_COUNT_INPUTS = COUNT_RULES.map((rule) => `keep-${rule}`);
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
    const nameLength = backupFileName(namePrefix, new Date(0), label).length;
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
    if (!NAME_PART.test(prefix)) {
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
    if (!NAME_PART.test(label)) {
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
    ...WITHIN_RULES.map(([key, period]) => [`keep-within-${period}`, key]),
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
            policy[key] = parseDuration(text);
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

;// CONCATENATED MODULE: ./lib/core/errors.js
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

;// CONCATENATED MODULE: ./lib/core/failure.js
// The one failure policy: what a failed run says and the exit code it ends with, for the backup
// action, the restore sub-action and every command of the CLI. Crontabs and scripts rely on the codes.


/** Exit codes a crontab can rely on (the action's step fails on any but 0). */
const failure_EXIT = {
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
    if (error instanceof InvalidInputs)
        return failure(error.problems.map(describeInput), failure_EXIT.usage);
    if (error instanceof InputError)
        return failure([describeInput(error)], failure_EXIT.usage);
    if (error instanceof UsageError)
        return failure([error.message], failure_EXIT.usage);
    if (error instanceof SeriesLockedError)
        return failure([error.message], failure_EXIT.locked);
    if (error instanceof NoBackupFoundError)
        return failure([error.message], failure_EXIT.noBackup);
    if (error instanceof ArchivePasswordError)
        return failure([error.message], failure_EXIT.wrongPassword);
    if (error instanceof BackupError)
        return failure([error.message], failure_EXIT.failed);
    return { ...failure([`Unexpected failure: ${messageOf(error)}`], failure_EXIT.failed), unexpected: true };
}
function failure(lines, exitCode) {
    return { lines, exitCode, unexpected: false, summary: lines.join(' ') };
}

;// CONCATENATED MODULE: ./lib/platform/log.js
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
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

;// CONCATENATED MODULE: ./lib/action/runner-io.js
// What both action shells (the backup action and the restore sub-action) read from and write to
// the runner: inputs (secrets untrimmed), the masks, step outputs and the job summary. A report that
// cannot be written is a warning, never a failed step.




/** The secrets are read exactly as stored (getInput trims by default: a secret is never changed). */
function readInput(name) {
    return core/* getInput */.V4(name, { trimWhitespace: !SECRET_INPUTS.includes(name) });
}
/** The runner's log: workflow commands (::error, ::group), groups never nested. */
class ActionLog {
    depth = 0;
    info = (message) => core/* info */.pq(message);
    warning = (message) => core/* warning */.$e(message);
    error = (message) => core/* error */.z3(message);
    debug = (message) => core/* debug */.Yz(message);
    debugEnabled = core/* isDebug */._o();
    async group(name, body) {
        // The runner does not nest groups: an inner one is a plain line.
        if (this.depth > 0) {
            core/* info */.pq(name);
            return body();
        }
        this.depth++;
        try {
            return await core/* group */.Os(name, body);
        }
        finally {
            this.depth--;
        }
    }
}
/** Masks every form of the secrets before anything else happens, and returns their redactor. */
function maskSecrets() {
    const redactor = new Redactor(SECRET_INPUTS.map(readInput));
    for (const form of redactor.forms)
        core/* setSecret */.Pq(form);
    return redactor;
}
function writeOutputs(outputs, log, redact) {
    try {
        for (const [name, value] of Object.entries(outputs))
            core/* setOutput */.uH(name, redact(value));
    }
    catch (error) {
        log.warning(`Could not write the step outputs (${describeError(error)}); the step's work itself is done`);
    }
}
function writeSummary(markdown, log, redact) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        (0,external_node_fs_.appendFileSync)(process.env.GITHUB_STEP_SUMMARY, redact(markdown));
    }
    catch (error) {
        log.warning(`Could not write the job summary (${describeError(error)})`);
    }
}
function describeError(error) {
    if (!(error instanceof Error))
        return String(error);
    return error.code ?? error.message;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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

;// CONCATENATED MODULE: ./lib/core/format.js
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

;// CONCATENATED MODULE: ./lib/onefichier/errors.js
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
class OneFichierError extends BackupError {
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

;// CONCATENATED MODULE: ./lib/onefichier/file-id.js
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

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
;// CONCATENATED MODULE: ./lib/onefichier/retry.js
// The one retry rule for every call to 1fichier (rclone's `shouldRetry`, in one place): a failed try
// is tried again only when `classify` made it retryable (or the caller widens that, as the download
// does for a refused token), at most `attempts` tries in all. What differs between calls is a hook:
// `settle` looks whether a failed try did its work anyway (the upload's end.pl probe, mkdir's listing
// again: mutations are sent once per try and settled by looking, never blindly sent twice);
// `beforeRetry` prepares the next try (the pacer's pause, a new token, the resume offset) and says so.

/** Runs `attempt` (given its number, from 1) until it succeeds, is settled, or the rule says stop. */
async function retry(attempt, options) {
    const retryable = options.retryable ?? ((error) => isRetryable(error.kind));
    const giveUp = options.giveUp ?? ((error, n) => error.afterAttempts(n));
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (error) {
            options.signal?.throwIfAborted();
            if (!(error instanceof OneFichierError))
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

;// CONCATENATED MODULE: ./lib/onefichier/pacer.js
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

;// CONCATENATED MODULE: ./lib/onefichier/transport.js
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
        this.pacer = new Pacer({ ...ONEFICHIER_PACING, timeScale: options.timeScale });
        // Honours HTTPS_PROXY / NO_PROXY, as self-hosted runners behind a proxy need; a plain agent otherwise.
        const timeouts = {
            connectTimeout: 30_000,
            headersTimeout: options.stallTimeoutMs,
            bodyTimeout: options.stallTimeoutMs,
            keepAliveTimeout: 4_000,
        };
        this.agent = new undici/* EnvHttpProxyAgent */.J2(timeouts);
        this.direct = new undici/* Agent */.g6(timeouts);
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
                    error instanceof OneFichierError &&
                    error.kind === 'fatal' &&
                    response.status < 300 &&
                    !isFinalRefusal(error.detail)) {
                    throw new OneFichierError('retryable', error.operation, error.detail, error.httpStatus, error.retryAfterMs);
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
            if (error instanceof OneFichierError)
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
        return retry(async () => {
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
                response = await (0,undici/* request */.Em)(url, {
                    method: 'GET',
                    dispatcher: this.agent,
                    // A token URL needs no key: it is not sent to the download node.
                    headers: { 'user-agent': USER_AGENT, ...(offset > 0 ? { range: `bytes=${offset}-` } : {}) },
                    signal,
                });
            }
            catch (error) {
                signal?.throwIfAborted();
                throw networkFailure('download', error);
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
            response = await (0,undici/* request */.Em)(req.url, {
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
            throw networkFailure(operation, error);
        }
        let text;
        try {
            text = await response.body.text();
        }
        catch (error) {
            this.options.signal?.throwIfAborted();
            throw networkFailure(operation, error);
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
    let kind = classify(response.status, message);
    // A 2xx that is not JSON is a glitch of the service: worth another try.
    if (kind === 'fatal' && httpOk && !record)
        kind = 'retryable';
    throw new OneFichierError(kind, operation, detail, response.status, retryAfterMs(response.headers));
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
        throw networkFailure('download', error);
    }
}
/** A download node's answer that is not the file, as one kind: the words decide, then the status. */
function downloadRefusal(status, body) {
    const text = pageText(body) || `HTTP ${status}`;
    const lower = text.toLowerCase();
    const detail = `the download node answered HTTP ${status} with "${text}" instead of the file`;
    const code = errorNumber(text);
    if (code === 611 || /password/.test(lower))
        return new OneFichierError('fatal', 'download', detail, status);
    if (/residential|professional services|cdn credit/.test(lower) || code === 913)
        return new OneFichierError('fatal', 'download', detail, status);
    if (code === 887 || /too fast|simultaneously|flood|locked/.test(lower))
        return new OneFichierError('flood', 'download', detail, status);
    if (code === 715 || status === 410)
        return new OneFichierError('token', 'download', detail, status);
    // Other 403s, 404 and 503 (maintenance) pass: JDownloader waits and tries again.
    return new OneFichierError(status === 200 || status === 206 || status === 403 || status === 404 || status >= 500 ? 'retryable' : 'fatal', 'download', detail, status);
}
function describeBody(text) {
    if (text.trim() === '')
        return 'an empty body';
    if (/^\s*</.test(text))
        return 'an HTML page instead of JSON';
    return 'a body that is not JSON';
}

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
        throw new UploadRefused('fatal', operation, `the upload node redirected to ${location ? `'${location.split('?')[0]}'` : 'nowhere'} instead of end.pl; the ` +
            `upload is not counted`, response.status);
    }
    if (response.status >= 400)
        parseApiAnswer(operation, response);
    throw refusal(operation, response, sent);
}
function refusal(operation, response, sent) {
    const reason = refusalReason(response.text);
    const quoted = reason ? `"${reason}"` : 'an empty page';
    if (STORAGE_FAILED.test(reason))
        return new UploadRefused('retryable', operation, `the upload node could not store the file (${quoted}: its storage failed) and kept nothing`, response.status);
    if (NO_FILE_FOUND.test(reason))
        return new UploadRefused('fatal', operation, `the upload node found no file in the request (${quoted}); sent: ${sent}. Sending it again cannot help: ` +
            `a proxy may have changed the body; otherwise report this line as a bug of 1fichier-backup`, response.status);
    const kind = classify(response.status >= 400 ? response.status : 403, reason);
    return new UploadRefused(kind === 'flood' || kind === 'auth' || kind === 'account' || kind === 'quota' ? kind : 'fatal', operation, `the upload node answered HTTP ${response.status} with ${quoted} instead of its redirect to end.pl; the upload ` +
        `is not counted`, response.status);
}
/** The first non-empty `<div class="bloc2">` of the page, else the whole page's words (cut short). */
function refusalReason(html) {
    for (const match of html.matchAll(/<div\b[^>]*\bclass\s*=\s*["'][^"']*\bbloc2\b[^"']*["'][^>]*>([\s\S]*?)<\/div>/gi)) {
        const text = pageText(match[1] ?? '');
        if (text)
            return text;
    }
    return pageText(html);
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
    return SCAN_WAIT.test(pageText(response.text, 2_000));
}
/** end.pl's scan wait as an error the retry rule passes up (kind `pending`) to the one wait for it. */
function scanPending(operation) {
    return new OneFichierError('pending', operation, '1fichier is still scanning the upload (antivirus)');
}
function firstHeader(value) {
    return Array.isArray(value) ? value[0] : value;
}

;// CONCATENATED MODULE: ./lib/onefichier/types.js
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

;// CONCATENATED MODULE: ./lib/onefichier/account.js
// user/info.cgi's answer, read leniently: rclone declares its fields as strings, the swagger as
// numbers, and a field may be missing. Only what the run acts on is kept.

function accountFacts(answer) {
    const facts = {};
    const offer = toNumber(answer.offer);
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
    const cold = toNumber(answer.cold_storage);
    if (cold !== undefined)
        facts.coldStorage = cold;
    const allowed = toNumber(answer.allowed_cold_storage);
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
        const id = toNumber(answer.folder_id);
        if (id === undefined)
            throw new OneFichierError('fatal', 'folder/mkdir.cgi', 'the answer has no folder_id');
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
            throw new OneFichierError('retryable', 'file/ls.cgi', 'the answer has no list of items');
        }
        const items = answer.items ?? [];
        const count = toNumber(answer.count);
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
        return toNumber(answer.updated) ?? 0;
    }
    /** file/rm.cgi for one URL (as rclone does): the confirmed `removed` count. Sent once: the caller lists again. */
    async removeFile(url) {
        // Sent at all, it may have taken effect: a listing that showed the file is out of date.
        for (const [folderId, items] of this.listings)
            if (items.some((i) => sameFile(i.url, url)))
                this.listings.delete(folderId);
        const answer = await this.transport.api('file/rm.cgi', { files: [{ url }] }, 'POST', { retry: false });
        return toNumber(answer.removed) ?? 0;
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
            throw new OneFichierError('retryable', 'download/get_token.cgi', 'the answer has no valid https download URL');
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
            throw new OneFichierError('retryable', 'upload/get_upload_server.cgi', 'the answer has no valid upload node');
        }
        if (typeof id !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(id)) {
            throw new OneFichierError('retryable', 'upload/get_upload_server.cgi', 'the answer has no valid upload id');
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
                throw new OneFichierError('retryable', operation, `no progress for ${Math.round(stallTimeoutMs / 1000)} s after ${sent} of ${req.size} bytes ` +
                    `(stall-timeout-seconds)`);
            }
            if (error instanceof OneFichierError)
                throw error;
            this.transport.options.signal?.throwIfAborted();
            throw networkFailure(operation, error);
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
                if (!(error instanceof OneFichierError) || error.kind !== 'pending')
                    throw error;
                const waited = Date.now() - started;
                if (waited >= SCAN_WAIT_MS * timeScale)
                    throw new OneFichierError('retryable', operation, '1fichier was still scanning the upload after 5 minutes');
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
            if (!(error instanceof OneFichierError) || error.kind !== 'pending')
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
        const answer = parseApiAnswer(operation, response);
        const links = Array.isArray(answer.links)
            ? answer.links.filter((l) => typeof l?.download === 'string')
            : [];
        if (links.length === 0)
            throw new OneFichierError('retryable', operation, '1fichier listed no uploaded file');
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
                await sleep(20);
        }
    }
    report(error) {
        if (this.reported)
            return;
        this.reported = true;
        this.log.warning(`The state file ${this.file} cannot be used (${messageOf(error)}); the run goes on without it, but cannot ` +
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
            await sleep(25);
        }
    }
}

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
        throw new SeriesLockedError(`Another run of this series holds its lock: ${describeHolder(held)}. This run made no change. Wait for that ` +
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
        const series = `series ${prefix} in ${showFolder(folder)}`;
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
        if (error instanceof SeriesLockedError)
            throw error;
        log.warning(`The series lock cannot be taken in ${state.directory.path} (${messageOf(error)}); the run goes on without ` +
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
        const client = options.client ?? new OneFichierClient(transportFor(config, { ...options, memory: state }));
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
            if (error instanceof OneFichierError && (error.kind === 'auth' || error.kind === 'account'))
                throw error;
            // Advice only: the calls that matter say it again if the key or the account is at fault.
            log.info(`Asking 1fichier about the account (user/info.cgi) failed: ${headlineOf(error)}; the backup ` +
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
        throw new BackupError(`1fichier forbids uploads on this account (user/info.cgi: upload_forbidden), which it does when the account is ` +
            `over its storage quota or its subscription has ended: free space (1fichier-backup prune applies retention) ` +
            `or renew the subscription on 1fichier.com, then run again. ${nothingDone}`);
    if (facts.overQuota)
        throw new BackupError(`The 1fichier account is over its storage quota (user/info.cgi: overquota${usage(facts)}): delete files ` +
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

// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 9 modules
var glob = __webpack_require__(23860);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(33581);
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
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: external "node:sea"
var external_node_sea_ = __webpack_require__(88586);
;// CONCATENATED MODULE: ./lib/platform/worker-script.js
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
    if ((0,external_node_sea_.isSea)())
        return { script: (0,external_node_sea_.getAsset)(name, 'utf8'), options: { eval: true } };
    const beside = new URL(`./${name}`, moduleUrl);
    const compiled = moduleUrl.endsWith('.ts') ? new URL(beside.href.replace('/src/', '/lib/')) : beside;
    return { script: compiled, options: {} };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./lib/zip/format.js
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

;// CONCATENATED MODULE: ./lib/zip/aes.js
// WinZip AE-2 encryption (https://www.winzip.com/en/support/aes-encryption/), the AES zip format
// that 7-Zip, WinZip, pyzipper and libarchive read. Per entry: a random salt; PBKDF2-HMAC-SHA1
// (1,000 rounds) turns password + salt into an AES-256 key, an HMAC key and a 2-byte password
// check; the data is AES-CTR with a little-endian counter starting at 1; a 10-byte HMAC-SHA1 of
// the ciphertext closes it. AE-2 leaves the CRC field 0 (the HMAC authenticates instead).



const pbkdf2Async = (0,external_node_util_.promisify)(external_node_crypto_.pbkdf2);


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
    extra.writeUInt16LE(AES_EXTRA_ID, 0);
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
        this.ecb = (0,external_node_crypto_.createCipheriv)(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
        this.mac = (0,external_node_crypto_.createHmac)('sha1', macKey);
    }
    static async create(password) {
        // The counter blocks are laid out with a Uint32Array, whose byte order is the machine's.
        if ((0,external_node_os_.endianness)() !== 'LE')
            throw new Error('archive-password needs a little-endian machine (x64, arm64)');
        const salt = (0,external_node_crypto_.randomBytes)(SALT_BYTES);
        const derived = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, 1000, 2 * KEY_BYTES + 2, 'sha1');
        const preamble = Buffer.concat([salt, derived.subarray(2 * KEY_BYTES)]);
        return new EntryCipher(derived.subarray(0, KEY_BYTES), derived.subarray(KEY_BYTES, 2 * KEY_BYTES), preamble);
    }
    /**
     * For reading an entry back: from its salt and password check; null when the password does not fit.
     * `keyBytes` is 16, 24 or 32 (AES-128, -192, -256; the salt is half as long).
     */
    static async forReading(password, preamble, keyBytes = KEY_BYTES) {
        if ((0,external_node_os_.endianness)() !== 'LE')
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
        return this.tail.length === expected.length && (0,external_node_crypto_.timingSafeEqual)(this.tail, expected)
            ? null
            : 'wrong authentication code';
    }
}

// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var fflate_esm = __webpack_require__(51306);
;// CONCATENATED MODULE: ./lib/zip/inflate.js
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
        const out = (0,fflate_esm/* inflateSync */.HM)(deflated, { out: this.scratch.subarray(0, room) });
        return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    }
}

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
const EOCD = END_SIGNATURE;
const ZIP64_LOCATOR = ZIP64_LOCATOR_SIGNATURE;
const ZIP64_EOCD = ZIP64_END_SIGNATURE;
const CENTRAL = CENTRAL_HEADER_SIGNATURE;
const LOCAL = LOCAL_HEADER_SIGNATURE;
const DESCRIPTOR = DATA_DESCRIPTOR_SIGNATURE;
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
    const tailLength = Math.min(size, END_LENGTH + 0xffff);
    const tail = readInto(file, Buffer.alloc(tailLength), size - tailLength);
    let at = tail.length - END_LENGTH;
    while (at >= 0 && tail.readUInt32LE(at) !== EOCD)
        at--;
    if (at < 0)
        throw new ZipCheckError('no end of central directory record');
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (at >= ZIP64_LOCATOR_LENGTH && tail.readUInt32LE(at - ZIP64_LOCATOR_LENGTH) === ZIP64_LOCATOR) {
        const record = readInto(file, Buffer.alloc(56), Number(tail.readBigUInt64LE(at - ZIP64_LOCATOR_LENGTH + 8)));
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
        if (id === ZIP64_EXTRA_ID) {
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
        if (extra.readUInt16LE(p) === ZIP64_EXTRA_ID)
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
    inflater = new WholeInflater();
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
            data.length >= LOCAL_HEADER_LENGTH &&
            data.length >= LOCAL_HEADER_LENGTH + data.readUInt16LE(26) + data.readUInt16LE(28)) {
            return this.headerRead(entry, data.subarray(0, 30 + data.readUInt16LE(26) + data.readUInt16LE(28)));
        }
        // Only the header's own bytes are gathered (a chunk holds many entries: never copy the rest).
        const had = this.header.reduce((n, b) => n + b.length, 0);
        const known = had + data.length >= LOCAL_HEADER_LENGTH
            ? Buffer.concat([...this.header, data.subarray(0, Math.max(0, LOCAL_HEADER_LENGTH - had))])
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
        if (entry.method === AES_METHOD)
            return aesCheck(entry, this.password);
        if (entry.method === METHOD_STORED) {
            let crc = 0;
            return { write: async (chunk) => void (crc = (0,external_node_zlib_.crc32)(chunk, crc)), end: async () => crc >>> 0 };
        }
        if (entry.method === METHOD_DEFLATED)
            return inflatesWhole(entry.compressedSize, entry.uncompressedSize)
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
        if (entry.method !== AES_METHOD && this.crc !== entry.crc >>> 0) {
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
    const reader = password === undefined ? undefined : new AesEntryReader(password);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./node_modules/hash-wasm/dist/index.umd.js
var index_umd = __webpack_require__(70608);
;// CONCATENATED MODULE: ./lib/platform/digest.js
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
const GROWING_FILE_SCRIPT = (/* unused pure expression or super */ null && (`
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
`));
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
        if (isSea()) {
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
    sha256 = (0,external_node_crypto_.createHash)('sha256');
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
    const handle = await (0,promises_.open)(file, 'r');
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
    const child = (0,external_node_child_process_.spawn)(process.execPath, ['--openssl-legacy-provider', '-e', script, ...args], {
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
    if ((0,external_node_sea_.isSea)())
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
    const whirlpool = await (0,index_umd.createWhirlpool)();
    whirlpool.init();
    return {
        engine: 'wasm',
        update: async (chunk) => void whirlpool.update(chunk),
        digest: async () => whirlpool.digest('hex'),
        abort: () => undefined,
    };
}

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
    const reading = digestFile(request.zipPath, { reader: readBack });
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
    check(request, (message) => port.postMessage(message)).catch((error) => port.postMessage({ kind: 'failed', message: messageOf(error) }));
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
                settle.reject(checksums_failure(message));
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
            const when = waited < 10 ? 'before the upload ended' : `${formatDuration(waited)} after the upload ended`;
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
    const { script, options } = workerScript('checksum-worker.js', import.meta.url);
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
function checksums_failure(message) {
    if (message.kind === 'failed')
        return new Error(message.message);
    if (message.stage === 'directory')
        return new BackupError(`The zip that was written does not read back (${message.message}): nothing was uploaded or deleted. This is ` +
            `a bug; please report it.`);
    return new BackupError(`The zip does not read back as it was written (${message.message}): it is not a sound backup, so nothing ` +
        `was verified or deleted. If it was uploaded, delete that copy by hand. This is a bug; please report it.`);
}

;// CONCATENATED MODULE: ./lib/onefichier/folders.js




async function resolveFolder(client, segments, options) {
    const path = segments.join('/');
    const created = [];
    let parentId = ROOT_FOLDER_ID;
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
        .filter((f) => f.name === name && toNumber(f.id) !== undefined)
        .map((f) => toNumber(f.id))
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
    return retry(async () => ({ id: await client.makeFolder(name, parentId), created: true }), {
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
        retryable: (failure) => isRetryable(failure.kind) ||
            (failure.kind === 'fatal' && (failure.httpStatus ?? 0) >= 200 && (failure.httpStatus ?? 0) < 300),
        beforeRetry: (failure, attempt) => log.warning(`${failure.headline}; the folder is not there yet, so it is created again (attempt ` +
            `${attempt + 1} of ${attempts})`),
        giveUp: (failure, attempt) => accountFault(failure)
            ? failure
            : new OneFichierError(failure.kind === 'flood' ? 'flood' : 'fatal', `creating folder '${here}'`, `${failure.detail}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}. Check that the path is valid ` +
                `and that a file of that name is not in the way`, failure.httpStatus),
    });
}

;// CONCATENATED MODULE: ./lib/backup/destination.js



/** Starts the lookup now; nothing else in the run starts a request before the upload stage. */
function startLookup(session) {
    const { config, client } = session;
    const deferred = new DeferredLog(session.log);
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
    const folder = await resolveFolder(client, config.folder, { create: !config.dryRun, log });
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
        if (!(error instanceof OneFichierError))
            throw error;
        return { folder, listing: undefined, listingError: error };
    }
}
/** Refusals that no later call can get past: the zip need not be finished. */
function isRefusal(error) {
    return (error instanceof OneFichierError && (error.kind === 'auth' || error.kind === 'account' || error.kind === 'flood'));
}

;// CONCATENATED MODULE: ./lib/series/deletion.js
// The one place that deletes a file (file/rm.cgi). Whatever a caller decided, a deletion goes
// ahead only with a proof that the file is ours, checked here against this run's own listing of
// the destination folder; any doubt leaves the file alone, with the reason.


/** Why the proof does not hold, or null when it does. Pure: tested over random listings. */
function deletion_refusal(target, proof) {
    const id = fileIdOf(target.url);
    if (id === null)
        return 'its link has no file id';
    if (proof.kind === 'own-bad-upload') {
        if (target.fileName !== proof.fileName)
            return `its name '${target.fileName}' is not this run's`;
        if (proof.before === undefined)
            return "the folder was not listed before the upload, so it cannot be proven to be this run's copy";
        if (proof.before.some((item) => fileIdOf(item.url) === id))
            return "it was in the folder before this run's upload";
        return null;
    }
    if (proof.keep.has(id))
        return 'a retention rule keeps it, or it is the new backup';
    const listed = proof.listing.filter((item) => fileIdOf(item.url) === id);
    if (listed.length === 0)
        return "it is not in this run's listing of the folder";
    for (const item of listed) {
        if (typeof item.filename !== 'string' || !seriesMembership(proof.prefix, item.filename).member) {
            return 'the listing also shows it under a name outside the series';
        }
    }
    if (!listed.some((item) => item.filename === target.fileName))
        return 'the listing shows it under another name';
    return null;
}
/** Deletes one file when its proof holds; 1fichier's `removed` count confirms it. */
async function deleteFile(client, target, proof) {
    const why = deletion_refusal(target, proof);
    if (why !== null)
        return { deleted: false, reason: `left alone: ${why}` };
    const removed = await client.removeFile(target.url);
    return removed >= 1 ? { deleted: true } : { deleted: false, reason: '1fichier confirmed no deletion (removed: 0)' };
}

;// CONCATENATED MODULE: ./lib/series/listing.js
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
        const id = fileIdOf(item.url);
        if (id === null) {
            if (seriesMembership(prefix, item.filename).member)
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
        const members = [...names].filter((name) => seriesMembership(prefix, name).member);
        if (members.length === 0)
            continue;
        if (names.size > 1) {
            ambiguous.push(`${[...names].map((n) => `'${n}'`).join(' and ')} (one file id under several names)`);
            continue;
        }
        const item = listed[0];
        const membership = seriesMembership(prefix, item.filename);
        if (!membership.member)
            continue;
        if (membership.time === null)
            unreadable.push(item.filename);
        else
            series.push({ fileName: item.filename, url: item.url, time: membership.time, size: toNumber(item.size) });
    }
    return { series, unreadable, ambiguous };
}

;// CONCATENATED MODULE: ./lib/series/retention.js
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
    if (listingMayBeIncomplete(items)) {
        const skipped = `the folder listing has ${items.length} files and may be incomplete (the most 1fichier returns is ` +
            `${LISTING_LIMIT}, or it counted more than it listed); nothing was deleted. Move other files out of the backup ` +
            `folder`;
        log.warning(`Retention skipped: ${skipped}`);
        return { plan: null, skipped, pruned: [], notPruned: [] };
    }
    const { series: listed, unreadable, ambiguous } = seriesFromListing(items, req.prefix);
    for (const name of unreadable)
        log.warning(`'${name}' looks like a backup of this series but its timestamp is not a real time; it is left alone`);
    for (const what of ambiguous)
        log.warning(`The listing shows ${what}; it is left alone`);
    // The new backup stands for its own id; a listing can lag behind the upload, so it joins the
    // series even when not listed yet.
    // (prune alone has no new backup: the series is the listing.)
    const newId = req.newBackup ? fileIdOf(req.newBackup.url) : null;
    const series = listed.filter((b) => newId === null || fileIdOf(b.url) !== newId);
    if (req.newBackup)
        series.push(req.newBackup);
    const plan = planRetention(series, req.policy, {
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
    const keep = new Set([...plan.keep.map((d) => d.backup.url), req.newBackup?.url].map(fileIdOf).filter((id) => id !== null));
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
            const outcome = await deleteFile(client, decision.backup, proof);
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
        if (after.some((file) => sameFile(file.url, item.backup.url)))
            left.push(item);
        else
            confirmed(item.backup, ' (its answer was lost; a new listing shows it gone)');
    }
    return left;
}

;// CONCATENATED MODULE: ./lib/backup/dry-run.js
// A dry run: read-only calls only (no folder is created), then the plan as a real run would make it.






async function dryRunPlan(session, input) {
    const { config, client, log } = session;
    const { lookup, fileName, now, size } = input;
    log.info(`Dry run: ${fileName} would be uploaded to ${showFolder(config.folder)}; nothing is uploaded or deleted`);
    if (!lookup || !retentionActive(config.retention))
        return { folderId: null, retention: null };
    return log.group('Prune (dry run)', async () => {
        let destination;
        try {
            destination = await destinationOf(lookup, log);
        }
        catch (error) {
            if (!(error instanceof OneFichierError))
                throw error;
            throw new BackupError(`Dry run could not read the destination folder: ${error.message}`);
        }
        const folderId = destination.folder.id;
        const retention = await applyRetention({
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
    const message = messageOf(error);
    try {
        const saved = await log.group('Save the zip as a workflow artifact', () => save(zipPath));
        onSaved(saved);
        return new BackupError(`${message} The backup was saved instead as workflow artifact '${saved.name}' (id ` +
            `${saved.id}${saved.url ? `, ${saved.url}` : ''}); download it from the run's page. Nothing was pruned.`);
    }
    catch (artifactError) {
        return new BackupError(`${message} Saving the zip as a workflow artifact failed too ` +
            `(${messageOf(artifactError)}). Nothing was pruned.`);
    }
}

;// CONCATENATED MODULE: ./lib/backup/prune.js

/** The prune stage after a verified backup (new, or the unchanged newest one, which is then protected). */
async function pruneStage(session, input) {
    const { config, client, log, signal } = session;
    signal?.throwIfAborted();
    const request = { ...input, client, log, signal, prefix: config.namePrefix, policy: config.retention, dryRun: false };
    const retention = await log.group('Prune', () => applyRetention(request));
    // A cancel during pruning fails the step, saying what was and was not deleted.
    signal?.throwIfAborted();
    return retention;
}

;// CONCATENATED MODULE: ./lib/backup/result.js
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
        if (!(error instanceof OneFichierError))
            throw error;
        return upload(null, `the folder could not be read (${error.message})`);
    }
    const { folder, listing, listingError } = destination;
    if (folder.id === null)
        return upload(null, 'the folder does not exist yet');
    if (listing === undefined)
        return upload(folder.id, `the folder could not be listed (${listingError?.message ?? 'no listing'})`);
    if (listingMayBeIncomplete(listing))
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
    const series = seriesFromListing(listing, prefix).series.filter((b) => b.time.getTime() <= now.getTime());
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
    const size = toNumber(info.size);
    const whirlpool = (info.checksum ?? item.checksum ?? '').toLowerCase();
    if (size === undefined || size !== toNumber(item.size) || !/^[0-9a-f]{128}$/.test(whirlpool)) {
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
    const landed = await retry(async (attempt) => {
        log.info(`Uploading ${job.fileName} (${formatBytes(job.size)}) to node ` +
            `${server.url}${attempt > 1 ? ` (attempt ${attempt} of ${job.retries})` : ''}`);
        await sendBody(client, job, server, cap);
        return null;
    }, {
        attempts: job.retries,
        signal: job.signal,
        // The body may have arrived even though no answer did: ask before sending it again. A node
        // that refused the file said it kept nothing.
        settle: async (error) => {
            if (!isRetryable(error.kind) || error instanceof UploadRefused)
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
            logStatus(log, uploadProgress(sentBytes, totalBytes, (at - started) / 1000));
        },
    });
    const seconds = (now() - (started || now())) / 1000;
    log.info(`Uploaded in ${seconds.toFixed(1)} s (${formatBytes(job.size / Math.max(seconds, 0.001))}/s)`);
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
        if (error instanceof OneFichierError && isRetryable(error.kind))
            throw new UploadResultMissing(error);
        throw error;
    }
    const { link, others } = result;
    if (!link) {
        // Not ours, whatever it is: a renamed copy is reported with its link and never counted.
        const detail = `end.pl gave no file named ${job.fileName}, only ${describeLinks(others)}`;
        throw new UploadResultMissing(new OneFichierError('fatal', 'upload result (end.pl)', detail), others);
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
        this.log.warning(`This upload needs about ${formatDuration(neededMs)} ${basis} (${formatBytes(rate)}/s), and 1fichier stops an ` +
            `upload after 4 hours: it will likely fail. Back up less per run (several series, or exclude large files), ` +
            `or run where the link to 1fichier is faster.`);
    }
}
/** e.g. "Uploading: 45% (120.0 MiB of 266.7 MiB), 25.3 MiB/s, 6.0 s left". */
function uploadProgress(sentBytes, totalBytes, seconds) {
    const rate = sentBytes / Math.max(seconds, 0.001);
    const left = rate > 0 ? `, ${formatDuration((1000 * (totalBytes - sentBytes)) / rate)} left` : '';
    return (`Uploading: ${Math.floor((100 * sentBytes) / Math.max(totalBytes, 1))}% ` +
        `(${formatBytes(sentBytes)} of ${formatBytes(totalBytes)}), ${formatBytes(rate)}/s${left}`);
}
/** The upload stage: the destination (looked up meanwhile), then the upload, then end.pl's answer. */
async function uploadStage(
// state: where the last upload's rate is kept (the 4-hour cap).
session, input) {
    const { config, client, log, state } = session;
    const { archive, fileName } = input;
    const { folder, listing: before, listingError } = await destinationOf(input.lookup, log);
    const folderId = folder.id ?? ROOT_FOLDER_ID;
    log.info(`Destination: ${showFolder(folder.path)} (folder id ${folderId})`);
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
        throw new BackupError(`The upload's result is unknown: end.pl gave no link and the folder could not be listed ` +
            `(${error.message}).${foreign} Nothing was deleted; check the folder for ${fileName}.`);
    }
    // Ours: our exact name, the zip's size and Whirlpool, and not in the folder before the upload.
    const match = listing.find((item) => item.filename === fileName &&
        toNumber(item.size) === archive.size &&
        item.checksum?.toLowerCase() === archive.whirlpool &&
        fileIdOf(item.url) !== null &&
        !before?.some((old) => sameFile(old.url, item.url)));
    if (!match) {
        throw new BackupError(`The upload's result is unknown: end.pl gave no link (${cause.cause.detail}) and ${fileName} with the zip's ` +
            `size and Whirlpool is not in the folder.${foreign} Nothing was deleted; run the job again.`);
    }
    log.info(`Found ${fileName} in the folder with the zip's size and Whirlpool`);
    const link = { download: match.url, filename: match.filename, size: match.size, whirlpool: match.checksum ?? '' };
    return { link, listing };
}

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
            throw new VerificationError(`Could not confirm the upload: file/info.cgi failed (${cause.detail}) and so did the folder listing ` +
                `(${error.message}). The file may be at ${url}; nothing was deleted.`);
        }
        item = listing.find((i) => sameFile(i.url, url) && i.filename === expected.fileName);
    }
    if (!item) {
        throw new VerificationError(`Could not confirm the upload: file/info.cgi failed (${cause.detail}) and ${url} is not in the listing of ` +
            `${showFolder(expected.folderPath)}, asked ${LATE_FILE_LISTINGS} times over about 30 s. It may have landed ` +
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
    const outcome = await deleteFile(client, copy, {
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
    return new VerificationError(`Checksum mismatch: ${mismatch}. The upload was corrupted on the way; ${what}. Nothing else was deleted; run ` +
        `the job again.`);
}
function compareDigests(where, local, size, whirlpool) {
    const remoteSize = toNumber(size);
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
            if (!(error instanceof OneFichierError) || error.kind === 'auth' || error.kind === 'account')
                throw error;
            return verifyFromListing(client, url, expected, error);
        }
    }
    const mismatch = fromEnd ?? compareDigests('1fichier (file/info.cgi)', expected, info?.size, info?.checksum);
    if (mismatch)
        throw await badCopy(client, mismatch, { url, fileName: link.filename }, expected);
    const folderId = toNumber(info?.folder_id);
    if (folderId !== expected.folderId) {
        throw new VerificationError(`The upload landed in the wrong folder: 1fichier put it in folder id ${folderId ?? 'unknown'} instead of ` +
            `${showFolder(expected.folderPath)} (id ${expected.folderId}). The backup is safe at ${url}; move it by ` +
            `hand. Check that the folder still exists.`);
    }
    if (expected.passwordSet && toNumber(info?.pass) === 0) {
        throw new VerificationError(`The download password was not applied to ${url}: the file is public. Set a password on it in 1fichier's file ` +
            `manager.`);
    }
    const fileName = typeof info?.filename === 'string' && info.filename !== '' ? info.filename : link.filename;
    if (fileName !== expected.fileName) {
        throw new VerificationError(`1fichier stored the backup as '${fileName}' instead of '${expected.fileName}'; it would not be part of its ` +
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
    log.info(`Verified in ${formatDuration(performance.now() - started)}: 1fichier's size ` +
        `(${formatBytes(uploaded.local.size)}) and Whirlpool match the zip; it is in folder id ${uploaded.folderId}`);
    return verified;
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./lib/zip/records.js


const VERSION_MADE_BY = (MADE_BY_UNIX << 8) | 63; // Unix, spec 6.3
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
        b.writeUInt16LE(ZIP64_EXTRA_ID, at);
        b.writeUInt16LE(8 * zip64Values.length, at + 2);
        at += 4;
        for (const value of zip64Values)
            at = b.writeBigUInt64LE(BigInt(value), at);
    }
    b.writeUInt16LE(EXTENDED_TIMESTAMP_ID, at);
    b.writeUInt16LE(5, at + 2);
    b.writeUInt8(1, at + 4);
    at = b.writeUInt32LE(Math.max(0, Math.min(r.mtime, ZIP64_LIMIT)), at + 5);
    if (r.aesMethod !== null)
        at += aesExtraField(r.aesMethod).copy(b, at);
    return at;
}
function extrasLength(r, zip64Values) {
    return (zip64Values ? 4 + 8 * zip64Values.length : 0) + 9 + (r.aesMethod !== null ? AES_EXTRA_LENGTH : 0);
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
    header.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0);
    header.writeUInt16LE(versionNeeded(r, r.zip64), 4);
    header.writeUInt16LE(r.flags, 6);
    header.writeUInt16LE(r.method, 8);
    header.writeUInt16LE(r.dosTime, 10);
    header.writeUInt16LE(r.dosDate, 12);
    const known = !(r.flags & FLAG_DATA_DESCRIPTOR);
    header.writeUInt32LE(known ? r.crc : 0, 14);
    header.writeUInt32LE(r.zip64 ? ZIP64_LIMIT : known ? r.compressedSize : 0, 18);
    header.writeUInt32LE(r.zip64 ? ZIP64_LIMIT : known ? r.uncompressedSize : 0, 22);
    header.writeUInt16LE(r.name.length, 26);
    header.writeUInt16LE(extraLength, 28);
    r.name.copy(header, 30);
    writeExtras(header, 30 + r.name.length, r, zip64Values);
    return header;
}
function dataDescriptor(r) {
    const d = Buffer.allocUnsafe(r.zip64 ? 24 : 16);
    d.writeUInt32LE(DATA_DESCRIPTOR_SIGNATURE, 0);
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
    if (!r.zip64 && r.uncompressedSize < ZIP64_LIMIT && r.compressedSize < ZIP64_LIMIT && r.offset < ZIP64_LIMIT)
        return null;
    return [r.uncompressedSize, r.compressedSize, r.offset].filter((n) => n >= ZIP64_LIMIT || r.zip64);
}
function centralHeaderLength(r) {
    return 46 + r.name.length + extrasLength(r, centralZip64Values(r));
}
/** Writes the central directory header of `r` at `at` in `h` (which has centralHeaderLength(r) bytes there). */
function writeCentralHeader(r, h, at) {
    const zip64Values = centralZip64Values(r);
    const big = (n) => n >= ZIP64_LIMIT || r.zip64;
    h.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, at);
    h.writeUInt16LE(VERSION_MADE_BY, at + 4);
    h.writeUInt16LE(versionNeeded(r, zip64Values !== null), at + 6);
    h.writeUInt16LE(r.flags, at + 8);
    h.writeUInt16LE(r.method, at + 10);
    h.writeUInt16LE(r.dosTime, at + 12);
    h.writeUInt16LE(r.dosDate, at + 14);
    h.writeUInt32LE(r.crc, at + 16);
    h.writeUInt32LE(big(r.compressedSize) ? ZIP64_LIMIT : r.compressedSize, at + 20);
    h.writeUInt32LE(big(r.uncompressedSize) ? ZIP64_LIMIT : r.uncompressedSize, at + 24);
    h.writeUInt16LE(r.name.length, at + 28);
    h.writeUInt16LE(extrasLength(r, zip64Values), at + 30);
    h.writeUInt16LE(0, at + 32); // comment
    h.writeUInt16LE(0, at + 34); // disk
    h.writeUInt16LE(0, at + 36); // internal attributes
    h.writeUInt32LE(r.externalAttributes >>> 0, at + 38);
    h.writeUInt32LE(big(r.offset) ? ZIP64_LIMIT : r.offset, at + 42);
    r.name.copy(h, at + 46);
    writeExtras(h, at + 46 + r.name.length, r, zip64Values);
}
function endOfCentralDirectory(count, cdOffset, cdSize) {
    const needZip64 = count >= 0xffff || cdOffset >= ZIP64_LIMIT || cdSize >= ZIP64_LIMIT;
    const parts = [];
    if (needZip64) {
        const record = Buffer.alloc(56);
        record.writeUInt32LE(ZIP64_END_SIGNATURE, 0);
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
        locator.writeUInt32LE(ZIP64_LOCATOR_SIGNATURE, 0);
        locator.writeUInt32LE(0, 4);
        locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
        locator.writeUInt32LE(1, 16);
        parts.push(record, locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_SIGNATURE, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(cdSize, ZIP64_LIMIT), 12);
    end.writeUInt32LE(Math.min(cdOffset, ZIP64_LIMIT), 16);
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
const chunks_CHUNK_SIZE = 1 << 20;
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
        return this.free.pop() ?? Buffer.allocUnsafeSlow(chunks_CHUNK_SIZE);
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
        this.chunkCount = Math.max(1, Math.ceil(item.size / chunks_CHUNK_SIZE));
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
        const length = Math.min(chunks_CHUNK_SIZE, item.size - index * chunks_CHUNK_SIZE);
        const buffer = options.buffers.take();
        let bytesRead;
        try {
            ;
            ({ bytesRead } = await readAsync(this.fd, buffer, 0, length, index * chunks_CHUNK_SIZE));
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
        const { script, options } = workerScript('small-file-worker.js', import.meta.url);
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
        const mode = item.kind === 'directory' ? ((S_IFDIR | item.mode) << 16) | 0x10 : (S_IFLNK | item.mode) << 16;
        const record = {
            dosTime: dosTime(item.mtime),
            dosDate: dosDate(item.mtime),
            mtime: unixTime(item.mtime),
            name: entryName(item),
            method: encrypt ? AES_METHOD : 0,
            flags: (item.raw ? 0 : FLAG_UTF8) | (encrypt ? FLAG_ENCRYPTED : 0),
            crc: encrypt ? 0 : (0,external_node_zlib_.crc32)(content) >>> 0,
            compressedSize: content.length + (encrypt ? AES_OVERHEAD : 0),
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
            method: encrypt ? AES_METHOD : method,
            // A name that is not valid UTF-8 is stored as its bytes, without the UTF-8 flag (as Info-ZIP does).
            flags: (item.raw ? 0 : FLAG_UTF8) | FLAG_DATA_DESCRIPTOR | (encrypt ? FLAG_ENCRYPTED : 0),
            crc: 0,
            compressedSize: 0,
            uncompressedSize: 0,
            offset: 0,
            externalAttributes: ((S_IFREG | item.mode) << 16) >>> 0,
            zip64: false,
            aesMethod: encrypt ? method : null,
        };
    }
    /** The entry's cipher when the zip is encrypted; its key derivation (PBKDF2) starts now, in the thread pool. */
    newCipher() {
        if (!this.options.password)
            return undefined;
        const cipher = EntryCipher.create(this.options.password);
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
        record.zip64 = piece.sizeHint >= ZIP64_LIMIT - ZIP64_MARGIN || this.output.offset >= ZIP64_LIMIT;
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
        if (!record.zip64 && (record.compressedSize >= ZIP64_LIMIT || record.uncompressedSize >= ZIP64_LIMIT))
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
        record.zip64 = this.output.offset >= ZIP64_LIMIT;
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
        onProgress: ({ entryCount, zipBytes }) => logStatus(log, `Zipping: ${entryCount} entries in, ${formatBytes(zipBytes)} written, ` +
            `${formatBytes(zipBytes / Math.max((performance.now() - started) / 1000, 0.001))}/s`),
        // A file gone by the time its turn comes is left out, like one the walk could not read.
        onUnreadable: (entry, error) => {
            tally.fileCount--;
            if (entry.kind === 'file')
                tally.totalBytes -= entry.size;
            tally.missing.push({ name: entry.name, reason: describeReadError(error) });
            log.warning(`'${entry.name}' is missing from the backup: ${describeReadError(error)}; the backup goes on without it`);
        },
        onSizeChanged: (entry, size) => log.warning(`'${entry.name}' changed size while it was read; the backup holds the ${formatBytes(size)} that were read`),
    }).catch((error) => {
        if (refused?.aborted && !session.signal?.aborted)
            throw refused.reason;
        throw diskFailure(error, input.temp, 'Writing the zip') ?? error;
    });
    const { fileCount, totalBytes, credentialWarnings, missing } = tally;
    for (const warning of credentialWarnings)
        log.warning(`Credential guard: ${warning}; exclude it with a !pattern line unless you mean to back it up`);
    log.info(`Selected ${count(fileCount, 'file')} (${formatBytes(totalBytes)}) under ${selection.root}`);
    if (fileCount > 0) {
        if (config.archivePassword)
            log.info('Contents encrypted with AES-256 (WinZip AE-2); entry names stay readable');
        log.info(`Zipped ${count(fileCount, 'file')} (${formatBytes(totalBytes)}) into ${archive.path.split(/[\\/]/).pop()}: ` +
            `${formatBytes(archive.size)} in ${formatDuration(performance.now() - started)}`);
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
        const fileName = backupFileName(config.namePrefix, ctx.startedAt, config.label);
        const events = new RunEvents(ctx.onEvent);
        const result = (outcome) => {
            if (outcome.status === 'unchanged' || outcome.status === 'uploaded')
                events.emit({ kind: 'done' });
            return buildResult({ fileName, config }, events.progress, outcome, Date.now() - ctx.startedAt.getTime());
        };
        const temp = { path: ctx.tempDir, setting: ctx.tempDirSetting ?? 'TMPDIR' };
        const workDir = await makeWorkDir(temp);
        const zipPath = external_node_path_.join(workDir, fileName);
        const session = __addDisposableResource(env_1, Session.open(ctx), true);
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
            const needsFolder = !config.dryRun || config.skipUnchanged || retentionActive(config.retention);
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
        throw diskFailure(error, temp, 'Making the temporary folder for the zip') ?? error;
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
        throw new NoFilesError(message.replace(/\n/g, ' '));
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
    if (!retentionActive(config.retention)) {
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
        throw new BackupError(`The zip ${fileName} is empty (0 bytes) and 1fichier refuses empty files; nothing was uploaded or deleted.`);
    if (size > MAX_UPLOAD_BYTES) {
        throw new BackupError(`The zip ${fileName} is ${formatBytes(size)}, over the 300 GB that 1fichier accepts for one file. Split the ` +
            `backup into several series (one step per part of the tree, each with its own name-prefix), or exclude large ` +
            `files. Nothing was uploaded or deleted.`);
    }
}

;// CONCATENATED MODULE: ./lib/core/version.js
// Written by `npm run build` from package.json's version and repository: the one place each is set.
const VERSION = '0.1.0';
/** Where the action is published: `uses: 1fichier-backup/1fichier-backup-action@v1`. */
const REPOSITORY = '1fichier-backup/1fichier-backup-action';

;// CONCATENATED MODULE: ./lib/action/summary.js
// What a run produced, as step outputs and as the job summary's markdown. Shared by both shells.




/** A step output's text: none for null, JSON for a list. */
const asOutput = (value) => value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
function outputsOf(result) {
    const values = Object.entries(outputValues(result)).map(([name, value]) => [name, asOutput(value)]);
    return {
        ...Object.fromEntries(values),
        'missing-files': JSON.stringify(result.missing.map((m) => m.name)),
        'artifact-id': '',
        'artifact-url': '',
    };
}
/** A failed run still says where its zip went, when it was kept as a workflow artifact. */
function failureOutputs(artifact) {
    return artifact ? { 'artifact-id': String(artifact.id), 'artifact-url': artifact.url } : {};
}
const escapeCell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** Why a backup was not kept: every rule it fell outside of (restic keeps the union of the rules). */
function whyNotKept(policy) {
    const rules = COUNT_RULES.filter((rule) => (policy[rule] ?? 0) > 0).map((rule) => `keep-${rule} ${policy[rule] === Infinity ? 'unlimited' : policy[rule]}`);
    if (policy.within)
        rules.push(`keep-within ${durationLabel(policy.within)}`);
    for (const [key, period] of WITHIN_RULES) {
        const d = policy[key];
        if (d)
            rules.push(`keep-within-${period} ${durationLabel(d)}`);
    }
    return rules.length > 0 ? `beyond ${rules.join(', ')}` : 'no rule keeps it';
}
/**
 * The series' sizes as it stands after the run, newest at the top, as a Mermaid bar chart laid
 * on its side (GitHub renders Mermaid in Markdown, job summaries included): a sudden drop is how a
 * broken backup shows. Side-on, the labels stack instead of overlapping; past 30 backups, the
 * newest 30 are shown and the title says so. Nothing for fewer than two backups with a known size.
 */
function sizeChart(backups) {
    const sized = backups
        .filter((b) => b.size !== undefined)
        .sort((x, y) => y.time.getTime() - x.time.getTime());
    if (sized.length < 2)
        return [];
    const shown = sized.slice(0, CHART_BARS);
    const largest = Math.max(...shown.map((b) => b.size));
    const [unit, scale] = CHART_UNITS.find(([, bytes]) => largest >= bytes) ?? ['bytes', 1];
    // Short labels: the year only when the bars span more than one.
    const years = new Set(shown.map((b) => b.time.getUTCFullYear())).size > 1;
    const labels = shown.map((b) => `"${b.time
        .toISOString()
        .slice(years ? 2 : 5, 16)
        .replace('T', ' ')}"`);
    const values = shown.map((b) => Number((b.size / scale).toFixed(2)));
    const which = sized.length > shown.length ? `the newest ${shown.length} of ${sized.length}` : `all ${sized.length}`;
    return [
        '',
        `Sizes of the series after this run (${unit}, times UTC, newest at the top; ${which}):`,
        '',
        '```mermaid',
        'xychart-beta horizontal',
        `  x-axis [${labels.join(', ')}]`,
        `  y-axis "${unit}" 0 --> ${Math.max(...values)}`,
        `  bar [${values.join(', ')}]`,
        '```',
    ];
}
/** How to get this backup back: the restore sub-action's step, and the CLI's line. */
function restoreHint(result) {
    // The account root is the default: no folder to name then.
    const folder = result.folderPath;
    return [
        '',
        '<details><summary>Restore this backup</summary>',
        '',
        '```yaml',
        `- uses: ${REPOSITORY}/restore@v1`,
        '  with:',
        '    api-key: ${{ secrets.ONEFICHIER_API_KEY }}',
        ...(folder ? [`    folder: ${yamlString(folder)}`] : []),
        `    name-prefix: ${yamlString(result.namePrefix)}`,
        `    backup: ${yamlString(result.fileName)}`,
        '    path: restored/',
        '```',
        '',
        'or from a shell (key in `ONEFICHIER_API_KEY`):',
        '',
        '```sh',
        `1fichier-backup restore ${folder ? `--folder ${shellWord(folder)} ` : ''}` +
            `--name-prefix ${shellWord(result.namePrefix)} --backup ${shellWord(result.fileName)} --to restored`,
        '```',
        '',
        '</details>',
    ];
}
/** A word for a POSIX shell, whatever it holds: single quotes, and each ' as '\''. */
const shellWord = (text) => `'${text.replace(/'/g, "'\\''")}'`;
/** A YAML scalar that stays a string whatever it holds (`: `, `#`, quotes, `yes`): a JSON string is one. */
const yamlString = (text) => /^[\w./-]+$/.test(text) && !/^(y|n|yes|no|on|off|true|false|null|~)$/i.test(text) ? text : JSON.stringify(text);
/** The chart shows the newest this many. */
const CHART_BARS = 30;
const CHART_UNITS = [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
];
/** Long tables fold away, so the link and the outcome stay at the top. */
const FOLD_ROWS = 15;
function summaryMarkdown(result, warnings = [], policy = {}) {
    const lines = ['## 1fichier backup', ''];
    if (result.status === 'no-files') {
        lines.push('No files matched `path`: no backup was made.');
        return `${lines.join('\n')}\n`;
    }
    const title = result.status === 'dry-run'
        ? '**Dry run**: the zip was made; nothing was uploaded or deleted.'
        : result.status === 'unchanged'
            ? `**Unchanged**: the files are the same as in [${result.fileName}](${result.url}), the newest backup; ` +
                `nothing was uploaded.`
            : `**Backup**: [${result.fileName}](${result.url})`;
    lines.push(title, '', '| Item | Value |', '|---|---|');
    const rows = [
        ['File', `\`${result.fileName}\``],
        ['Folder', `\`/${result.folderPath}\`${result.folderId === null ? '' : ` (id ${result.folderId})`}`],
        ['Size', `${formatBytes(result.size)} (${result.size} bytes)`],
        ['Files', String(result.fileCount)],
        ['Duration', formatDuration(result.durationMs)],
        ['SHA-256', `\`${result.sha256}\``],
        ['Whirlpool', `\`${result.whirlpool}\``],
        ['Encryption', result.encrypted ? 'AES-256 (WinZip AE-2); entry names readable' : 'none'],
    ];
    if (result.status === 'uploaded')
        rows.unshift([
            'Verified',
            "1fichier's copy: its size and Whirlpool match the zip, in the intended folder; the zip: every entry read " +
                'back (CRC-32 or AES code) before the upload',
        ]);
    if (result.comparison)
        rows.push(['Skip unchanged', result.comparison]);
    if (result.url)
        rows.unshift(['Download', result.url]);
    for (const [name, value] of rows)
        lines.push(`| ${name} | ${escapeCell(value)} |`);
    if (result.notices.length > 0) {
        lines.push('', '### 1fichier account', '');
        for (const notice of result.notices)
            lines.push(`> [!WARNING]`, `> ${escapeCell(notice)}`, '');
    }
    if (result.missing.length > 0) {
        lines.push('', `### Missing files (${result.missing.length})`, '', 'These selected files could not be read, and are not in the backup:', '');
        for (const m of result.missing.slice(0, 50))
            lines.push(`- \`${escapeCell(m.name)}\`: ${escapeCell(m.reason)}`);
        if (result.missing.length > 50)
            lines.push(`- … and ${result.missing.length - 50} more (see the log)`);
    }
    if (result.status === 'uploaded' || result.status === 'unchanged')
        lines.push(...restoreHint(result));
    const stages = Object.entries(result.stagesMs).map(([stage, ms]) => `${stage} ${formatDuration(ms)}`);
    if (stages.length > 0)
        lines.push('', `Stages: ${stages.join(', ')}`);
    const retention = result.retention;
    if (retention) {
        lines.push('', '### Retention', '');
        if (retention.skipped)
            lines.push(`Skipped: ${retention.skipped}.`);
        if (retention.plan) {
            const pruned = new Set(retention.pruned.map((b) => b.url));
            const failed = new Map(retention.notPruned.map((n) => [n.backup.url, n.reason]));
            const rows = retention.plan.decisions.length;
            if (rows > FOLD_ROWS)
                lines.push(`<details><summary>${retention.plan.keep.length} kept, ${retention.plan.remove.length} not kept (${rows} ` +
                    `backups)</summary>`, '');
            lines.push('| Backup | Size | Decision | Why |', '|---|---:|---|---|');
            for (const d of retention.plan.decisions) {
                const decision = d.keep
                    ? 'kept'
                    : result.status === 'dry-run'
                        ? 'would be deleted'
                        : pruned.has(d.backup.url)
                            ? 'deleted'
                            : `not deleted: ${failed.get(d.backup.url) ?? 'unknown'}`;
                const why = d.keep ? d.reasons.join(', ') : whyNotKept(policy);
                const size = d.backup.size === undefined ? '' : formatBytes(d.backup.size);
                lines.push(`| \`${d.backup.fileName}\` | ${size} | ${escapeCell(decision)} | ${escapeCell(why)} |`);
            }
            if (rows > FOLD_ROWS)
                lines.push('', '</details>');
            // As the series stands after the run: what was kept, and what could not be deleted.
            lines.push(...sizeChart(retention.plan.decisions.filter((d) => d.keep || !pruned.has(d.backup.url)).map((d) => d.backup)));
        }
    }
    // The account's notices have their own section above.
    warnings = warnings.filter((w) => !result.notices.includes(w));
    if (warnings.length > 0) {
        lines.push('', `### Warnings (${warnings.length})`, '');
        for (const w of warnings.slice(0, 30))
            lines.push(`- ${escapeCell(w)}`);
        if (warnings.length > 30)
            lines.push(`- … and ${warnings.length - 30} more (see the log)`);
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./lib/action/artifact.js
// on-upload-failure: artifact. The zip that could not reach 1fichier is kept as a workflow
// artifact of this run, as it is (no second zip around it). @actions/artifact is loaded only
// here, on that rare path, so it costs nothing at start-up.

async function saveZipAsArtifact(zipPath, env = process.env) {
    const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 44).then(__webpack_require__.bind(__webpack_require__, 19044));
    const client = new DefaultArtifactClient();
    const result = await client.uploadArtifact(external_node_path_.basename(zipPath), [zipPath], external_node_path_.dirname(zipPath), {
        skipArchive: true,
    });
    if (result.id === undefined)
        throw new Error('the artifact service gave no artifact id');
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const url = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${result.id}`
        : '';
    return { name: external_node_path_.basename(zipPath), id: result.id, url, sha256: result.digest ?? '' };
}

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
    return isLoopbackHost(host) ? value : 1;
}

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

;// CONCATENATED MODULE: ./lib/action/action.js
// The GitHub Action shell: inputs from the runner, the same run as the CLI, outputs and a job
// summary back. The key is masked before anything else happens.













/** Passes every line on, and keeps the warnings for the summary. */
class WarningsKept {
    inner;
    kept;
    constructor(inner, kept) {
        this.inner = inner;
        this.kept = kept;
    }
    get debugEnabled() {
        return this.inner.debugEnabled;
    }
    info(message) {
        this.inner.info(message);
    }
    warning(message) {
        this.kept.push(message);
        this.inner.warning(message);
    }
    error(message) {
        this.inner.error(message);
    }
    debug(message) {
        this.inner.debug(message);
    }
    group(name, body) {
        return this.inner.group(name, body);
    }
    status(message) {
        logStatus(this.inner, message);
    }
}
async function runAction() {
    const startedAt = new Date();
    // Mask secrets first, whatever else is wrong with the inputs; every line then passes the redactor.
    const redactor = maskSecrets();
    const redact = (text) => redactor.redact(text);
    // The run's warnings are also listed in the job summary.
    const warnings = [];
    const log = new RedactingLog(new WarningsKept(new ActionLog(), warnings), redact);
    log.debug(`Runtime: Node ${process.version} (pid ${process.pid}) on ${process.platform}-${process.arch}`);
    const cancellation = watchCancellation(log);
    // What the run has done, from its events: what a failure or a cancel says it left.
    let progress = NOTHING_DONE;
    let result;
    let config;
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    try {
        // Path lines are relative to the workspace (@actions/glob reads them from the current folder):
        // a runner starts the step there, @github/local-action in the action's own folder.
        if (external_node_path_.resolve(workspace) !== process.cwd())
            process.chdir(workspace);
        config = parseConfig(readInput, { repository: process.env.GITHUB_REPOSITORY });
        result = await runBackup({
            config,
            log,
            workspace,
            tempDir: process.env.RUNNER_TEMP || external_node_os_.tmpdir(),
            tempDirSetting: process.env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'TMPDIR',
            startedAt,
            timeScale: timeScaleFromEnv(config.apiUrl),
            signal: cancellation.signal,
            onEvent: (event) => (progress = recordEvent(progress, event)),
            saveAsArtifact: (zipPath) => saveZipAsArtifact(zipPath),
            stateDir: stateDirectory(),
        });
    }
    catch (error) {
        reportFailure(error, cancellation.signal, progress, log, redact);
        return;
    }
    finally {
        cancellation.dispose();
    }
    // The backup is done: a report that cannot be written is a warning, never a failed backup.
    writeReports(outputsOf(result), summaryMarkdown(result, warnings, config.retention), log, redact);
}
/** Outputs and the job summary, each optional: a failure to write one is a warning. */
function writeReports(outputs, summary, log, redact) {
    writeOutputs(outputs, log, redact);
    writeSummary(summary, log, redact);
}
function escapeMarkdown(text) {
    return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
/** One `::error` line per problem, redacted; the summary says the same. */
function reportFailure(error, signal, progress, log, redact) {
    writeOutputs(failureOutputs(progress.artifact), log, redact);
    const failure = describeFailure(error, {
        cancelled: signal.aborted ? { line: `Cancelled. ${describeProgress(progress)}`, exitCode: 1 } : undefined,
    });
    // Unexpected failures: the message only; the stack goes to the debug log.
    if (failure.unexpected)
        log.debug(error instanceof Error && error.stack ? error.stack : String(error));
    for (const line of failure.lines)
        log.error(line);
    // The runner fails the step on any code but 0; 1 as @actions/core's setFailed.
    process.exitCode = core/* ExitCode */.yU.Failure;
    writeSummary(`## 1fichier backup\n\n**Failed**: ${escapeMarkdown(failure.summary)}\n`, log, redact);
}
/**
 * For @github/local-action, which imports an entry and calls its `run()`.
 * @public
 */
async function run() {
    await runAction();
}


/***/ })

};
