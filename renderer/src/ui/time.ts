/**
 * Clock times as Outpost writes them everywhere: 24-hour "HH:mm". The
 * browser's own time input follows the workstation locale (AM/PM under a US
 * locale), so times are typed as text and tidied here: people type "9:00",
 * "900" or "9", and the form shows and sends "09:00".
 */

/** A valid 24-hour clock time, "00:00" to "23:59". */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The same rule as an HTML `pattern` attribute (anchored by the browser). */
export const TIME_PATTERN_ATTRIBUTE = '([01][0-9]|2[0-3]):[0-5][0-9]';

/** What to tell the person when a time cannot be read (the server's wording for LocalTime). */
export const TIME_MESSAGE = 'Enter a time as HH:mm (24-hour)';

export function isValidTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

/**
 * "9:00" -> "09:00", "900" -> "09:00", "1730" -> "17:30", "9" -> "09:00",
 * "9.30" -> "09:30", "2:30 pm" -> "14:30". Anything that does not make a valid
 * time is returned trimmed, as typed, so the form can say what is wrong.
 */
export function normalizeTime(value: string): string {
  const typed = value.trim();
  const match = /^(\d{1,2})(?:[:.h ]?(\d{2}))?\s*([ap])?\.?m?\.?$/i.exec(typed);
  if (!match) return typed;
  let hour = Number(match[1]);
  const minute = match[2] ?? '00';
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return typed;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  const result = `${String(hour).padStart(2, '0')}:${minute}`;
  return isValidTime(result) ? result : typed;
}
