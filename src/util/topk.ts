/** A paper's position in the library and its score. */
export interface Ranked {
  position: number;
  score: number;
}

/** Keeps the first k in an order without sorting everything. */
export class TopK {
  private items: Ranked[] = [];
  /** The k-th after the last compaction: anything not before it is dropped at once. */
  private cut: Ranked | undefined;
  constructor(
    private readonly k: number,
    private readonly compare: (a: Ranked, b: Ranked) => number,
  ) {}
  offer(position: number, score: number): void {
    const item = { position, score };
    if (this.cut && this.compare(item, this.cut) >= 0) return;
    this.items.push(item);
    if (this.items.length >= this.k * 4 + 64) {
      this.items.sort(this.compare);
      this.items.length = this.k;
      this.cut = this.items[this.k - 1];
    }
  }
  sorted(): Ranked[] {
    this.items.sort(this.compare);
    if (this.items.length > this.k) this.items.length = this.k;
    return this.items;
  }
}
