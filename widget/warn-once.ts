/**
 * @module Hints for the site owner in the console, each given once per page: a portal
 * renders often, and several portals may share the page.
 */
const given = new Set<string>();

export function warnOnce(hint: string): void {
  if (given.has(hint)) return;
  given.add(hint);
  console.warn(`customer-portal: ${hint}`);
}
