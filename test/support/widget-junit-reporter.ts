/**
 * @module A web-test-runner reporter that writes the widget tests' results as JUnit XML
 * (test-results/widget.xml), the format node:test's `junit` reporter writes for the server
 * and end-to-end suites, so `npm run security-report` reads all three the same way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestSession, TestSuiteResult } from '@web/test-runner';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function suiteXml(suite: TestSuiteResult, indent: string): string {
  const tests = suite.tests.map((test) => {
    const opening = `${indent}\t<testcase name="${escapeXml(test.name)}" time="${(test.duration ?? 0) / 1000}"`;
    if (test.skipped) return `${opening}>\n${indent}\t\t<skipped/>\n${indent}\t</testcase>`;
    if (!test.passed) {
      const message = escapeXml(test.error?.message ?? 'failed');
      return `${opening}>\n${indent}\t\t<failure message="${message}">${escapeXml(test.error?.stack ?? '')}</failure>\n${indent}\t</testcase>`;
    }
    return `${opening}/>`;
  });
  const suites = suite.suites.map(
    (child) =>
      `${indent}\t<testsuite name="${escapeXml(child.name)}">\n${suiteXml(child, `${indent}\t`)}\n${indent}\t</testsuite>`,
  );
  return [...tests, ...suites].join('\n');
}

function sessionXml(session: TestSession): string {
  const body = session.testResults ? suiteXml(session.testResults, '\t') : '';
  // A file that could not run at all: one failed case, so the run does not look clean.
  const broken =
    !session.passed && session.errors.length > 0
      ? `\t\t<testcase name="the file ran"><failure message="${escapeXml(session.errors[0]?.message ?? '')}"/></testcase>`
      : '';
  return `\t<testsuite name="${escapeXml(session.testFile)}">\n${[body, broken].filter(Boolean).join('\n')}\n\t</testsuite>`;
}

export function junitReporter(file: string): Reporter {
  return {
    stop({ sessions }) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(
        file,
        `<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n${sessions.map(sessionXml).join('\n')}\n</testsuites>\n`,
      );
    },
  };
}
