/**
 * @module After `cem analyze` (`npm run build:manifest`): the files editors read, beside the
 * built widget and its manifest in dist/widget/, so the service serves them under /widget/
 * and the npm package ships them: `customer-portal.d.ts`, the typings (a copy of
 * npm/customer-portal.d.ts), and `vscode.html-custom-data.json`, VS Code's HTML custom data
 * (completion and hover for `<customer-portal>` in HTML files), made from the manifest.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIRECTORY = 'dist/widget';

/** The parts of a Custom Elements Manifest (schema 1.0) this script reads. */
interface Manifest {
  modules: Array<{ declarations?: Declaration[] }>;
}
interface Described {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: Described[];
  events?: Described[];
  members?: Array<Described & { kind: string; return?: { type?: { text: string } } }>;
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}

/** VS Code's HTML custom data, version 1.1 (vscode-html-languageservice's customData schema). */
interface HtmlCustomData {
  version: 1.1;
  tags: Array<{
    name: string;
    description: { kind: 'markdown'; value: string };
    attributes: Array<{ name: string; description?: string; values?: Array<{ name: string }> }>;
  }>;
}

/** `'launcher' | 'inline'` → the values VS Code offers; any other type offers none. */
function literalValues(type: string | undefined): Array<{ name: string }> | undefined {
  const parts = type?.split('|').map((part) => part.trim()) ?? [];
  if (parts.length === 0 || !parts.every((part) => /^'[^']*'$/.test(part))) return undefined;
  return parts.map((part) => ({ name: part.slice(1, -1) }));
}

/** A markdown list under a heading, or nothing when there is nothing to list. */
function section(heading: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`**${heading}**`, '', ...lines, ''];
}

const line = (name: string, description = '', suffix = '') =>
  `- \`${name}\`${suffix}: ${description.replace(/\s+/g, ' ')}`;

/** The custom data of every element in a manifest. */
function htmlCustomData(manifest: Manifest): HtmlCustomData {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName);
  return {
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tagName ?? '',
      description: {
        kind: 'markdown',
        value: [
          [element.summary, element.description].filter(Boolean).join('\n\n').replace(/\n/g, ' '),
          '',
          ...section(
            'Events',
            (element.events ?? []).map((event) =>
              line(event.name, event.description, event.type ? `, \`${event.type.text}\`` : ''),
            ),
          ),
          ...section(
            'Properties and methods',
            (element.members ?? []).map((member) =>
              line(member.kind === 'method' ? `${member.name}()` : member.name, member.description),
            ),
          ),
          ...section(
            'Slots',
            (element.slots ?? []).map((slot) => line(slot.name, slot.description)),
          ),
          ...section(
            'CSS parts',
            (element.cssParts ?? []).map((part) => line(`::part(${part.name})`, part.description)),
          ),
          ...section(
            'CSS custom properties',
            (element.cssProperties ?? []).map((property) =>
              line(
                property.name,
                property.description,
                property.default ? `, default \`${property.default}\`` : '',
              ),
            ),
          ),
        ]
          .join('\n')
          .trim(),
      },
      attributes: (element.attributes ?? []).map((attribute) => {
        const values = literalValues(attribute.type?.text);
        return {
          name: attribute.name,
          ...(attribute.description ? { description: attribute.description } : {}),
          ...(values ? { values } : {}),
        };
      }),
    })),
  };
}

copyFileSync('npm/customer-portal.d.ts', join(DIRECTORY, 'customer-portal.d.ts'));
const manifest: Manifest = JSON.parse(
  readFileSync(join(DIRECTORY, 'custom-elements.json'), 'utf8'),
);
writeFileSync(
  join(DIRECTORY, 'vscode.html-custom-data.json'),
  `${JSON.stringify(htmlCustomData(manifest), null, 2)}\n`,
);
console.log(`Typings and VS Code custom data written to ${DIRECTORY}/.`);
