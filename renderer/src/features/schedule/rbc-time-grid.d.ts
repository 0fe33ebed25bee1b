/** react-big-calendar ships its TimeGrid (the grid behind Day and Week) untyped; the clinic week view renders it directly. */
declare module 'react-big-calendar/lib/TimeGrid' {
  import type { ComponentType } from 'react';

  const TimeGrid: ComponentType<Record<string, unknown>>;
  export default TimeGrid;
}
