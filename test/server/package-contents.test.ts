/**
 * The widget's npm package as a site owner installs it: the widget, its typings and its
 * manifest, nothing of the service, and a manifest that names only what site owners may use.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PACKAGE_NAME, type PackedWidget, PROJECT, packWidget } from '../support/widget-package.ts';

interface Typed {
  name: string;
  privacy?: string;
  static?: boolean;
  type?: { text: string; references?: Array<{ name: string; module?: string }> };
}
interface ManifestElement {
  tagName: string;
  members: Typed[];
  attributes: Typed[];
  events: Typed[];
  superclass: { name: string };
}

let widget: PackedWidget;
let element: ManifestElement;

before(() => {
  widget = packWidget();
  const manifest = JSON.parse(widget.read('custom-elements.json'));
  assert.equal(manifest.modules.length, 1, 'one module: the element');
  element = manifest.modules[0].declarations[0];
});

after(() => {
  if (widget) rmSync(widget.folder, { recursive: true, force: true });
});

test('the package holds the widget as the service serves it, its typings and its manifest, and nothing else', () => {
  // The hashed chunks: `[name]-[hash].js` (vite.config.ts).
  const chunk = /^[\w-]+-[\w-]{8}\.js$/;
  const expected = [
    'README.md',
    'package.json',
    'customer-portal.js',
    'customer-portal.d.ts',
    'custom-elements.json',
    'vscode.html-custom-data.json',
  ];
  assert.deepEqual(widget.files.filter((file) => !chunk.test(file)).sort(), expected.sort());
  // Every script of the built widget, the same bytes; not its .br/.gz copies, nor source maps.
  const scripts = readdirSync(join(PROJECT, 'dist/widget')).filter((file) => file.endsWith('.js'));
  assert.deepEqual(widget.files.filter((file) => file.endsWith('.js')).sort(), scripts.sort());
  for (const script of scripts) {
    assert.equal(widget.read(script), readFileSync(join(PROJECT, 'dist/widget', script), 'utf8'));
  }
});

test("the package's manifest points to the entry, its types and the element manifest, and installs nothing else", () => {
  const project = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8'));
  const manifest = JSON.parse(widget.read('package.json'));
  assert.equal(manifest.name, PACKAGE_NAME);
  assert.equal(
    manifest.version,
    project.version,
    'the widget has the version of the service it is built with',
  );
  assert.equal(manifest.private, undefined);
  assert.deepEqual(manifest.exports['.'], {
    types: './customer-portal.d.ts',
    default: './customer-portal.js',
  });
  assert.equal(manifest.types, './customer-portal.d.ts');
  assert.equal(manifest.customElements, 'custom-elements.json');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) {
    assert.equal(manifest[field], undefined, `no ${field}: the widget bundles what it needs`);
  }
  assert.match(widget.read('README.md'), new RegExp(`${PACKAGE_NAME}@${project.version}/`));
});

test('the element manifest lists no private, protected or static member', () => {
  assert.equal(element.tagName, 'customer-portal');
  for (const member of element.members) {
    assert.ok(!member.name.startsWith('#'), `${member.name} is a #private field`);
    assert.ok(
      !['private', 'protected'].includes(member.privacy ?? 'public'),
      `${member.name} is ${member.privacy}`,
    );
    assert.ok(!member.static, `${member.name} is static`);
  }
  // Each is in the typings too (package-types.test.ts): a new one is a decision, not a leak.
  assert.ok(element.members.some((member) => member.name === 'getAccessToken'));
  // As in the typings: Lit is inside the bundle, not part of what site owners may rely on.
  assert.equal(element.superclass.name, 'HTMLElement');
});

test('every event in the manifest says its detail type, and every type it names is in the typings', () => {
  assert.deepEqual(
    element.events.map((event) => [event.name, event.type?.text]),
    [
      ['portal-login', 'CustomEvent<{ customer: Customer }>'],
      ['portal-logout', "CustomEvent<{ reason: 'logout' | 'expired' | 'clear-history' }>"],
      ['portal-language-change', "CustomEvent<{ language: 'de' | 'fr' | 'it' | 'en' }>"],
    ],
  );
  const typings = widget.read('customer-portal.d.ts');
  const references = [...element.members, ...element.attributes, ...element.events].flatMap(
    (item) => item.type?.references ?? [],
  );
  assert.ok(references.some((reference) => reference.name === 'Customer'));
  for (const reference of references) {
    assert.equal(reference.module, 'customer-portal.js', reference.name);
    assert.match(typings, new RegExp(`^export (interface|type) ${reference.name}\\b`, 'm'));
  }
});

test('the VS Code data offers the element, its attributes and their values', () => {
  const data = JSON.parse(widget.read('vscode.html-custom-data.json'));
  assert.equal(data.version, 1.1);
  const [tag] = data.tags;
  assert.equal(tag.name, 'customer-portal');
  assert.match(tag.description.value, /portal-login/);
  const attributes = Object.fromEntries(
    tag.attributes.map((attribute: { name: string; values?: Array<{ name: string }> }) => [
      attribute.name,
      attribute.values?.map((value) => value.name),
    ]),
  );
  assert.deepEqual(
    Object.keys(attributes).sort(),
    element.attributes.map((attribute) => attribute.name).sort(),
  );
  assert.deepEqual(attributes.mode, ['launcher', 'inline']);
  assert.deepEqual(attributes.lang, ['de', 'fr', 'it', 'en']);
  assert.equal(attributes.api, undefined, 'any URL');
});
