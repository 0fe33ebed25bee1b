/**
 * The clinic's opening hours, one row per weekday. Each row is a labelled
 * group and every box names its day ("Saturday closing time"), so a screen
 * reader user hears what they are in without seeing the row. After a failed
 * save the first box to fix takes the focus, its message read with it.
 */
import { useEffect, useId, useRef } from 'react';
import { TimeBox } from '../../ui/TimeInput';
import { openDay, openingKey, WEEKDAYS, type OpeningDay, type OpeningField, type OpeningHours, type WeekdayKey } from './hours';

interface OpeningHoursFieldsetProps {
  days: OpeningHours;
  onChange(days: OpeningHours): void;
  /** The `fields` of the error on show (client checks or the server's), or none. */
  errors: Record<string, string> | undefined;
}

export function OpeningHoursFieldset({ days, onChange, errors = {} }: OpeningHoursFieldsetProps) {
  const id = useId();
  const ref = useRef<HTMLFieldSetElement>(null);
  const setDay = (key: WeekdayKey, change: Partial<OpeningDay>) => onChange({ ...days, [key]: { ...days[key], ...change } });
  const setOpen = (key: WeekdayKey, open: boolean) => (open ? onChange(openDay(days, key)) : setDay(key, { open: false }));

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }, [errors]);

  const weekError = errors.hours;
  return (
    <fieldset ref={ref} className="admin-hours admin-opening" aria-describedby={`${id}-hint${weekError ? ` ${id}-week` : ''}`}>
      <legend>Opening hours</legend>
      <p id={`${id}-hint`} className="admin-hint admin-opening__hint">
        24-hour times. The schedule shades the times the clinic is closed and shows only the days it opens.
      </p>
      {WEEKDAYS.map(({ key, long }) => {
        const day = days[key];
        const prefix = `hours.${key}.`;
        const rowError = Object.entries(errors).find(([field]) => field.startsWith(prefix))?.[1];
        const errorId = `${id}-${key}-error`;
        // A server message keyed by interval ("hours.6.0.end") marks the whole row.
        const exact = Object.keys(errors).some((f) => /^hours\.\d\.(start|end|lunchStart|lunchEnd)$/.test(f) && f.startsWith(prefix));
        const box = (field: OpeningField, label: string) => {
          const invalid = Boolean(errors[openingKey(key, field)]) || (Boolean(rowError) && !exact);
          return (
            <TimeBox
              className="admin-time"
              aria-label={`${long} ${label}`}
              aria-invalid={invalid}
              aria-describedby={invalid ? errorId : undefined}
              value={day[field]}
              onChange={(value) => setDay(key, { [field]: value })}
            />
          );
        };
        return (
          <div key={key} role="group" aria-label={long} className={`admin-opening__row${day.open ? '' : ' admin-opening__row--closed'}`}>
            <span className="admin-opening__day" aria-hidden="true">
              {long}
            </span>
            <label className="admin-check">
              <input type="checkbox" aria-label={`Open on ${long}`} checked={day.open} onChange={(e) => setOpen(key, e.target.checked)} />{' '}
              Open
            </label>
            {day.open ? (
              <>
                <span className="admin-opening__span">
                  {box('start', 'opening time')}
                  <span aria-hidden="true">to</span>
                  {box('end', 'closing time')}
                </span>
                <label className="admin-check">
                  <input
                    type="checkbox"
                    aria-label={`Lunch break on ${long}`}
                    checked={day.lunch}
                    onChange={(e) => setDay(key, { lunch: e.target.checked })}
                  />{' '}
                  Lunch break
                </label>
                {day.lunch && (
                  <span className="admin-opening__span">
                    {box('lunchStart', 'lunch start')}
                    <span aria-hidden="true">to</span>
                    {box('lunchEnd', 'lunch end')}
                  </span>
                )}
              </>
            ) : (
              <span className="admin-hint">Closed</span>
            )}
            {rowError && (
              <span id={errorId} className="field__error admin-opening__error">
                {rowError}
              </span>
            )}
          </div>
        );
      })}
      {weekError && (
        <span id={`${id}-week`} className="field__error">
          {weekError}
        </span>
      )}
    </fieldset>
  );
}
