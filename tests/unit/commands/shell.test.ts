import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from '../../../src/commands/index.ts';
import { at, problemsOf, rules, where } from './helpers.ts';

test('bash, sh and shell: valid scripts pass (heredocs, substitutions, loops, functions)', async () => {
	const body = [
		'promq() { curl -s "$PROM/api/v1/query" --data-urlencode "query=$1" | jq -r \'.data.result[] | .value[1]\'; }',
		'for pod in $(kubectl get pods -o name); do',
		'  kubectl logs "$pod" --tail=5 2>&1 | grep -c ERROR || true',
		'done',
		'cat <<EOF > /tmp/x.yaml',
		'kind: ConfigMap',
		'EOF',
		'[[ -n "${POD:-}" ]] && echo "$(( 1 + 2 ))"',
	].join('\n');
	for (const lang of ['bash', 'sh', 'shell']) assert.deepEqual(await problemsOf(lang, body), [], lang);
});

test('shell syntax errors point at the bad token in the document', async () => {
	const cases: [string, number, number, RegExp][] = [
		['echo ok\necho "unterminated', 2, 6, /without closing quote/],
		['if true; then\n  echo x', 1, 1, /must end with `fi`/],
		['echo $(date', 1, 6, /without matching `\$\(`/],
		['ls )', 1, 4, /encountered `\)`/],
		['a && && b', 1, 3, /`&&` must be followed by a statement/],
		["echo é—ü 'x", 1, 10, /without closing quote/],
	];
	for (const [body, line, column, message] of cases) {
		const problems = await problemsOf('bash', body);
		assert.equal(problems.length, 1, body);
		assert.deepEqual(where(problems[0]!), at(line, column), body);
		assert.match(problems[0]!.message, message, body);
		assert.equal(problems[0]!.level, 'error');
		assert.equal(problems[0]!.language, 'shell');
	}
});

test('shell: placeholders pass; a malformed one gets a hint', async () => {
	assert.deepEqual(await problemsOf('bash', 'kubectl logs <pod> -n <namespace> -c ${CONTAINER} --since=$SINCE'), []);
	const [p] = await problemsOf('bash', 'kubectl describe pod <pod not Ready>');
	assert.equal(p?.rule, 'syntax');
	assert.match(p!.message, /placeholders are written <lower-case-name>, and <pod not Ready> is not one/);
});

test('console: only commands after a "$ " prompt are checked, with \\ and "> " continuations', async () => {
	const body = [
		'$ kubectl get pods -n <namespace>',
		'NAME      READY   STATUS   "unbalanced quote in output',
		'api-1    1/1     Running  <none>',
		'$ curl -s https://x/health \\',
		'    -H "Accept: application/json"',
		'{"status":"ok"}',
		'$ echo "a',
		'> b"',
		'a',
		'b',
	].join('\n');
	assert.deepEqual(await problemsOf('console', body), []);
	const [p] = await problemsOf('console', 'Output first\n$ echo ok\nok\n$ echo "open');
	assert.deepEqual(where(p!), at(4, 8));
	assert.match(p!.message, /without closing quote/);
});

test('shell/destructive-unmarked fires on destructive commands, at the command', async () => {
	const cases: [string, string, RegExp][] = [
		['kubectl --context prod -n uploads delete pod api-1', 'delete', /kubectl delete/],
		['$K drain node-1 --ignore-daemonsets', 'drain', /kubectl drain/],
		['k scale deploy/api --replicas=0', 'scale', /kubectl scale --replicas=0/],
		['kubectl scale deploy/api --replicas 0', 'scale', /kubectl scale --replicas=0/],
		['sudo rm -rf /var/lib/x', 'rm', /rm -rf/],
		['rm -r -f build/', 'rm', /rm -rf/],
		['helm uninstall uploads -n uploads', 'uninstall', /helm uninstall/],
		['git push --force origin main', 'git', /git push --force/],
		['aws ec2 terminate-instances --instance-ids i-1', 'terminate-instances', /aws ec2 terminate-instances/],
		['aws --region eu-west-1 s3api delete-object --bucket b --key k', 'delete-object', /aws s3api delete-object/],
		['aws s3 rm s3://b/k --recursive', 'rm', /aws s3 rm/],
		['terraform destroy', 'terraform', /terraform destroy/],
		['echo x | xargs -n1 kubectl delete pod', 'delete', /kubectl delete/],
		['kubectl exec deploy/api -- rm -rf /data', 'rm', /rm -rf/],
		['psql "$DB" -c "DROP TABLE uploads;"', 'DROP', /DROP TABLE/],
		['psql "$DB" -c "DELETE FROM uploads;"', 'DELETE', /DELETE without WHERE/],
		[
			'psql "$DB" -c "\nSELECT pg_terminate_backend(pid) FROM pg_stat_activity;"',
			'pg_terminate',
			/pg_terminate_backend/,
		],
		['psql "$DB" <<SQL\nTRUNCATE uploads;\nSQL', 'TRUNCATE', /TRUNCATE/],
		["bash -c 'kubectl delete ns x'", 'delete', /kubectl delete/],
		['echo "$(kubectl delete pod x)"', 'delete', /kubectl delete/],
	];
	for (const [body, token, what] of cases) {
		const problems = await problemsOf('bash', body);
		assert.deepEqual(rules(problems), ['shell/destructive-unmarked'], body);
		const offset = body.indexOf(token);
		const line = body.slice(0, offset).split('\n').length;
		const column = offset - body.lastIndexOf('\n', offset - 1);
		assert.deepEqual(where(problems[0]!), at(line, column), body);
		assert.match(problems[0]!.message, what, body);
		assert.match(problems[0]!.message, /Destructive — needs approval/);
		assert.equal(problems[0]!.level, 'rule');
	}
});

test('shell/destructive-unmarked: harmless look-alikes do not fire', async () => {
	const body = [
		'kubectl get pods --field-selector status.phase=Failed',
		'kubectl scale deploy/api --replicas=3',
		'kubectl rollout undo deployment/api',
		'rm -f /tmp/x.json',
		'git push origin main',
		'aws s3 cp s3://b/k .',
		'psql "$DB" -c "DELETE FROM sessions WHERE expires_at < now();"',
		'grep -c "kubectl delete" audit.log',
		'# kubectl delete pod api-1 (only in a comment)',
		"echo 'rm -rf /'",
	].join('\n');
	assert.deepEqual(await problemsOf('bash', body), []);
});

test('shell/destructive-unmarked is silenced by the step marker, the fence flag, allow= or the caller', async () => {
	const marked = [
		'> **Destructive — needs approval from the incident commander.** Uploads stop.',
		'',
		'```bash',
		'kubectl scale deploy/api --replicas=0',
		'```',
	].join('\n');
	assert.deepEqual((await checkDocument(marked, { file: 'a.mdx', mdx: true })).problems, []);
	assert.deepEqual(await problemsOf('bash', 'kubectl delete pod x', { meta: 'destructive' }), []);
	assert.deepEqual(await problemsOf('bash', 'kubectl delete pod x', { meta: 'allow=destructive-unmarked' }), []);
	assert.deepEqual(await problemsOf('bash', 'kubectl delete pod x', { destructiveContext: true }), []);
	assert.deepEqual(
		await problemsOf('bash', 'kubectl delete pod x', { destructiveContext: (b) => b.lang === 'bash' }),
		[],
	);
	assert.deepEqual(rules(await problemsOf('bash', 'kubectl delete pod x', { destructiveContext: () => false })), [
		'shell/destructive-unmarked',
	]);
	assert.deepEqual(await problemsOf('console', '$ kubectl delete pod x\npod "x" deleted', { meta: 'destructive' }), []);
});

test('several shell blocks in one document: each error is found in its own block', async () => {
	const doc = [
		'```bash',
		'echo one',
		'```',
		'',
		'```bash',
		"echo 'two",
		'```',
		'',
		'```sh',
		'echo three',
		'```',
		'',
		'```bash',
		'fi',
		'```',
	].join('\n');
	const { problems } = await checkDocument(doc, { file: 'a.md' });
	assert.deepEqual(
		problems.map((p) => [p.line, p.column]),
		[
			[6, 6],
			[14, 1],
		],
	);
});
