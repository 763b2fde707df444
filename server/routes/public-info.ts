/**
 * @module What anyone may read: GET /api/config (policy, languages, support address),
 * GET /.well-known/jwks.json (for the site owner's backends), GET /healthz.
 */
import { Hono } from 'hono';
import { CHECKLIST_RULES, LANGUAGES, LIMITS, type PublicConfig } from '../contract.ts';
import { PROJECT_VERSION } from '../project-paths.ts';
import type { AppEnv, Services } from '../services.ts';
import { pingDatabase } from '../store/database.ts';

export function publicInfoRoutes(services: Services) {
  const { db, config, tokens } = services;
  // Depends on configuration only: built once, not per request.
  const publicConfig: PublicConfig = {
    passwordPolicy: {
      minLength: LIMITS.passwordMinLength,
      maxLength: LIMITS.passwordMaxLength,
      rules: CHECKLIST_RULES,
    },
    languages: LANGUAGES,
    supportEmail: config.supportEmail,
    wappUrl: config.wappUrl,
    brandName: config.brandName,
    version: PROJECT_VERSION,
  };

  return new Hono<AppEnv>()
    .get('/api/config', (c) => c.json(publicConfig))
    .get('/.well-known/jwks.json', async (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(await tokens.publicKeys());
    })
    .get('/healthz', async (c) => {
      try {
        await pingDatabase(db);
        return c.json({ status: 'ok' });
      } catch {
        return c.json({ status: 'unavailable' }, 503);
      }
    });
}
