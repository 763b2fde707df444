/**
 * @module `npm run security-report`: the security and reliability checks S01–S32, each
 * with pass or fail from the last test run. The server, widget and end-to-end suites
 * write JUnit XML to test-results/ (see the test scripts in package.json); a check passes
 * when at least one test names its id and every test that names it passed, its enclosing
 * `describe` counting as its name too. Exits 1 unless all 32 pass.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHECKS: ReadonlyArray<readonly [string, string]> = [
  ['S01', 'password storage (argon2id)'],
  ['S02', 'password policy (help text)'],
  ['S03', 'password policy (beyond the help text)'],
  ['S04', 'initial passwords'],
  ['S05', 'no secret in logs, audit or answers'],
  ['S06', 'no enumeration at login'],
  ['S07', 'no enumeration at forgot password'],
  ['S08', 'throttling per account'],
  ['S09', 'throttling per client address'],
  ['S10', 'mail flooding'],
  ['S11', 'reset token'],
  ['S12', 'token in the URL fragment'],
  ['S13', 'after a password change'],
  ['S14', 'change token'],
  ['S15', 'a reset logs in'],
  ['S16', 'access token'],
  ['S17', 'refresh token'],
  ['S18', 'refresh cookie'],
  ['S19', 'logout'],
  ['S20', 'key rotation'],
  ['S21', 'CORS'],
  ['S22', 'CSRF'],
  ['S23', 'security headers'],
  ['S24', 'no injected markup'],
  ['S25', 'browser storage'],
  ['S26', 'malformed requests'],
  ['S27', 'operators'],
  ['S28', 'dev mailbox'],
  ['S29', 'mail is never lost'],
  ['S30', 'crash safety'],
  ['S31', 'concurrency'],
  ['S32', 'graceful stop'],
];

/** The suites' result files, as their test scripts write them. */
const RESULT_FILES = [
  ['test-results/server.xml', 'npm run test:server'],
  ['test-results/widget.xml', 'npm run test:widget'],
  ['test-results/e2e.xml', 'npm run test:e2e'],
] as const;

export interface TestOutcome {
  /** The test's name, after the names of the suites around it. */
  name: string;
  status: 'passed' | 'failed' | 'skipped';
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

/** Every test case of a JUnit XML file, with the names of the suites it sits in. */
export function readJunit(xml: string): TestOutcome[] {
  const outcomes: TestOutcome[] = [];
  const suites: string[] = [];
  // Attribute values may hold a ">" unescaped (node:test's reporter leaves it so).
  const tag = /<(\/?)(testsuite|testcase)\b((?:[^>"]|"[^"]*")*?)(\/?)>/g;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const [, closing, element, attributes = '', selfClosing] = match;
    const name = unescapeXml(/\bname="([^"]*)"/.exec(attributes)?.[1] ?? '');
    if (element === 'testsuite') {
      if (closing) suites.pop();
      else if (!selfClosing) suites.push(name);
      continue;
    }
    if (closing) continue;
    let body = '';
    if (!selfClosing) {
      const end = xml.indexOf('</testcase>', tag.lastIndex);
      body = xml.slice(tag.lastIndex, end === -1 ? undefined : end);
      if (end !== -1) tag.lastIndex = end + '</testcase>'.length;
    }
    const status = /<failure\b|<error\b/.test(body)
      ? 'failed'
      : /<skipped\b/.test(body)
        ? 'skipped'
        : 'passed';
    outcomes.push({ name: [...suites, name].join(' › '), status });
  }
  return outcomes;
}

export interface CheckResult {
  id: string;
  title: string;
  tests: TestOutcome[];
  passed: boolean;
}

/** Each check with the tests that name it; passed when there is one and none failed. */
export function judgeChecks(outcomes: TestOutcome[]): CheckResult[] {
  return CHECKS.map(([id, title]) => {
    const pattern = new RegExp(`\\b${id}\\b`);
    const tests = outcomes.filter(
      (outcome) => outcome.status !== 'skipped' && pattern.test(outcome.name),
    );
    const passed = tests.length > 0 && tests.every((test) => test.status === 'passed');
    return { id, title, tests, passed };
  });
}

function report(): number {
  const outcomes: TestOutcome[] = [];
  console.log('Security checks S01–S32, from the last test run:\n');
  for (const [file, script] of RESULT_FILES) {
    if (!existsSync(file)) {
      console.log(`  ${file.padEnd(26)} missing: run ${script} (or npm test)`);
      continue;
    }
    const found = readJunit(readFileSync(file, 'utf8'));
    outcomes.push(...found);
    const when = statSync(file).mtime.toISOString().slice(0, 16).replace('T', ' ');
    console.log(`  ${file.padEnd(26)} ${when} UTC, ${found.length} tests`);
  }
  console.log('');
  const results = judgeChecks(outcomes);
  for (const result of results) {
    const failed = result.tests.filter((test) => test.status === 'failed');
    const verdict =
      result.tests.length === 0
        ? 'FAIL  no test names it'
        : failed.length > 0
          ? `FAIL  ${failed.length} of ${result.tests.length} tests failed`
          : `pass  ${result.tests.length} test${result.tests.length === 1 ? '' : 's'}`;
    console.log(`  ${result.id} ${result.title.padEnd(38)} ${verdict}`);
    for (const test of failed) console.log(`        failed: ${test.name}`);
  }
  const passing = results.filter((result) => result.passed).length;
  console.log(`\n${passing}/${results.length} checks pass.`);
  return passing === results.length ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = report();
}
