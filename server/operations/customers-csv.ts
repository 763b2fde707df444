/**
 * @module Provisioning from a CSV file (`npm run portal -- customers import FILE`), as an
 * operator exports it from a CRM or a spreadsheet. Every row is checked before the first
 * customer is created, so a file with a mistake creates nobody and names each bad line.
 */

import { findCustomerByNumber } from '../store/customers.ts';
import { checkCustomerNumberPattern } from './customer-number-pattern.ts';
import {
  createCustomer,
  type Operator,
  ProvisioningError,
  parseNewCustomer,
} from './provisioning.ts';
import { warnAboutSharedEmail } from './shared-email-warning.ts';

/** The columns; `number` is optional (generated when empty). */
export const CSV_COLUMNS = ['email', 'name', 'language', 'number'] as const;

export interface ImportResult {
  /** "NUMBER  EMAIL" per customer, so a CRM can match the generated numbers. */
  created: string[];
  /** "line 3: email is not an email address", in file order; nothing was created. */
  problems: string[];
  /** "line 4: a@b.ch is also the address of customer 1001": created all the same. */
  warnings: string[];
}

/**
 * Reads CSV text with a header line. Commas or semicolons (what a German or Swiss
 * spreadsheet writes), quoted fields with "" for a quote, CRLF or LF, a UTF-8 BOM.
 */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/** Checks every row, then creates every customer (with their two mails), or none. */
export async function importCustomers(operator: Operator, csv: string): Promise<ImportResult> {
  const [header, ...rows] = parseCsv(csv);
  const columns = (header ?? []).map((name) => name.trim().toLowerCase());
  const missing = ['email', 'name', 'language'].filter((name) => !columns.includes(name));
  const unknown = columns.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    const problems = [
      ...(missing.length ? [`line 1: the header lacks ${missing.join(', ')}`] : []),
      ...(unknown.length
        ? [`line 1: unknown columns ${unknown.join(', ')} (use ${CSV_COLUMNS.join(', ')})`]
        : []),
    ];
    return { created: [], problems, warnings: [] };
  }

  const problems: string[] = [];
  const inputs: Array<{ line: number; input: Record<string, string> }> = [];
  const numbersInFile = new Map<string, number>();
  for (const [index, cells] of rows.entries()) {
    const line = index + 2;
    const input: Record<string, string> = {};
    columns.forEach((column, position) => {
      const value = cells[position]?.trim() ?? '';
      if (value !== '') input[column] = column === 'language' ? value.toLowerCase() : value;
    });
    try {
      const customer = parseNewCustomer(input);
      checkCustomerNumberPattern(operator.config, customer.number);
      if (customer.number) {
        const earlier = numbersInFile.get(customer.number);
        if (earlier)
          throw new ProvisioningError(
            'customer_exists',
            `number ${customer.number} is on line ${earlier} too`,
          );
        if (await findCustomerByNumber(operator.db, customer.number)) {
          throw new ProvisioningError(
            'customer_exists',
            `customer number ${customer.number} is already taken`,
          );
        }
        numbersInFile.set(customer.number, line);
      }
      inputs.push({ line, input });
    } catch (error) {
      if (!(error instanceof ProvisioningError)) throw error;
      problems.push(`line ${line}: ${error.message}`);
    }
  }
  if (problems.length > 0) return { created: [], problems, warnings: [] };

  const created: string[] = [];
  const warnings: string[] = [];
  for (const { line, input } of inputs) {
    const customer = await createCustomer(operator, input);
    created.push(`${customer.number}  ${customer.email}`);
    // Against the customers created so far, the file's earlier lines included.
    const shared = await warnAboutSharedEmail(operator.db, customer.email, customer.number);
    for (const warning of shared) {
      warnings.push(`line ${line}: ${warning.message}`);
    }
  }
  return { created, problems: [], warnings };
}
