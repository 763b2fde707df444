/** @module The few assertions the widget tests need, with messages that say what a customer would see. */

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
  }
}

export function includes(text: string | null | undefined, part: string, what: string): void {
  if (!text?.includes(part)) {
    throw new AssertionError(
      `${what}: expected to contain ${JSON.stringify(part)}, got ${JSON.stringify(text)}`,
    );
  }
}

/** Polls until `probe` returns (or resolves to) something truthy, and returns it. */
export async function waitFor<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > deadline) throw new AssertionError(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
