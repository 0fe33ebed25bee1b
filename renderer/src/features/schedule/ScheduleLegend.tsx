/** What the colours and marks on the grid mean, so a newcomer can read it without asking. */
import type { Reference } from '../../../../main/contract';

export function ScheduleLegend({ reference }: { reference: Reference }) {
  return (
    <ul className="legend" aria-label="Legend">
      {reference.appointmentTypes
        .filter((t) => t.active)
        .map((t) => (
          <li key={t.id}>
            <span className="legend__swatch" style={{ background: t.colour }} aria-hidden="true" />
            {t.name}
          </li>
        ))}
      <li>
        <span className="legend__swatch legend__swatch--overbooked" aria-hidden="true" />
        Overbooked
      </li>
      <li>
        <span className="legend__swatch legend__swatch--room" aria-hidden="true" />
        Room clash (same room, same time)
      </li>
      <li>
        <span className="legend__swatch legend__swatch--break" aria-hidden="true" />
        Break / unavailable
      </li>
      <li>
        <span className="legend__swatch legend__swatch--closed" aria-hidden="true" />
        Not working
      </li>
    </ul>
  );
}
