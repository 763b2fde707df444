/**
 * @module Finding customers for operators: a page of the list, optionally narrowed by a
 * text in the number, name or e-mail address, and the customers who share an address.
 * Plain SQL that both stores speak: lower() with LIKE, keyset paging on the row id.
 */
import { type CustomerRow, SELECT_CUSTOMER, selectCustomers } from './customers.ts';
import type { Db } from './database.ts';
import { sql } from './query.ts';

export interface CustomerSearch {
  /** Matched case-insensitively anywhere in the number, the name or the e-mail address. */
  text?: string;
  /** Only customers created after this row id: the previous page's last. */
  afterId?: number;
  limit: number;
}

/** Customers in the order they were created; `limit` of them at most. */
export function searchCustomers(db: Db, search: CustomerSearch): Promise<CustomerRow[]> {
  let matching = sql``;
  if (search.text) {
    // % and _ typed by an operator are meant literally.
    const like = `%${search.text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    matching = sql` AND (lower(number) LIKE ${like} ESCAPE '\\' OR lower(name) LIKE ${like} ESCAPE '\\'
      OR lower(email) LIKE ${like} ESCAPE '\\')`;
  }
  return selectCustomers(
    db,
    sql`${SELECT_CUSTOMER} WHERE id > ${search.afterId ?? 0}${matching} ORDER BY id LIMIT ${search.limit}`,
  );
}

/** The other customers whose address is `email`, ignoring case. */
export function findCustomersByEmail(
  db: Db,
  email: string,
  exceptNumber: string,
): Promise<CustomerRow[]> {
  return selectCustomers(
    db,
    sql`${SELECT_CUSTOMER} WHERE lower(email) = ${email.toLowerCase()} AND number <> ${exceptNumber}
      ORDER BY id`,
  );
}
