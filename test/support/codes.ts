/** Lines of the two CMS ICD-10-CM file layouts, for building small fixture files. */

/** A line of the order file: order number (5), code (7), billable 0/1, short title (60), long title. */
export function orderLine(order: number, code: string, billable: boolean, title: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${title.slice(0, 60).padEnd(60)} ${title}`;
}

/** A line of the codes file: the code padded to 8 characters, then the title. */
export function codesLine(code: string, title: string): string {
  return `${code.padEnd(8)}${title}`;
}
