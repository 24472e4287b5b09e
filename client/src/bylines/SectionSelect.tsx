import { useId } from 'react';

/**
 * The section field when the desk takes sections from its list only: a choice among them (and
 * "No section"). A story whose section is not on the list keeps it as a choice until it is changed.
 */
export function SectionSelect({ value, sections, onChange }: { value: string; sections: readonly string[]; onChange: (value: string) => void }) {
  const id = useId();
  const options = value.trim() !== '' && !sections.includes(value) ? [value, ...sections] : sections;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Section
      </label>
      <select id={id} className="field-input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">No section</option>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
