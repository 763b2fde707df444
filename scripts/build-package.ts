/**
 * @module `npm run build:package`, after the widget's build: the npm package
 * `@dealer/customer-portal` in dist/npm/, ready for `npm publish dist/npm`. It holds the
 * widget only, as the service serves it under /widget/ (entry, hashed chunks, typings,
 * custom-elements.json, VS Code data), with npm/README.md and the manifest below. The
 * repository's own package.json stays private: it is the service, with the service's
 * dependencies, which a page that embeds the widget must not install. The widget needs
 * none: Lit and the translations are bundled into its chunks.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WIDGET = 'dist/widget';
const PACKAGE = 'dist/npm';
/** What a site owner's page or bundler loads, and what editors read; not the .br/.gz copies. */
const SHIPPED =
  /^(?:[\w-]+\.js|customer-portal\.d\.ts|custom-elements\.json|vscode\.html-custom-data\.json)$/;

// The service's version: a widget pinned to it (`…@0.1.0`) matches that service.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const manifest = {
  name: '@dealer/customer-portal',
  version,
  description:
    'The <customer-portal> web component: customer login, password change and reset, in German, French, Italian and English, for the customer portal auth service.',
  keywords: ['web-component', 'custom-element', 'customer-portal', 'login'],
  // No licence chosen yet: UNLICENSED grants no rights to anyone. Choose one before publishing.
  license: 'UNLICENSED',
  type: 'module',
  main: './customer-portal.js',
  types: './customer-portal.d.ts',
  exports: {
    '.': { types: './customer-portal.d.ts', default: './customer-portal.js' },
    './custom-elements.json': './custom-elements.json',
    './vscode.html-custom-data.json': './vscode.html-custom-data.json',
    './package.json': './package.json',
  },
  customElements: 'custom-elements.json',
  // Importing the package defines the element: a bundler must keep the import.
  sideEffects: true,
  files: ['*.js', 'customer-portal.d.ts', 'custom-elements.json', 'vscode.html-custom-data.json'],
  publishConfig: { access: 'public' },
};

rmSync(PACKAGE, { recursive: true, force: true });
mkdirSync(PACKAGE, { recursive: true });
const files = readdirSync(WIDGET).filter((file) => SHIPPED.test(file));
for (const file of files) cpSync(join(WIDGET, file), join(PACKAGE, file));
// Its CDN example pins the version being built.
const readme = readFileSync('npm/README.md', 'utf8').replaceAll(
  /(@dealer\/customer-portal@)[\w.-]+/g,
  `$1${version}`,
);
writeFileSync(join(PACKAGE, 'README.md'), readme);
writeFileSync(join(PACKAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `The npm package ${manifest.name}@${version} is in ${PACKAGE}/ (${files.length} files of the widget).`,
);
