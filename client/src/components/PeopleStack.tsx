import type { Presence } from '../../../shared/api.ts';
import { initials } from '../format/initials.ts';

/** Overlapping colored initials for the people in a story, with their names on hover and for screen readers. */
export function PeopleStack({ people, label, max = 5 }: { people: Presence[]; label: string; max?: number }) {
  if (people.length === 0) return null;
  const shown = people.slice(0, max);
  const hidden = people.length - shown.length;
  const names = people.map((person) => person.name).join(', ');
  return (
    <ul className="people" aria-label={`${label}: ${names}`}>
      {shown.map((person, index) => (
        <li
          key={`${person.name}-${index}`}
          className="person"
          style={{ backgroundColor: person.color }}
          title={person.name}
          aria-label={person.name}
        >
          {initials(person.name)}
        </li>
      ))}
      {hidden > 0 ? (
        <li className="person person-more" title={names}>
          +{hidden}
        </li>
      ) : null}
    </ul>
  );
}
