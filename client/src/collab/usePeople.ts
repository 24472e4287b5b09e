import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Presence } from '../../../shared/api.ts';

/** A person in the story, as their awareness state says. */
export interface Person extends Presence {
  clientId: number;
  isSelf: boolean;
}

/** Everyone with a named awareness state, this browser first. */
export function peopleFromAwareness(awareness: Awareness): Person[] {
  const people: Person[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: unknown }).user;
    if (typeof user !== 'object' || user === null) return;
    const { name, color } = user as Record<string, unknown>;
    if (typeof name !== 'string' || !name.trim()) return;
    people.push({
      clientId,
      name: name.trim(),
      color: typeof color === 'string' ? color : '#555555',
      isSelf: clientId === awareness.clientID,
    });
  });
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

/** The people in the story right now, re-rendering as they come and go. */
export function usePeople(awareness: Awareness | null): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    if (!awareness) {
      setPeople([]);
      return;
    }
    const update = () => setPeople(peopleFromAwareness(awareness));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return people;
}
