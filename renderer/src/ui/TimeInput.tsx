/**
 * 24-hour time entry as a plain text box (see time.ts for why not the
 * browser's time input): numeric keyboard, "HH:mm" placeholder and pattern,
 * and the typed value tidied ("900" -> "09:00") when the person leaves the box.
 * TimeField is the labelled form field; TimeBox is the bare box for compact
 * rows that label it with aria-label.
 */
import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';
import { normalizeTime, TIME_PATTERN_ATTRIBUTE } from './time';

type BoxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  /** Every keystroke, and the tidied value on leaving the box. */
  onChange(value: string): void;
};

export function TimeBox({ value, onChange, onBlur, ...props }: BoxProps) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="HH:mm"
      pattern={TIME_PATTERN_ATTRIBUTE}
      maxLength={8}
      {...props}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        const tidy = normalizeTime(e.target.value);
        if (tidy !== e.target.value) onChange(tidy);
        onBlur?.(e);
      }}
    />
  );
}

type FieldProps = BoxProps & { label: string; error?: string; hint?: string };

export function TimeField({ label, error, hint, ...props }: FieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => <TimeBox id={id} aria-describedby={describedBy} aria-invalid={invalid} {...props} />}
    </Field>
  );
}
