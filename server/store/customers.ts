/**
 * @module The customers table: one row per customer, with the hash of their password.
 * Rows leave this module as `CustomerRow`; the hash never leaves the server.
 */
import { randomUUID } from 'node:crypto';
import type { Customer, CustomerRecord, Language } from '../contract.ts';
import type { Db } from './database.ts';

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
export const SELECT_CUSTOMER = `SELECT id, public_id AS publicId, number, email, name, language, password_hash AS passwordHash,
  must_change_password AS mustChangePassword, initial_password_expires_at AS initialPasswordExpiresAt,
  status, created_at AS createdAt FROM customers`;

export function toRow(row: unknown): CustomerRow | null {
  if (!row) return null;
  const customer = row as Omit<CustomerRow, 'mustChangePassword'> & { mustChangePassword: number };
  return { ...customer, mustChangePassword: customer.mustChangePassword === 1 };
}

export function findCustomerByNumber(db: Db, number: string): CustomerRow | null {
  return toRow(db.prepare(`${SELECT_CUSTOMER} WHERE number = ?`).get(number));
}

export function findCustomerById(db: Db, id: number): CustomerRow | null {
  return toRow(db.prepare(`${SELECT_CUSTOMER} WHERE id = ?`).get(id));
}

export function listCustomers(db: Db): CustomerRow[] {
  return db
    .prepare(`${SELECT_CUSTOMER} ORDER BY id`)
    .all()
    .map((row) => toRow(row) as CustomerRow);
}

export function countCustomers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
}

export interface NewCustomer {
  number: string;
  email: string;
  name: string;
  language: Language;
  passwordHash: string;
  initialPasswordExpiresAt: number;
}

export function insertCustomer(db: Db, customer: NewCustomer, now: number): number {
  const result = db
    .prepare(
      `INSERT INTO customers (public_id, number, email, name, language, password_hash,
         must_change_password, initial_password_expires_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(
      randomUUID(),
      customer.number,
      customer.email,
      customer.name,
      customer.language,
      customer.passwordHash,
      customer.initialPasswordExpiresAt,
      now,
    );
  return Number(result.lastInsertRowid);
}

/**
 * Whether the stored hash is still the one a request verified against: a password change
 * that committed while that request was hashing makes the request's check stale (S13).
 */
export function passwordHashUnchanged(db: Db, customerId: number, verifiedHash: string): boolean {
  const row = db
    .prepare('SELECT password_hash AS hash FROM customers WHERE id = ?')
    .get(customerId) as { hash: string } | undefined;
  return row?.hash === verifiedHash;
}

/**
 * Whether a customer may still be let in by a login that checked their password: still
 * there, still active, and the hash it verified against still theirs. A disable or a
 * password change that committed while the login was hashing makes its check stale (S13).
 */
export function mayStillLogIn(db: Db, customerId: number, verifiedHash: string): boolean {
  const row = db
    .prepare('SELECT password_hash AS hash, status FROM customers WHERE id = ?')
    .get(customerId) as { hash: string; status: CustomerRow['status'] } | undefined;
  return row?.hash === verifiedHash && row.status === 'active';
}

/** A password the customer chose: no longer initial, no expiry. */
export function updatePassword(
  db: Db,
  customerId: number,
  passwordHash: string,
  now: number,
): void {
  db.prepare(
    `UPDATE customers SET password_hash = ?, must_change_password = 0,
       initial_password_expires_at = NULL, password_changed_at = ? WHERE id = ?`,
  ).run(passwordHash, now, customerId);
}

/** Same password, stronger hash parameters (S01): the flags stay as they were. */
export function replacePasswordHash(db: Db, customerId: number, passwordHash: string): void {
  db.prepare('UPDATE customers SET password_hash = ? WHERE id = ?').run(passwordHash, customerId);
}

/** A new initial password from the operator: must change again, new expiry. */
export function setInitialPassword(
  db: Db,
  customerId: number,
  passwordHash: string,
  expiresAt: number,
): void {
  db.prepare(
    `UPDATE customers SET password_hash = ?, must_change_password = 1,
       initial_password_expires_at = ? WHERE id = ?`,
  ).run(passwordHash, expiresAt, customerId);
}

export function updateLanguage(db: Db, customerId: number, language: Language): void {
  db.prepare('UPDATE customers SET language = ? WHERE id = ?').run(language, customerId);
}

/** An operator's correction: the address, name and language, as they are to be. */
export function updateCustomerDetails(
  db: Db,
  customerId: number,
  details: Pick<CustomerRow, 'email' | 'name' | 'language'>,
): void {
  db.prepare('UPDATE customers SET email = ?, name = ?, language = ? WHERE id = ?').run(
    details.email,
    details.name,
    details.language,
    customerId,
  );
}

export function setCustomerStatus(db: Db, customerId: number, status: 'active' | 'disabled'): void {
  db.prepare('UPDATE customers SET status = ? WHERE id = ?').run(status, customerId);
}

/**
 * Deletes a customer; their sessions and tokens go with the row (ON DELETE CASCADE). Their
 * audit rows are detached: the next customer gets this row id and must not inherit them.
 * Call inside the action's transaction, after its audit row (which names the number).
 */
export function deleteCustomer(db: Db, customerId: number): void {
  db.prepare('DELETE FROM customers WHERE id = ?').run(customerId);
  db.prepare('UPDATE audit_log SET customer_id = NULL WHERE customer_id = ?').run(customerId);
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
