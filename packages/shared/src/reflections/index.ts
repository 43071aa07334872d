/**
 * Reflections (心得体会) on a course, meeting or training — reviewed, featured to the whole
 * committee, with moderated comments — and the yearly reports (思想汇报、情况报告) members owe
 * their home org.
 */
export * from './enums';
export * from './reflections';
export * from './reports';
