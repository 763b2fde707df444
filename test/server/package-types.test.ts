/**
 * The typings in the widget's npm package (npm/customer-portal.d.ts, written by hand) as a
 * site owner's TypeScript sees them, and against the real element: the same members, event
 * details and customer, so the typings cannot promise what the element does not do.
 * Each check is a small program compiled with the project's tsc in a temp folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { PACKAGE_NAME, type PackedWidget, PROJECT, packWidget } from '../support/widget-package.ts';

let widget: PackedWidget;
let typings: string;

before(() => {
  widget = packWidget();
  typings = widget.read('customer-portal.d.ts');
});

after(() => {
  if (widget) rmSync(widget.folder, { recursive: true, force: true });
});

/**
 * Compiles `files` in the temp folder with `config` (a tsconfig.json without its `files`).
 * Returns the type errors in them and anywhere but the project's own sources, whose errors
 * are `npm run typecheck`'s business.
 */
function typeErrors(files: Record<string, string>, config: object): string[] {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(widget.folder, name), text);
  writeFileSync(
    join(widget.folder, 'tsconfig.json'),
    JSON.stringify({ ...config, files: Object.keys(files) }),
  );
  const tsc = spawnSync(join(PROJECT, 'node_modules/.bin/tsc'), ['-p', '.', '--pretty', 'false'], {
    cwd: widget.folder,
    encoding: 'utf8',
  });
  const errors = tsc.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
  assert.ok(tsc.status === 0 || errors.length > 0, `tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  const projectSources = relative(widget.folder, PROJECT);
  return errors
    .filter((line) => !line.startsWith(projectSources))
    .map((line) => {
      // With the line it is about: `loginDetail: true,` says more than a line number.
      const [, name, row] = /^([\w.-]+)\((\d+),/.exec(line) ?? [];
      const source = name && files[name]?.split('\n')[Number(row) - 1]?.trim();
      return source ? `${line} [${source}]` : line;
    });
}

/** A site owner's code: every use of the element the typings should allow, and some they must refuse. */
const SITE_OWNER = `
import '${PACKAGE_NAME}';
import type { Customer, CustomerPortal, Language, PortalLogoutDetail } from '${PACKAGE_NAME}';

const found: CustomerPortal | null = document.querySelector('customer-portal');
const portal: CustomerPortal = document.createElement('customer-portal');
portal.api = 'https://portal.dealer.example';
portal.mode = 'launcher';
portal.lang = 'de';
document.body.append(portal);
portal.open();
portal.close();
const token: Promise<string | null> = portal.getAccessToken();
const current: Customer | null = portal.currentCustomer;

portal.addEventListener('portal-login', (event) => {
  const { id, number, name, language }: Customer = event.detail.customer;
  console.log(id.toUpperCase(), number, name, language satisfies Language);
});
portal.addEventListener('portal-logout', (event) => {
  const reason: PortalLogoutDetail['reason'] = event.detail.reason;
  if (reason === 'expired') portal.open();
});
portal.addEventListener('portal-language-change', (event) => {
  const language: 'de' | 'fr' | 'it' | 'en' = event.detail.language;
  document.documentElement.lang = language;
});

// @ts-expect-error: the mode is launcher or inline
portal.mode = 'popup';
// @ts-expect-error: the customer is the portal's to set
portal.currentCustomer = null;
// @ts-expect-error: a logout carries no customer
portal.addEventListener('portal-logout', (event) => event.detail.customer);
// @ts-expect-error: the token comes asynchronously
const now: string = portal.getAccessToken();
export { found, token, current, now };
`;

for (const [resolution, options] of [
  ['a bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ['Node', { module: 'nodenext', moduleResolution: 'nodenext' }],
] as const) {
  test(`a site owner's TypeScript (${resolution} resolution) knows the element, its members and its events from the package`, () => {
    writeFileSync(join(widget.folder, 'package.json'), '{ "type": "module" }');
    const errors = typeErrors(
      { 'site-owner.ts': SITE_OWNER },
      {
        compilerOptions: {
          ...options,
          noEmit: true,
          target: 'es2022',
          lib: ['es2022', 'dom'],
          types: [],
          strict: true,
          // The package's typings are checked too; TypeScript's own lib files are not.
          skipLibCheck: false,
          skipDefaultLibCheck: true,
        },
      },
    );
    assert.deepEqual(errors, []);
  });
}

test('the typings and the real element agree: members, event details, customer', () => {
  // The element's own source declares the same globals (tag and events) for its own types.
  const globals = /\ndeclare global \{[\s\S]*\}\s*$/;
  assert.match(typings, globals, 'the global declarations close the typings');
  const conformance = `
import type * as Published from './published.js';
import type { Customer, Language } from '${PROJECT}server/contract.ts';
import type {
  CustomerPortal,
  PortalLanguageChangeDetail,
  PortalLoginDetail,
  PortalLogoutDetail,
} from '${PROJECT}widget/customer-portal.ts';

/** true when A and B are the same type, not merely assignable one way. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export const sameTypes: {
  customer: Same<Published.Customer, Customer>;
  language: Same<Published.Language, Language>;
  loginDetail: Same<Published.PortalLoginDetail, PortalLoginDetail>;
  logoutDetail: Same<Published.PortalLogoutDetail, PortalLogoutDetail>;
  languageChangeDetail: Same<Published.PortalLanguageChangeDetail, PortalLanguageChangeDetail>;
  loginEvent: Same<HTMLElementEventMap['portal-login'], CustomEvent<Published.PortalLoginDetail>>;
  logoutEvent: Same<HTMLElementEventMap['portal-logout'], CustomEvent<Published.PortalLogoutDetail>>;
  languageChangeEvent: Same<
    HTMLElementEventMap['portal-language-change'],
    CustomEvent<Published.PortalLanguageChangeDetail>
  >;
} = {
  customer: true,
  language: true,
  loginDetail: true,
  logoutDetail: true,
  languageChangeDetail: true,
  loginEvent: true,
  logoutEvent: true,
  languageChangeEvent: true,
};

/** The members the typings declare that the element lacks or types otherwise: none. */
type Mismatched = {
  [K in keyof Published.CustomerPortal]-?: K extends keyof CustomerPortal
    ? Same<Published.CustomerPortal[K], CustomerPortal[K]> extends true ? never : K
    : K;
}[keyof Published.CustomerPortal];
export const everyMemberMatches: [Mismatched] extends [never] ? true : Mismatched = true;
`;
  const errors = typeErrors(
    {
      'published.d.ts': typings.replace(globals, '\n'),
      'conformance.ts': conformance,
    },
    // The project's settings (decorators, strictness) for its sources.
    {
      extends: join(PROJECT, 'tsconfig.json'),
      compilerOptions: { noEmit: true, types: [], skipLibCheck: true },
    },
  );
  assert.deepEqual(errors, []);
});

test('the typings declare every public member and event of the manifest, and what the entry exports', () => {
  const manifest = JSON.parse(widget.read('custom-elements.json'));
  const [element] = manifest.modules[0].declarations;
  for (const member of element.members as Array<{ name: string }>) {
    assert.match(typings, new RegExp(`^ {2}(readonly )?${member.name}[(:]`, 'm'), member.name);
  }
  for (const event of element.events as Array<{ name: string }>) {
    assert.match(typings, new RegExp(`'${event.name}': CustomEvent<`), event.name);
  }
  // The values the typings promise at run time are the entry's exports. The entry holds
  // the first paint itself, so it also exports what the later chunks import from it:
  // minified names, not the API.
  const names = (lists: IterableIterator<RegExpMatchArray>, side: 'local' | 'exported') =>
    [...lists].flatMap((match) =>
      (match[1] ?? '').split(',').map((pair) => {
        const [local, exported = local] = pair.trim().split(/\s+as\s+/);
        return side === 'local' ? local : exported;
      }),
    );
  const exported = names(
    widget.read('customer-portal.js').matchAll(/export\s*\{([^}]*)\}/g),
    'exported',
  );
  const forChunks = new Set(
    widget.files
      .filter((file) => file.endsWith('.js') && file !== 'customer-portal.js')
      .flatMap((file) =>
        names(
          widget.read(file).matchAll(/import\s*\{([^}]*)\}\s*from\s*"\.\/customer-portal\.js"/g),
          'local',
        ),
      ),
  );
  const declared = [...typings.matchAll(/^export declare (?:class|const|function) (\w+)/gm)].map(
    (match) => match[1],
  );
  assert.ok(forChunks.size > 0, 'the later chunks import from the entry');
  assert.deepEqual(
    exported.filter((name) => !forChunks.has(name as string)),
    declared,
  );
});
