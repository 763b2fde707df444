/**
 * @module The customer list as operators read it: page by page for the admin API (GET
 * /admin/customers?search=&limit=&cursor=), whole for `customers list [--search TEXT]`.
 * Pages follow the order customers were created in, so one created meanwhile is not
 * missed and none is listed twice.
 */
import type * as v from 'valibot';
import type { CustomerListQuerySchema, CustomerRecord } from '../contract.ts';
import { searchCustomers } from '../store/customer-search.ts';
import { type Operator, recordOf } from './provisioning.ts';

export const DEFAULT_PAGE_SIZE = 100;

export interface CustomerPage {
  customers: CustomerRecord[];
  /** Pass as `cursor` for the page after this one; null on the last page. */
  next: string | null;
}

/** One page of customers, with the cursor of the next if there is one. */
export async function listCustomerPage(
  operator: Operator,
  query: v.InferOutput<typeof CustomerListQuerySchema>,
): Promise<CustomerPage> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  // One more than asked: whether it exists tells if there is a next page.
  const rows = await searchCustomers(operator.db, {
    ...(query.search ? { text: query.search } : {}),
    ...(query.cursor ? { afterId: query.cursor } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    customers: await Promise.all(page.map((row) => recordOf(operator, row))),
    next: rows.length > limit && last ? String(last.id) : null,
  };
}

/** Every customer (or those matching `search`), in the order they were created. */
export async function listAllCustomers(
  operator: Operator,
  search?: string,
): Promise<CustomerRecord[]> {
  const customers: CustomerRecord[] = [];
  let cursor: number | undefined;
  for (;;) {
    const page = await listCustomerPage(operator, {
      ...(search ? { search } : {}),
      ...(cursor ? { cursor } : {}),
      limit: 1000,
    });
    customers.push(...page.customers);
    if (page.next === null) return customers;
    cursor = Number(page.next);
  }
}
