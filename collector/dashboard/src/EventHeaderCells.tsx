import { EVENT_LABELS, EVENTS } from './labels';

/** One numeric column header per event, in the order of the dashboard's columns (both tables). */
export function EventHeaderCells() {
  return (
    <>
      {EVENTS.map((event) => (
        <th scope="col" class="num" key={event}>
          {EVENT_LABELS[event]}
        </th>
      ))}
    </>
  );
}
