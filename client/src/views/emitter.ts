// A tiny typed event emitter for the views: a view says what happened in engine
// terms (an address, a hole index, a drop point) and the scene decides what it means.

export class ViewEvents<M extends object> {
  private readonly handlers = new Map<keyof M, Array<(payload: never) => void>>();

  on<K extends keyof M>(name: K, handler: (payload: M[K]) => void): this {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as (payload: never) => void);
    this.handlers.set(name, list);
    return this;
  }

  off<K extends keyof M>(name: K, handler: (payload: M[K]) => void): this {
    const list = this.handlers.get(name);
    if (list) this.handlers.set(name, list.filter((h) => h !== (handler as (payload: never) => void)));
    return this;
  }

  emit<K extends keyof M>(name: K, payload: M[K]): void {
    for (const handler of this.handlers.get(name) ?? []) (handler as (payload: M[K]) => void)(payload);
  }

  clear(): void {
    this.handlers.clear();
  }
}
