/** The words every related link starts with, in the editor and in every export. */
export const READ_MORE_PREFIX = 'READ MORE: ';
