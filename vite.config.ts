/**
 * @module Builds the widget into dist/widget/: a stable entry `customer-portal.js` of one
 * line (served with a short cache) that loads hashed chunks (served immutable): the
 * element with Lit and the login, the screens after the login with the launcher's dialog
 * and the help view (widget/screens.ts, loaded when the browser is idle after the first
 * paint), and one chunk per translation, loaded only when that language is used.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

export default defineConfig({
  publicDir: false,
  plugins: [minifyLitCss(), stripTemplateIndentation(), compressedCopies()],
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
        // What the first paint needs in one hashed chunk, so the entry stays a stub whose
        // name never changes and every chunk can be cached forever. "$initial" leaves out
        // what loads later: the screens after the login, and the translations.
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
