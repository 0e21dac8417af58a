/**
 * shell/destructive-unmarked: commands that delete, stop or overwrite something, in a block whose step is not
 * marked destructive. Runbooks mark such steps (`> **Destructive — needs approval from …**` before the block); a
 * destructive command without the marker is a step someone may run at 3 a.m. without the approval it needs.
 *
 * What counts (after wrappers such as sudo, env, xargs, timeout and `kubectl exec … --` are looked through):
 *   kubectl (and k, oc, $K): delete, drain, replace --force, scale … --replicas=0
 *   rm with both -r and -f; helm uninstall/delete; git push --force (-f, --force-with-lease, +refspec, --delete)
 *   aws: any *delete-*, terminate-*, deregister-*, purge-* operation; aws s3 rm/rb, aws s3 sync --delete
 *   gcloud/az … delete; terraform/tofu destroy (or apply -destroy); docker/podman system|volume prune, volume rm
 *   dropdb, dropuser; redis-cli FLUSHALL/FLUSHDB
 *   SQL given to psql, mysql and the like (-c strings, heredocs): DROP, TRUNCATE, DELETE or UPDATE without WHERE,
 *   pg_terminate_backend
 *
 * `$K` and `k` are in the kubectl list because the runbooks define them as kubectl with context and namespace.
 */
import { shellCommands, type Word } from './shell-words.ts';
import type { Finding } from './types.ts';

export const KUBECTL = new Set(['kubectl', 'k', 'oc', 'kubecolor', '$K', '${K}', '$KUBECTL', '${KUBECTL}']);
const SQL_CLIENTS = new Set(['psql', 'mysql', 'mariadb', 'sqlite3', 'clickhouse-client', 'cockroach', 'pgcli', 'usql']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash']);
const KUBECTL_VALUE_FLAGS = new Set([
	'-n',
	'--namespace',
	'--context',
	'--kubeconfig',
	'--cluster',
	'--user',
	'-s',
	'--server',
	'--as',
	'--as-group',
	'--token',
	'--request-timeout',
	'-l',
	'--selector',
	'-c',
	'--container',
	'-f',
	'--filename',
	'-o',
	'--output',
]);
const AWS_VALUE_FLAGS = new Set([
	'--region',
	'--profile',
	'--output',
	'--query',
	'--endpoint-url',
	'--cli-read-timeout',
	'--cli-connect-timeout',
	'--color',
	'--ca-bundle',
]);

/** Words skipped in front of the real command, with the flags of theirs that take a value. */
const WRAPPERS = new Map<string, Set<string>>([
	['sudo', new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-U'])],
	['doas', new Set(['-u'])],
	['env', new Set(['-u', '-C', '-S'])],
	['time', new Set()],
	['nohup', new Set()],
	['exec', new Set()],
	['command', new Set()],
	['builtin', new Set()],
	['nice', new Set(['-n'])],
	['xargs', new Set(['-n', '-I', '-P', '-L', '-d', '-s', '-E', '-a'])],
	['watch', new Set(['-n', '--interval'])],
	['timeout', new Set(['-s', '--signal', '-k', '--kill-after'])],
	['then', new Set()],
	['do', new Set()],
	['else', new Set()],
	['if', new Set()],
	['elif', new Set()],
	['while', new Set()],
	['until', new Set()],
	['!', new Set()],
	['{', new Set()],
]);

export interface Destructive {
	offset: number;
	/** What was found, as the reader would recognise it: `kubectl delete`, `DELETE without WHERE`. */
	what: string;
}

/** Every destructive command in a shell text (one per command). */
export function destructiveShellCommands(text: string): Destructive[] {
	return shellCommands(text).flatMap((c) => destructiveCommand(c.words) ?? []);
}

function destructiveCommand(all: Word[]): Destructive | undefined {
	const words = unwrap(all);
	const first = words[0];
	if (!first) return undefined;
	const name = first.text.replace(/^.*\//, '');
	const args = words.slice(1).filter((w) => !w.input);
	const texts = args.map((w) => w.text);
	const at = (w: Word | undefined = first) => w.offsets[0] ?? first.offsets[0] ?? 0;
	const found = (what: string, w?: Word): Destructive => ({ offset: at(w), what });

	if (KUBECTL.has(first.text) || KUBECTL.has(name)) {
		const positional = positionals(args, KUBECTL_VALUE_FLAGS);
		const sub = positional[0];
		const dashdash = texts.indexOf('--');
		if ((sub?.text === 'exec' || sub?.text === 'debug') && dashdash !== -1) {
			return destructiveCommand(args.slice(dashdash + 1));
		}
		if (sub?.text === 'delete' || sub?.text === 'drain') return found(`kubectl ${sub.text}`, sub);
		if (sub?.text === 'replace' && texts.includes('--force')) return found('kubectl replace --force', sub);
		const zero = texts.some((t, i) => t === '--replicas=0' || (t === '--replicas' && texts[i + 1] === '0'));
		if (sub?.text === 'scale' && zero) return found('kubectl scale --replicas=0', sub);
		return undefined;
	}
	if (name === 'rm') {
		const short = texts.filter((t) => /^-[^-]/.test(t)).join('');
		const recursive = /[rR]/.test(short) || texts.includes('--recursive');
		const force = short.includes('f') || texts.includes('--force');
		return recursive && force ? found('rm -rf') : undefined;
	}
	if (name === 'helm') {
		const sub = positionals(args, new Set(['-n', '--namespace', '--kube-context', '--kubeconfig']))[0];
		return sub && ['uninstall', 'delete', 'del', 'un'].includes(sub.text) ? found(`helm ${sub.text}`, sub) : undefined;
	}
	if (name === 'git') {
		const positional = positionals(args, new Set(['-C', '-c']));
		if (positional[0]?.text !== 'push') return undefined;
		const force = texts.some((t) => /^(?:-f|--force|--force-with-lease(?:=.*)?|--mirror|--delete|-d)$/.test(t));
		const refspec = positional.slice(1).some((w) => /^[+:]/.test(w.text));
		return force || refspec ? found('git push --force') : undefined;
	}
	if (name === 'aws') {
		const positional = positionals(args, AWS_VALUE_FLAGS);
		const op = positional.slice(1, 3).find((w) => /^(?:delete|terminate|deregister|purge)-/.test(w.text));
		if (op) return found(`aws ${positional[0]!.text} ${op.text}`, op);
		if (positional[0]?.text === 's3' && ['rm', 'rb'].includes(positional[1]?.text ?? '')) {
			return found(`aws s3 ${positional[1]!.text}`, positional[1]);
		}
		if (positional[0]?.text === 's3' && positional[1]?.text === 'sync' && texts.includes('--delete')) {
			return found('aws s3 sync --delete');
		}
		return undefined;
	}
	if (name === 'gcloud' || name === 'az') {
		const del = args.find((w) => w.text === 'delete');
		return del ? found(`${name} … delete`, del) : undefined;
	}
	if (name === 'terraform' || name === 'tofu') {
		const destroy = texts[0] === 'destroy' || (texts.includes('apply') && texts.includes('-destroy'));
		return destroy ? found(`${name} destroy`) : undefined;
	}
	if (name === 'docker' || name === 'podman') {
		const [a, b] = positionals(args, new Set(['-H', '--host', '--context'])).map((w) => w.text);
		const bad = (a === 'system' && b === 'prune') || (a === 'volume' && (b === 'prune' || b === 'rm'));
		return bad ? found(`${name} ${a} ${b}`) : undefined;
	}
	if (name === 'dropdb' || name === 'dropuser') return found(name);
	if (name === 'redis-cli') {
		const flush = args.find((w) => /^flush(?:all|db)$/i.test(w.text));
		return flush ? found(`redis-cli ${flush.text.toUpperCase()}`, flush) : undefined;
	}
	if (SHELLS.has(name)) {
		const script = args[texts.indexOf('-c') + 1];
		if (texts.includes('-c') && script) return shiftedFindings(script)[0];
		return undefined;
	}
	if (SQL_CLIENTS.has(name)) {
		for (const w of words.slice(1)) {
			const sql = destructiveSql(w.text)[0];
			if (sql) return { offset: w.offsets[sql.offset] ?? at(w), what: sql.what };
		}
	}
	return undefined;
}

/** Findings of a shell script held in one word (`bash -c '…'`), at their places in the outer text. */
function shiftedFindings(script: Word): Destructive[] {
	return destructiveShellCommands(script.text).map((d) => ({
		offset: script.offsets[d.offset] ?? script.offsets[0] ?? 0,
		what: d.what,
	}));
}

function unwrap(words: Word[]): Word[] {
	let i = 0;
	while (i < words.length) {
		const w = words[i]!.text;
		const valueFlags = WRAPPERS.get(w);
		if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
			i++;
			continue;
		}
		if (!valueFlags) break;
		i++;
		while (i < words.length && /^-/.test(words[i]!.text)) i += valueFlags.has(words[i]!.text) ? 2 : 1;
		if (w === 'timeout' && i < words.length) i++;
		if (w === 'env') while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.text)) i++;
	}
	return words.slice(i);
}

/** Arguments that are not flags nor the values of flags in `valueFlags`. */
function positionals(args: Word[], valueFlags: Set<string>): Word[] {
	const out: Word[] = [];
	for (let i = 0; i < args.length; i++) {
		const t = args[i]!.text;
		if (t === '--') break;
		if (t.startsWith('-')) {
			if (valueFlags.has(t)) i++;
			continue;
		}
		out.push(args[i]!);
	}
	return out;
}

const DROPPED =
	'table|database|schema|index|view|materialized\\s+view|role|user|extension|owned|function|sequence|type';
const SQL_PATTERNS: { pattern: RegExp; what: (m: RegExpExecArray) => string }[] = [
	{
		pattern: new RegExp(`\\bdrop\\s+(${DROPPED})\\b`, 'i'),
		what: (m) => `DROP ${m[1]!.toUpperCase().replace(/\s+/g, ' ')}`,
	},
	{ pattern: /\btruncate\b/i, what: () => 'TRUNCATE' },
	{ pattern: /\bpg_terminate_backend\s*\(/i, what: () => 'pg_terminate_backend()' },
];

/** Destructive statements in SQL text (for SQL inside shell; SQL blocks use the parser's tree, sql.ts). */
export function destructiveSql(sql: string): Destructive[] {
	const found: Destructive[] = [];
	let start = 0;
	for (const statement of sql.split(';')) {
		const withoutComments = statement.replace(/--[^\n]*/g, (c) => ' '.repeat(c.length));
		for (const { pattern, what } of SQL_PATTERNS) {
			const m = pattern.exec(withoutComments);
			if (m) found.push({ offset: start + m.index, what: what(m) });
		}
		const write = /\b(delete\s+from|update\s+\S+\s+set)\b/i.exec(withoutComments);
		if (write && !/\bwhere\b/i.test(withoutComments.slice(write.index))) {
			found.push({
				offset: start + write.index,
				what: `${write[1]!.split(/\s/)[0]!.toUpperCase()} without WHERE`,
			});
		}
		start += statement.length + 1;
	}
	return found.sort((a, b) => a.offset - b.offset);
}

export function destructiveFinding(d: Destructive, rule: string): Finding {
	return {
		offset: d.offset,
		rule,
		message:
			`${d.what} is destructive and the step is not marked: put a ` +
			'"> **Destructive — needs approval from …**" note before the block, or add `destructive` to the fence',
	};
}
