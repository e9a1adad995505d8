/** Where a draft came from: a line of running text or a row of a table. */
export type DraftSource =
  { kind: 'line'; line: number; text: string } | { kind: 'row'; table: number; row: number; text: string };

/** A task as read from the document, before its units and deadline are resolved. */
export type RawDraft = {
  title: string;
  leadText: string | null;
  coordText: string | null;
  /** The deadline cell, or the running text to look for a deadline in. */
  deadlineText: string | null;
  deadlineInProse: boolean;
  deliverable: string | null;
  /** The heading the task sits under ("I. HOÀN THIỆN THỂ CHẾ"). */
  group: string | null;
  source: DraftSource;
};
