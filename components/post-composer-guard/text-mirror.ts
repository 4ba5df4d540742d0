/**
 * The textarea's text laid out again behind it, so that findings can be underlined (a textarea's
 * own text cannot be styled). One block per line of the text: a keystroke re-lays out the line it
 * changed, not the whole draft, and within that line only the changed characters are replaced, so
 * the browser re-shapes only them (`npm run bench composer` measures what this saves).
 *
 * Each line's text node keeps its line break, so the nodes' data put end to end are exactly the
 * text and an offset into the text maps to one node and one offset in it.
 */
export class TextMirror {
  readonly #root: HTMLElement;
  #nodes: Text[] = [];
  /** The offset in the text of each node's first character. */
  #starts: number[] = [];

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  /** Shows `text`, touching only the lines (and within them the characters) that changed. */
  setText(text: string): void {
    const lines = text.split('\n').map((line, index, all) => (index < all.length - 1 ? `${line}\n` : line));
    const old = this.#nodes;
    if (old.length && old[0]!.parentNode?.parentNode !== this.#root) {
      this.#root.replaceChildren();
      old.length = 0;
    }
    let head = 0;
    while (head < old.length && head < lines.length && old[head]!.data === lines[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < lines.length - head && old[old.length - 1 - tail]!.data === lines[lines.length - 1 - tail]) tail++;
    const changedOld = old.slice(head, old.length - tail);
    const changedNew = lines.slice(head, lines.length - tail);
    const kept = Math.min(changedOld.length, changedNew.length);
    for (let k = 0; k < kept; k++) replaceChangedPart(changedOld[k]!, changedNew[k]!);
    for (const node of changedOld.slice(kept)) (node.parentNode as HTMLElement).remove();
    const before = tail ? old[old.length - tail]!.parentNode : null;
    const added = changedNew.slice(kept).map((line) => {
      const block = document.createElement('div');
      const node = document.createTextNode(line);
      block.append(node);
      this.#root.insertBefore(block, before);
      return node;
    });
    this.#nodes = [...old.slice(0, head), ...changedOld.slice(0, kept), ...added, ...old.slice(old.length - tail)];
    let at = 0;
    this.#starts = this.#nodes.map((node) => {
      const start = at;
      at += node.length;
      return start;
    });
  }

  /** Empties the mirror. */
  clear(): void {
    this.#root.replaceChildren();
    this.#nodes = [];
    this.#starts = [];
  }

  /** The characters `[start, end)` of the text as a Range over the mirror, if the text has them. */
  range(start: number, end: number): Range | undefined {
    const from = this.#position(start);
    const to = this.#position(end);
    if (!from || !to || end < start) return undefined;
    const range = new Range();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  #position(offset: number): { node: Text; offset: number } | undefined {
    const starts = this.#starts;
    if (!starts.length || offset < 0) return undefined;
    // The last node whose start is at or before the offset (binary search: drafts have many lines).
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const node = this.#nodes[low]!;
    const inside = offset - starts[low]!;
    return inside <= node.length ? { node, offset: inside } : undefined;
  }
}

/**
 * Sets a text node's data by replacing only the part that changed (a keystroke changes a few
 * characters): the browser then re-shapes only that part instead of the whole line.
 */
function replaceChangedPart(node: Text, text: string): void {
  const old = node.data;
  if (old === text) return;
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  node.replaceData(start, old.length - start - end, text.slice(start, text.length - end));
}
