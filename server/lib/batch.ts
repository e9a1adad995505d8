/**
 * Collects the calls made in the same tick and answers them with one call of `many` (the
 * DataLoader pattern): callers ask for one thing each, the database is asked once. Equal keys in
 * a batch are asked once. `many` answers in the order of the keys it is given.
 */
export function batchPerTick<Q, R>(keyOf: (q: Q) => string, many: (qs: Q[]) => Promise<R[]>) {
  let pending: Map<
    string,
    { q: Q; waiters: { resolve: (r: R) => void; reject: (e: unknown) => void }[] }
  > | null = null;

  function flush(batch: NonNullable<typeof pending>) {
    const entries = [...batch.values()];
    many(entries.map((e) => e.q)).then(
      (results) =>
        entries.forEach((e, i) => {
          for (const w of e.waiters) w.resolve(results[i]!);
        }),
      (err: unknown) => entries.forEach((e) => e.waiters.forEach((w) => w.reject(err))),
    );
  }

  return (q: Q): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      if (!pending) {
        const batch = (pending = new Map());
        queueMicrotask(() => {
          pending = null;
          flush(batch);
        });
      }
      const key = keyOf(q);
      const entry = pending.get(key);
      if (entry) entry.waiters.push({ resolve, reject });
      else pending.set(key, { q, waiters: [{ resolve, reject }] });
    });
}
