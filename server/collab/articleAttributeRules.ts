import type { Attrs, MarkType, NodeType } from '@tiptap/pm/model';
import { articleSchema } from '../../shared/editor/schema.ts';
import { HEADING_LEVELS } from '../../shared/editor/headingLevels.ts';
import { SUGGESTION_MARK_NAMES } from '../../shared/editor/suggestions/suggestionMarks.ts';

/** Why an attribute value is refused, or null when it fits. */
type AttributeRule = (value: unknown, owner: NodeType | MarkType) => string | null;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const string: AttributeRule = (value) => (typeof value === 'string' ? null : 'must be a string');
const stringOrNull: AttributeRule = (value) => (value === null || typeof value === 'string' ? null : 'must be a string or null');
const nonEmptyString: AttributeRule = (value) => (typeof value === 'string' && value.trim() !== '' ? null : 'must be a non-empty string');

const SUGGESTION_FIELDS = ['id', 'authorId', 'authorName', 'color', 'createdAt'] as const;

// The `suggestion` attribute of a figure, READ MORE link or rule: null, or who suggested inserting or deleting it.
const blockSuggestion: AttributeRule = (value) => {
  if (value === null) return null;
  if (!isPlainObject(value)) return 'must be null or a suggestion object';
  for (const key of Object.keys(value)) {
    if (key !== 'kind' && !(SUGGESTION_FIELDS as readonly string[]).includes(key)) return `has an unknown field ${key}`;
  }
  if (value.kind !== 'insert' && value.kind !== 'delete') return 'must have kind "insert" or "delete"';
  for (const field of SUGGESTION_FIELDS) if (typeof value[field] !== 'string') return `must have a string ${field}`;
  return null;
};

// What a format suggestion remembers: earlier formatting marks, each known, valid, not a suggestion, at most once.
const formatBefore: AttributeRule = (value) => {
  if (!Array.isArray(value)) return 'must be an array of marks';
  const seen = new Set<string>();
  for (const [index, mark] of value.entries()) {
    if (!isPlainObject(mark) || typeof mark.type !== 'string') return `[${index}] must be a mark object with a type`;
    const type = articleSchema.marks[mark.type];
    if (!type) return `[${index}] has an unknown mark type ${mark.type}`;
    if (SUGGESTION_MARK_NAMES.has(type.name)) return `[${index}] cannot be a suggestion mark`;
    if (seen.has(type.name)) return `[${index}] repeats the mark ${type.name}`;
    seen.add(type.name);
    for (const key of Object.keys(mark)) if (key !== 'type' && key !== 'attrs') return `[${index}] has an unknown field ${key}`;
    if (mark.attrs !== undefined) {
      const problem = attrsProblem(type, mark.attrs);
      if (problem) return `[${index}] ${problem}`;
    }
  }
  return null;
};

/**
 * Rules beyond what the schema spec says, keyed `type.attribute`: the values the editor writes
 * and the exports rely on. Attributes without a rule here must have the type of their default
 * (string, number, boolean: or null, which the editor may write for an unset value; an array), or be a
 * string or null when the default is null.
 */
const RULES: Record<string, AttributeRule> = {
  'heading.level': (value) => ((HEADING_LEVELS as readonly unknown[]).includes(value) ? null : `must be one of ${HEADING_LEVELS.join(', ')}`),
  'orderedList.start': (value) => (Number.isSafeInteger(value) ? null : 'must be an integer'),
  'figure.src': nonEmptyString,
  'relatedLink.href': nonEmptyString,
  'figure.suggestion': blockSuggestion,
  'relatedLink.suggestion': blockSuggestion,
  'horizontalRule.suggestion': blockSuggestion,
  'link.href': string,
  'suggestionFormat.before': formatBefore,
};

/** Attributes a node must carry: the editor always writes them, and a default would be meaningless. */
const REQUIRED: Record<string, readonly string[]> = {
  figure: ['src'],
  relatedLink: ['href'],
  heading: ['level'],
};

function byDefault(defaultValue: unknown): AttributeRule {
  if (defaultValue === null || defaultValue === undefined) return stringOrNull;
  if (Array.isArray(defaultValue)) return (value) => (Array.isArray(value) ? null : 'must be an array');
  const kind = typeof defaultValue;
  return (value) =>
    value === null || (typeof value === kind && (kind !== 'number' || Number.isFinite(value))) ? null : `must be a ${kind} or null`;
}

function attrsProblem(type: NodeType | MarkType, attrs: unknown): string | null {
  if (!isPlainObject(attrs)) return 'attributes must be an object';
  for (const [name, value] of Object.entries(attrs)) {
    const problem = attributeProblem(type, name, value);
    if (problem) return problem;
  }
  return null;
}

/**
 * Why `value` does not fit attribute `name` of the node or mark type `type` in the article
 * schema, as a ProseMirror-style message ("Unsupported attribute x for node of type figure"),
 * or null when it fits.
 */
export function attributeProblem(type: NodeType | MarkType, name: string, value: unknown): string | null {
  const kind = 'contentMatch' in type ? 'node' : 'mark';
  const spec = (type.spec.attrs ?? {})[name] as { default?: unknown } | undefined;
  if (!spec) return `Unsupported attribute ${name} for ${kind} of type ${type.name}`;
  const rule = RULES[`${type.name}.${name}`] ?? byDefault(spec.default);
  const problem = rule(value, type);
  return problem ? `Attribute ${name} of ${kind} type ${type.name} ${problem}` : null;
}

/**
 * Why the attributes `attrs` (as stored: unset attributes are absent) do not fit the node type
 * `type`: an undeclared attribute, a value of the wrong type, or a required one missing. Null when they fit.
 */
export function nodeAttrsProblem(type: NodeType, attrs: Attrs): string | null {
  for (const name of REQUIRED[type.name] ?? []) {
    if (!(name in attrs)) return `Node of type ${type.name} requires attribute ${name}`;
  }
  for (const [name, value] of Object.entries(attrs)) {
    const problem = attributeProblem(type, name, value);
    if (problem) return problem;
  }
  return null;
}

/** Why `attrs` do not fit the mark type `type` (undeclared attribute, wrong value type), or null. */
export function markAttrsProblem(type: MarkType, attrs: unknown): string | null {
  return attrsProblem(type, attrs);
}
