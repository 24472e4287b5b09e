import { useEffect, useRef, useState } from 'react';

/** How long typing must pause before the list searches, in ms. */
const SEARCH_DELAY_MS = 250;

/** The story list's search box: tells `onSearch` the words once typing pauses (at once on Enter, Escape clears). */
export function StorySearchBox({ onSearch }: { onSearch: (query: string) => void }) {
  const [value, setValue] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const searchNow = (query: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    onSearch(query);
  };

  return (
    <form
      className="list-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        searchNow(value);
      }}
    >
      <label htmlFor="story-search" className="visually-hidden">
        Search stories
      </label>
      <input
        id="story-search"
        type="search"
        placeholder="Search stories"
        autoComplete="off"
        maxLength={200}
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          setValue(next);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => searchNow(next), SEARCH_DELAY_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            setValue('');
            searchNow('');
          }
        }}
      />
    </form>
  );
}
