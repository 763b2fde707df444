/** The Mocha globals web-test-runner provides in the browser (no @types/mocha installed). */
declare global {
  type TestBody = (this: { timeout(milliseconds: number): void }) => unknown;
  function describe(title: string, body: () => void): void;
  function it(title: string, body: TestBody): void;
  function before(body: TestBody): void;
  function after(body: TestBody): void;
  function beforeEach(body: TestBody): void;
  function afterEach(body: TestBody): void;
}

export {};
