/**
 * The built widget as the service serves it to a site owner's page: a stable entry with
 * the first paint that is revalidated, hashed chunks cached forever, brotli on the wire,
 * loadable from any site.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { useService } from '../support/service.ts';

const service = useService({}, async () => {
  assert.ok(
    existsSync('dist/widget/customer-portal.js'),
    'npm test builds the widget before this test',
  );
});

test('the entry file is revalidated, compressed, and any page may load it', async () => {
  const entry = await fetch(`${service.url}/widget/customer-portal.js`, {
    headers: { 'Accept-Encoding': 'br' },
  });
  assert.equal(entry.status, 200);
  assert.equal(entry.headers.get('Content-Encoding'), 'br');
  assert.match(entry.headers.get('Content-Type') ?? '', /javascript/);
  assert.equal(entry.headers.get('Cache-Control'), 'no-cache');
  assert.equal(entry.headers.get('Access-Control-Allow-Origin'), '*');
  const code = await entry.text();
  // Revalidated on every page view: a browser that has it gets a 304, not the file again.
  const validator = entry.headers.get('ETag');
  assert.ok(validator, 'the entry has an ETag');
  const again = await fetch(`${service.url}/widget/customer-portal.js`, {
    headers: { 'Accept-Encoding': 'br', 'If-None-Match': validator },
  });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('Cache-Control'), 'no-cache');
  assert.equal(again.headers.get('Access-Control-Allow-Origin'), '*');
  // The first paint in the entry itself: no second request before the login shows.
  assert.ok(code.includes('customElements.define'), 'the entry defines the element');
  const later = /["'`](\.\/screens-[\w-]+\.js)["'`]/.exec(code)?.[1];
  assert.ok(later, 'the entry imports the later screens from a hashed chunk');

  const hashed = await fetch(new URL(later, `${service.url}/widget/`), {
    headers: { 'Accept-Encoding': 'gzip' },
  });
  assert.equal(hashed.status, 200);
  assert.equal(hashed.headers.get('Content-Encoding'), 'gzip');
  assert.equal(hashed.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
  assert.ok((await hashed.text()).includes('"./customer-portal.js"'), 'it builds on the entry');
});

test('editors and type checkers find the typings, the manifest and the VS Code data beside the entry', async () => {
  const files = [
    {
      name: 'customer-portal.d.ts',
      type: /^application\/typescript/,
      holds: "'customer-portal': CustomerPortal",
    },
    {
      name: 'custom-elements.json',
      type: /^application\/json/,
      holds: '"tagName": "customer-portal"',
    },
    {
      name: 'vscode.html-custom-data.json',
      type: /^application\/json/,
      holds: '"name": "customer-portal"',
    },
  ];
  for (const file of files) {
    const answer = await fetch(`${service.url}/widget/${file.name}`);
    assert.equal(answer.status, 200, file.name);
    assert.match(answer.headers.get('Content-Type') ?? '', file.type, file.name);
    // Their names stay from version to version: revalidated, like the entry.
    assert.equal(answer.headers.get('Cache-Control'), 'no-cache', file.name);
    assert.equal(answer.headers.get('Access-Control-Allow-Origin'), '*', file.name);
    assert.ok((await answer.text()).includes(file.holds), `${file.name} holds ${file.holds}`);
  }
});

test('a missing widget file is a 404, not a page', async () => {
  const missing = await fetch(`${service.url}/widget/nothing-here.js`);
  assert.equal(missing.status, 404);
});
