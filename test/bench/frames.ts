/** What the browser benches share: the next animation frame's time, a median, a figure in ms. */
export const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

export const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const ms = (value: number) => `${value.toFixed(2)} ms`;
