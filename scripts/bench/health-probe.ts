/**
 * @module GET /healthz at a steady pace, on connections of its own: if the service's event
 * loop is busy (an argon2 hash on the main thread, long synchronous work), the probes
 * that fall in that time wait and show it.
 */
import { Agent, get } from 'node:http';
import { type Percentiles, percentiles } from './statistics.ts';

export interface HealthProbe {
  /** Stops probing, waits for the probes in flight, and gives their latencies. */
  stop(): Promise<Percentiles & { probes: number; failed: number }>;
}

export function probeHealth(serviceUrl: string, perSecond: number): HealthProbe {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  const probe = () => {
    const started = performance.now();
    const done = new Promise<void>((resolve) => {
      get(`${serviceUrl}/healthz`, { agent, timeout: 10_000 }, (response) => {
        response.resume();
        response.once('end', () => {
          if (response.statusCode === 200) latencies.push(performance.now() - started);
          else failed++;
          resolve();
        });
      }).once('error', () => {
        failed++;
        resolve();
      });
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  const timer = setInterval(probe, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      agent.destroy();
      return { ...percentiles(latencies), probes: latencies.length + failed, failed };
    },
  };
}
