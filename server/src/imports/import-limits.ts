/** Rows per file (issue 15): beyond it the file is refused and nothing is written. */
export const MAX_IMPORT_ROWS = 5_000;
