/**
 * `npm run security-report` (scripts/security-report.ts): it reads the JUnit files the
 * suites write, node:test's and the widget reporter's alike, and a check passes only when
 * a test names it and none of those failed. Every check has a test named after it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TestSession } from '@web/test-runner';
import { CHECKS, judgeChecks, readJunit } from '../../scripts/security-report.ts';
import { junitReporter } from '../support/widget-junit-reporter.ts';

test("the report reads node:test's JUnit file, suite names included, and fails a check with a failed or no test", () => {
  const folder = mkdtempSync(join(tmpdir(), 'portal-report-'));
  try {
    const file = join(folder, 'sample.test.mjs');
    writeFileSync(
      file,
      `import { describe, test } from 'node:test';
test('S01 hashes are argon2id <m=19456>', () => {});
test('S02 fails & says why', () => { throw new Error('no'); });
describe('S29 mail is never lost', () => {
  test('the wait doubles', () => {});
  test('S30 skipped here', { skip: 'a skipped test, as the report must count it' }, () => {});
});`,
    );
    const xml = join(folder, 'out.xml');
    // Not as a subtest of this run: the child reports to its own reporters.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    spawnSync(
      process.execPath,
      ['--test', '--test-reporter=junit', `--test-reporter-destination=${xml}`, file],
      { env },
    );
    const outcomes = readJunit(readFileSync(xml, 'utf8'));
    assert.deepEqual(outcomes, [
      { name: 'S01 hashes are argon2id <m=19456>', status: 'passed' },
      { name: 'S02 fails & says why', status: 'failed' },
      { name: 'S29 mail is never lost › the wait doubles', status: 'passed' },
      { name: 'S29 mail is never lost › S30 skipped here', status: 'skipped' },
    ]);
    const verdicts = Object.fromEntries(
      judgeChecks(outcomes).map((check) => [check.id, check.passed]),
    );
    assert.deepEqual(
      [verdicts.S01, verdicts.S02, verdicts.S29, verdicts.S30, verdicts.S03],
      [true, false, true, false, false],
      'S30 was only skipped and S03 has no test: neither passes',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the widget reporter's JUnit file reads the same; a test file that could not run fails", () => {
  const folder = mkdtempSync(join(tmpdir(), 'portal-report-'));
  try {
    const file = join(folder, 'widget.xml');
    const session = (fields: Partial<TestSession>) =>
      ({ testFile: 'test/widget/x.test.ts', passed: true, errors: [], ...fields }) as TestSession;
    junitReporter(file).stop?.({
      sessions: [
        session({
          testResults: {
            name: '',
            tests: [],
            suites: [
              {
                name: 'the internal area',
                suites: [],
                tests: [
                  {
                    name: 'S24: a name with "<markup>" shows as text',
                    passed: true,
                    skipped: false,
                  },
                  {
                    name: 'S25 keeps the number',
                    passed: false,
                    skipped: false,
                    error: { message: 'x' },
                  },
                ],
              },
            ],
          },
        }),
        session({
          testFile: 'test/widget/broken.test.ts',
          passed: false,
          errors: [{ message: 'SyntaxError' }],
        }),
      ],
    });
    assert.deepEqual(readJunit(readFileSync(file, 'utf8')), [
      {
        name: 'test/widget/x.test.ts › the internal area › S24: a name with "<markup>" shows as text',
        status: 'passed',
      },
      {
        name: 'test/widget/x.test.ts › the internal area › S25 keeps the number',
        status: 'failed',
      },
      { name: 'test/widget/broken.test.ts › the file ran', status: 'failed' },
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('every check S01–S32 is named by a test of the server, widget or end-to-end suites', () => {
  const names: string[] = [];
  for (const folder of ['test/server', 'test/widget', 'test/e2e']) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.test.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      for (const match of source.matchAll(/\b(?:test|it|describe)\(\s*(['"`])(.*?)\1/g)) {
        names.push(match[2] ?? '');
      }
    }
  }
  const unnamed = CHECKS.filter(
    ([id]) => !names.some((name) => new RegExp(`\\b${id}\\b`).test(name)),
  );
  assert.deepEqual(unnamed, [], 'each of these needs a test named after it');
});
