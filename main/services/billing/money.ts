/** Money in messages people read: $1,234.56 (amounts are integer cents everywhere else). */
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatCents(cents: number): string {
  return dollars.format(cents / 100);
}
