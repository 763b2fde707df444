/**
 * Custom Elements Manifest (dist/widget/custom-elements.json) for site owners' editors and
 * docs, generated at build from the JSDoc block at the top of widget/customer-portal.ts.
 * Only the public element: the screens inside it are its own business. It is served under
 * /widget/ and shipped in the npm package, beside the entry `customer-portal.js` and its
 * typings `customer-portal.d.ts` (npm/customer-portal.d.ts), so it names those files.
 */
import { readFileSync } from 'node:fs';

/** Where the element is, for whoever reads the manifest: the built entry beside it. */
const ENTRY = 'customer-portal.js';
/** The types the typings export (`Customer`, …): a type the manifest names resolves there. */
const TYPINGS_EXPORTS = [
  ...readFileSync('npm/customer-portal.d.ts', 'utf8').matchAll(
    /^export (?:declare )?(?:interface|type|class) (\w+)/gm,
  ),
].map((match) => match[1]);

export default {
  globs: ['widget/customer-portal.ts'],
  outdir: 'dist/widget',
  litelement: true,
  // The package.json that names the manifest is the published one (scripts/build-package.ts).
  packagejson: false,
  plugins: [
    {
      // The public surface only. Events: the ones the JSDoc documents (the analyzer would
      // also list `new CustomEvent(type, …)` in the helper that dispatches them, as "type").
      // Attributes: not the internal state the analyzer reads from `static properties`.
      // Members: not private, protected, `#private` or static (Lit's `styles`, `properties`).
      name: 'public-surface-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          module.path = ENTRY;
          for (const declaration of module.declarations ?? []) {
            const privateFields = new Set(
              (declaration.members ?? []).filter(isInternal).map((member) => member.name),
            );
            if (declaration.members) {
              declaration.members = declaration.members.filter((member) => !isInternal(member));
            }
            // For site owners the element is an HTMLElement with the members listed here, as
            // in the typings: Lit is bundled inside it, neither a dependency nor a promise.
            if (declaration.superclass) {
              declaration.superclass = { name: 'HTMLElement', package: 'global:' };
            }
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => event.description);
            }
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter(
                (attribute) => !privateFields.has(attribute.fieldName),
              );
            }
            for (const item of [
              ...(declaration.members ?? []),
              ...(declaration.attributes ?? []),
            ]) {
              // A name from the source (`SCRIPT_ORIGIN`) means nothing to a site owner; the
              // description says what the default is.
              if (item.default !== undefined && !isLiteral(item.default)) delete item.default;
            }
          }
          for (const exported of module.exports ?? []) {
            exported.declaration.module = ENTRY;
          }
        }
        linkTypeReferences(customElementsManifest);
      },
    },
  ],
};

/** @param {{ name: string, privacy?: string, static?: boolean }} member */
function isInternal(member) {
  return (
    member.name.startsWith('#') ||
    member.privacy === 'private' ||
    member.privacy === 'protected' ||
    member.static === true
  );
}

/** @param {string} text */
function isLiteral(text) {
  return /^(?:'[^']*'|"[^"]*"|-?\d[\d_.]*|true|false|null)$/.test(text.trim());
}

/**
 * Every type text that names a type of the typings (`Customer | null`) gets a reference to
 * it in the entry's module: the analyzer would point at server/contract.ts, which is not
 * shipped, or, for the JSDoc's `@event {…}` types, nowhere.
 */
function linkTypeReferences(node) {
  if (Array.isArray(node)) {
    for (const item of node) linkTypeReferences(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (
    typeof node.text === 'string' &&
    Object.keys(node).every((key) => key === 'text' || key === 'references')
  ) {
    const references = [];
    for (const name of TYPINGS_EXPORTS) {
      for (const match of node.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
        references.push({
          name,
          module: ENTRY,
          start: match.index,
          end: match.index + name.length,
        });
      }
    }
    if (references.length > 0) node.references = references.sort((a, b) => a.start - b.start);
    else delete node.references;
    return;
  }
  for (const value of Object.values(node)) linkTypeReferences(value);
}
