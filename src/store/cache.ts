/**
 * Settings read from the store, kept in memory until they change: answers run on every
 * interaction and keystroke, and a settings read must cost them nothing. A write here drops the
 * keys it touched; a write by another process (the console, a second bot) drops everything.
 */
export class StoreCache {
  private readonly values = new Map<string, Promise<unknown>>();

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      this.values.set(key, value);
      // A failed read is not remembered: the next one tries again.
      value.catch(() => this.values.get(key) === value && this.values.delete(key));
    }
    return value;
  }

  /** Drops every key that starts with `prefix` (one server's keys start with its id). */
  invalidate(prefix: string): void {
    for (const key of this.values.keys()) if (key.startsWith(prefix)) this.values.delete(key);
  }

  clear(): void {
    this.values.clear();
  }
}
