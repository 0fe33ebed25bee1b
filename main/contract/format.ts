/** Wording shared by the core (messages, PDFs, CSV files) and the renderer, so both say an amount or a cell the same way. */

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Integer cents as "$1,234.56"; a credit is negative ("-$10.00"), and zero is never "-$0.00". */
export function formatCents(cents: number): string {
  return dollars.format((cents === 0 ? 0 : cents) / 100);
}

/** A CSV cell that starts like a formula (=, +, -, @, tab, CR) gets a leading apostrophe, so opening the file runs nothing. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
