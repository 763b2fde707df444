/**
 * @module Builds the widget into dist/widget/: a stable entry `customer-portal.js` (served
 * revalidated) with what the first paint needs, the element with Lit and the login, and
 * hashed chunks (served immutable) for the rest: the screens after the login with the
 * launcher's dialog and the help view (widget/screens.ts, loaded when the browser is idle
 * after the first paint), and one chunk per translation, loaded only when that language
 * is used.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

export default defineConfig({
  publicDir: false,
  plugins: [minifyLitCss(), stripTemplateIndentation(), firstPaintInEntry(), compressedCopies()],
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // Library mode: no module-preload helper, which a single element does not need.
    lib: {
      entry: 'widget/customer-portal.ts',
      formats: ['es'],
      fileName: () => 'customer-portal.js',
    },
    rolldownOptions: {
      output: {
        // The help's text of each language (locales/help/, loaded when the help opens) is named
        // apart from the translation chunks of the same language.
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.includes('/locales/help/')
            ? 'help-[name]-[hash].js'
            : '[name]-[hash].js',
        // Library mode leaves ES output unminified unless asked.
        minify: true,
        // What the first paint needs in one chunk, which firstPaintInEntry makes the entry
        // itself. "$initial" leaves out what loads later: the screens after the login, and
        // the translations.
        codeSplitting: {
          groups: [
            {
              name: 'customer-portal',
              tags: ['$initial'],
              test: (id) => !id.includes('/generated/locales/'),
            },
          ],
        },
      },
    },
  },
});

/** Collapses white space and comments in Lit's css`` literals, which no minifier touches. */
function minifyLitCss(): Plugin {
  return {
    name: 'customer-portal:minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return code.replace(/css`([^`]*)`/g, (_literal, body: string) => {
        const minified = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${minified}\``;
      });
    },
  };
}

/**
 * Drops the indentation of multi-line template literals (Lit's html``) from the minified
 * chunks. Safe because minified code has raw line breaks only inside template literals,
 * and in HTML a line break renders the same with or without the spaces after it.
 */
function stripTemplateIndentation(): Plugin {
  return {
    name: 'customer-portal:strip-template-indentation',
    apply: 'build',
    renderChunk(code) {
      return { code: code.replace(/\n[ \t]+/g, '\n'), map: null };
    },
  };
}

/**
 * Makes the first-paint chunk the entry. Rolldown puts the group above in a chunk of its
 * own, with the entry a one-line re-export of it: a page then fetches the entry, and only
 * after it the chunk, one more round trip before the login shows (a whole one on a phone's
 * network). The entry is revalidated on every load either way, and a browser that has it
 * gets a 304 (the service's ETag, server/http/middleware/revalidation.ts); the later chunks
 * keep their hashes (which change with the first paint's code, as before) and import it by
 * its stable name.
 */
function firstPaintInEntry(): Plugin {
  return {
    name: 'customer-portal:first-paint-in-entry',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = bundle['customer-portal.js'];
      const stub =
        entry?.type === 'chunk'
          ? /^export\s*\{\s*(\w+) as CustomerPortal\s*\}\s*from\s*"\.\/(customer-portal-[\w-]+\.js)";?\s*$/.exec(
              entry.code,
            )
          : null;
      const chunk = stub?.[2] ? bundle[stub[2]] : undefined;
      if (!entry || entry.type !== 'chunk' || !stub || chunk?.type !== 'chunk') {
        throw new Error('the entry is not the one-line re-export of the first-paint chunk it was');
      }
      const exported = stub[1] as string;
      // The names the later chunks import from the first-paint chunk.
      const imported = new Set(
        Object.values(bundle).flatMap((file) =>
          file.type === 'chunk'
            ? [...file.code.matchAll(/import\s*\{([^}]*)\}\s*from\s*"\.\/([^"]+)"/g)]
                .filter((match) => match[2] === chunk.fileName)
                .flatMap((match) =>
                  (match[1] ?? '').split(',').map((pair) => pair.trim().split(/\s+as\s+/)[0]),
                )
            : [],
        ),
      );
      // The chunk's export list, with the stub's name for the element made CustomerPortal
      // (kept too where a later chunk imports it). The other names are the bindings the
      // later chunks import; the typings declare CustomerPortal alone.
      const list = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(chunk.code);
      const pairs = (list?.[1] ?? '').split(',').map((pair) => pair.trim().split(/\s+as\s+/));
      const element = pairs.find(([local, name = local]) => name === exported);
      if (!list || !element?.[0]) throw new Error(`the first-paint chunk exports no ${exported}`);
      const exports = pairs
        .filter((pair) => pair !== element || imported.has(exported))
        .map(([local, name = local]) => (local === name ? local : `${local} as ${name}`));
      exports.push(`${element[0]} as CustomerPortal`);
      entry.code = `${chunk.code.slice(0, list.index)}export{${exports.join(',')}};\n`;
      delete bundle[chunk.fileName];
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') {
          file.code = file.code.replaceAll(`"./${chunk.fileName}"`, '"./customer-portal.js"');
        }
      }
    },
  };
}

/**
 * Writes `file.js.br` and `file.js.gz` beside every chunk, compressed once at the highest
 * level, for a server that serves precompressed files (Hono's serveStatic `precompressed`).
 */
function compressedCopies(): Plugin {
  return {
    name: 'customer-portal:compressed-copies',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const source = Buffer.from(file.code);
        this.emitFile({
          type: 'asset',
          fileName: `${file.fileName}.br`,
          source: brotliCompressSync(source, {
            params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
          }),
        });
        this.emitFile({
          type: 'asset',
          fileName: `${file.fileName}.gz`,
          source: gzipSync(source, { level: 9 }),
        });
      }
    },
  };
}
