/**
 * @module Finding customers for operators: a page of the list, optionally narrowed by a
 * text in the number, name or e-mail address, and the customers who share an address.
 * Plain SQL that PostgreSQL speaks too: lower() with LIKE, keyset paging on the row id.
 */
import { type CustomerRow, SELECT_CUSTOMER, toRow } from './customers.ts';
import type { Db } from './database.ts';

export interface CustomerSearch {
  /** Matched case-insensitively anywhere in the number, the name or the e-mail address. */
  text?: string;
  /** Only customers created after this row id: the previous page's last. */
  afterId?: number;
  limit: number;
}

/** Customers in the order they were created; `limit` of them at most. */
export function searchCustomers(db: Db, search: CustomerSearch): CustomerRow[] {
  const conditions = ['id > ?'];
  const params: Array<string | number> = [search.afterId ?? 0];
  if (search.text) {
    // % and _ typed by an operator are meant literally.
    const like = `%${search.text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(
      "(lower(number) LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\' OR lower(email) LIKE ? ESCAPE '\\')",
    );
    params.push(like, like, like);
  }
  return db
    .prepare(`${SELECT_CUSTOMER} WHERE ${conditions.join(' AND ')} ORDER BY id LIMIT ?`)
    .all(...params, search.limit)
    .map((row) => toRow(row) as CustomerRow);
}

/** The other customers whose address is `email`, ignoring case. */
export function findCustomersByEmail(db: Db, email: string, exceptNumber: string): CustomerRow[] {
  return db
    .prepare(`${SELECT_CUSTOMER} WHERE lower(email) = ? AND number <> ? ORDER BY id`)
    .all(email.toLowerCase(), exceptNumber)
    .map((row) => toRow(row) as CustomerRow);
}
