/**
 * @module The customers table: one row per customer, with the hash of their password.
 * Rows leave this module as `CustomerRow`; the hash never leaves the server.
 */
import { randomUUID } from 'node:crypto';
import type { RawBuilder } from 'kysely';
import type { Customer, CustomerRecord, Language } from '../contract.ts';
import type { Db } from './database.ts';
import { execute, forUpdate, selectAll, selectFirst, sql } from './query.ts';

export interface CustomerRow {
  /** The row id: internal only, since SQLite gives it to the next customer after a delete. */
  id: number;
  /** Random and never reused: the access token's `sub` and the `id` the API answers with. */
  publicId: string;
  number: string;
  email: string;
  name: string;
  language: Language;
  passwordHash: string;
  mustChangePassword: boolean;
  initialPasswordExpiresAt: number | null;
  status: 'active' | 'disabled';
  createdAt: number;
}

/** Every column of a `CustomerRow`; the other customer store modules select with it too. */
export const SELECT_CUSTOMER = sql`SELECT id, public_id AS "publicId", number, email, name, language,
  password_hash AS "passwordHash", must_change_password AS "mustChangePassword",
  initial_password_expires_at AS "initialPasswordExpiresAt", status, created_at AS "createdAt"
  FROM customers`;

/** A `CustomerRow` as the database gives it, before `toCustomerRow`. */
export type StoredCustomer = Omit<CustomerRow, 'mustChangePassword'> & {
  mustChangePassword: number;
};

/**
 * Every column of a `CustomerRow` of the customers table as `c`, for a query that joins it:
 * its rows go through `toCustomerRow`.
 */
export const CUSTOMER_COLUMNS_OF_C = sql`c.id, c.public_id AS "publicId", c.number, c.email,
  c.name, c.language, c.password_hash AS "passwordHash",
  c.must_change_password AS "mustChangePassword",
  c.initial_password_expires_at AS "initialPasswordExpiresAt", c.status,
  c.created_at AS "createdAt"`;

export function toCustomerRow(row: StoredCustomer): CustomerRow {
  return { ...row, mustChangePassword: row.mustChangePassword === 1 };
}

function toRow(row: StoredCustomer | null): CustomerRow | null {
  return row ? toCustomerRow(row) : null;
}

/** Customers as a query selecting `SELECT_CUSTOMER` returns them. */
export async function selectCustomers(db: Db, query: RawBuilder<unknown>): Promise<CustomerRow[]> {
  const rows = await selectAll(db, query as RawBuilder<StoredCustomer>);
  return rows.map((row) => toRow(row) as CustomerRow);
}

export async function findCustomerByNumber(db: Db, number: string): Promise<CustomerRow | null> {
  return toRow(
    await selectFirst(db, sql<StoredCustomer>`${SELECT_CUSTOMER} WHERE number = ${number}`),
  );
}

export async function findCustomerById(db: Db, id: number): Promise<CustomerRow | null> {
  return toRow(await selectFirst(db, sql<StoredCustomer>`${SELECT_CUSTOMER} WHERE id = ${id}`));
}

export async function countCustomers(db: Db): Promise<number> {
  const row = await selectFirst(db, sql<{ n: number }>`SELECT count(*) AS n FROM customers`);
  return row?.n ?? 0;
}

export interface NewCustomer {
  number: string;
  email: string;
  name: string;
  language: Language;
  passwordHash: string;
  initialPasswordExpiresAt: number;
}

export async function insertCustomer(db: Db, customer: NewCustomer, now: number): Promise<number> {
  const row = await selectFirst(
    db,
    sql<{ id: number }>`INSERT INTO customers (public_id, number, email, name, language,
        password_hash, must_change_password, initial_password_expires_at, created_at)
      VALUES (${randomUUID()}, ${customer.number}, ${customer.email}, ${customer.name},
        ${customer.language}, ${customer.passwordHash}, 1, ${customer.initialPasswordExpiresAt},
        ${now})
      RETURNING id`,
  );
  return Number(row?.id);
}

/**
 * The customer's hash and status, locked until the transaction ends: a password change,
 * a disable or a login that checks what it verified waits for another that writes it.
 */
export function lockCustomer(db: Db, customerId: number) {
  return selectFirst(
    db,
    sql<{ hash: string; status: CustomerRow['status'] }>`SELECT password_hash AS hash, status
      FROM customers WHERE id = ${customerId}${forUpdate(db)}`,
  );
}

/**
 * Whether the stored hash is still the one a request verified against: a password change
 * that committed while that request was hashing makes the request's check stale (S13).
 */
export async function passwordHashUnchanged(
  db: Db,
  customerId: number,
  verifiedHash: string,
): Promise<boolean> {
  return (await lockCustomer(db, customerId))?.hash === verifiedHash;
}

/**
 * Whether a customer may still be let in by a login that checked their password: still
 * there, still active, and the hash it verified against still theirs. A disable or a
 * password change that committed while the login was hashing makes its check stale (S13).
 */
export async function mayStillLogIn(
  db: Db,
  customerId: number,
  verifiedHash: string,
): Promise<boolean> {
  const row = await lockCustomer(db, customerId);
  return row?.hash === verifiedHash && row.status === 'active';
}

/** A password the customer chose: no longer initial, no expiry. */
export async function updatePassword(
  db: Db,
  customerId: number,
  passwordHash: string,
  now: number,
): Promise<void> {
  await execute(
    db,
    sql`UPDATE customers SET password_hash = ${passwordHash}, must_change_password = 0,
      initial_password_expires_at = NULL, password_changed_at = ${now} WHERE id = ${customerId}`,
  );
}

/** Same password, stronger hash parameters (S01): the flags stay as they were. */
export async function replacePasswordHash(
  db: Db,
  customerId: number,
  passwordHash: string,
): Promise<void> {
  await execute(
    db,
    sql`UPDATE customers SET password_hash = ${passwordHash} WHERE id = ${customerId}`,
  );
}

/** A new initial password from the operator: must change again, new expiry. */
export async function setInitialPassword(
  db: Db,
  customerId: number,
  passwordHash: string,
  expiresAt: number,
): Promise<void> {
  await execute(
    db,
    sql`UPDATE customers SET password_hash = ${passwordHash}, must_change_password = 1,
      initial_password_expires_at = ${expiresAt} WHERE id = ${customerId}`,
  );
}

export async function updateLanguage(
  db: Db,
  customerId: number,
  language: Language,
): Promise<void> {
  await execute(db, sql`UPDATE customers SET language = ${language} WHERE id = ${customerId}`);
}

/** An operator's correction: the address, name and language, as they are to be. */
export async function updateCustomerDetails(
  db: Db,
  customerId: number,
  details: Pick<CustomerRow, 'email' | 'name' | 'language'>,
): Promise<void> {
  await execute(
    db,
    sql`UPDATE customers SET email = ${details.email}, name = ${details.name},
      language = ${details.language} WHERE id = ${customerId}`,
  );
}

export async function setCustomerStatus(
  db: Db,
  customerId: number,
  status: 'active' | 'disabled',
): Promise<void> {
  await execute(db, sql`UPDATE customers SET status = ${status} WHERE id = ${customerId}`);
}

/**
 * Deletes a customer; their sessions and tokens go with the row (ON DELETE CASCADE). Their
 * audit rows are detached: the next customer gets this row id and must not inherit them.
 * Call inside the action's transaction, after its audit row (which names the number).
 */
export async function deleteCustomer(db: Db, customerId: number): Promise<void> {
  await execute(db, sql`DELETE FROM customers WHERE id = ${customerId}`);
  await execute(db, sql`UPDATE audit_log SET customer_id = NULL WHERE customer_id = ${customerId}`);
}

/** What the customer sees of themself. */
export function toCustomer(row: CustomerRow): Customer {
  return { id: row.publicId, number: row.number, name: row.name, language: row.language };
}

/** What an operator sees: everything but the hash (S27). */
export function toCustomerRecord(row: CustomerRow, locked: boolean): CustomerRecord {
  return {
    id: row.publicId,
    number: row.number,
    name: row.name,
    email: row.email,
    language: row.language,
    status: row.status,
    mustChangePassword: row.mustChangePassword,
    initialPasswordExpiresAt:
      row.initialPasswordExpiresAt === null
        ? null
        : new Date(row.initialPasswordExpiresAt).toISOString(),
    locked,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
