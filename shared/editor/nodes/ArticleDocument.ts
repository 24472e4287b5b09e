import { Node } from '@tiptap/core';

/** The top node of a story: a headline, a standfirst, then the body blocks. */
export const ArticleDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'headline standfirst block+',
});
