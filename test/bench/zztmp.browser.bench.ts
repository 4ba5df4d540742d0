async function run() {
  const t = (label: string, f: () => unknown) => { const s = performance.now(); f(); console.log(`${label}: ${(performance.now() - s).toFixed(1)} ms`); };
  await new Promise((r) => setTimeout(r, 200));
  t('numberformat fr first', () => new Intl.NumberFormat('fr').format(1234));
  let seg!: Intl.Segmenter;
  t('segmenter construct', () => (seg = new Intl.Segmenter('en', { granularity: 'grapheme' })));
  t('segmenter segment', () => [...seg.segment('👍🏽 ok')]);
  t('segmenter word fr', () => [...new Intl.Segmenter('fr', { granularity: 'word' }).segment('bonjour le monde')]);
  t('segmenter second', () => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment('👍🏽 ok')]);
  return 0;
}
(window as any).benchResult = run();
