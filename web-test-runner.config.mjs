/**
 * Widget tests: headless Debian Chromium against the real auth service. Each test file
 * starts its own service (temp SQLite file, dev mailbox) through a server command, so
 * files never share throttle counters or customers. Run `npm run test:widget`, which
 * builds the translations first.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { register } from 'tsx/esm/api';

// The service and its test support are TypeScript; load them through tsx.
register();
const { startService } = await import('./test/support/service.ts');
const { freePort } = await import('./test/support/free-port.ts');
const { junitReporter } = await import('./test/support/widget-junit-reporter.ts');

const port = await freePort();
/** The test pages' origin: "localhost", another site than the service on 127.0.0.1. */
const pageOrigin = `http://localhost:${port}`;

/** Server commands the tests call with `executeServerCommand` (test/widget/support/service.ts). */
function portalServicePlugin() {
  /** @type {Map<string, Awaited<ReturnType<typeof startService>>>} */
  const services = new Map();
  const service = (url) => {
    const found = services.get(url);
    if (!found) throw new Error(`no test service at ${url}`);
    return found;
  };
  return {
    name: 'portal-service',
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'portal-start-service': {
          const started = await startService({
            clock: payload?.clock ?? 'system',
            env: {
              PORTAL_ALLOWED_ORIGINS: pageOrigin,
              PORTAL_PUBLIC_URL: `${pageOrigin}/portal`,
              ...payload?.env,
            },
          });
          services.set(started.url, started);
          return { url: started.url };
        }
        case 'portal-stop-service': {
          await service(payload.url).stop();
          services.delete(payload.url);
          return true;
        }
        case 'portal-create-customer': {
          const { url, customer } = payload;
          const response = await fetch(`${url}/admin/customers`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${service(url).adminToken}`,
              'Content-Type': 'application/json',
            },
            body: JSON.stringify(customer),
          });
          const body = await response.json();
          if (response.status !== 201) throw new Error(`admin API: ${JSON.stringify(body)}`);
          return body.customer;
        }
        case 'portal-advance-clock': {
          const { clock } = service(payload.url);
          if (!clock.advance) throw new Error('start the service with { clock: "manual" }');
          clock.advance(payload.milliseconds);
          return true;
        }
        case 'portal-mail': {
          const response = await fetch(`${payload.url}/dev/mail.json`);
          return response.json();
        }
        default:
          return undefined;
      }
    },
    async serverStop() {
      await Promise.all([...services.values()].map((started) => started.stop()));
    },
  };
}

export default {
  files: ['test/widget/**/*.test.ts'],
  nodeResolve: true,
  // Lit's development build checks more; its one-line notice about it is not news.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  hostname: 'localhost',
  port,
  // Keyboard and focus tests need the one focused page; the suite is small.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  // The results also as JUnit XML, for `npm run security-report`.
  reporters: [defaultReporter(), junitReporter('test-results/widget.xml')],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    portalServicePlugin(),
  ],
};
