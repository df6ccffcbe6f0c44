/**
 * KeptTexts holds long-lived texts as slices of large joined blocks: every text must read back exactly as it was
 * made, across block boundaries, whatever its characters or length.
 */
import { KeptTexts } from '../src/engine/kept-texts';

describe('KeptTexts', () => {
  it('gives back each text exactly, across several blocks, and only once finished for the last block', () => {
    const made = Array.from({ length: 6_000 }, (_, i) => {
      if (i % 5 === 0) return '';
      if (i % 5 === 1) return `#${i}`;
      // Built from pieces, as a template literal makes a message; some with characters past U+00FF.
      const words = i % 2 ? 'café “quoted” – £5 😀' : 'plain words';
      return `Action ${i} (row ${i + 4}) has ${words}; ${'detail '.repeat(i % 40)}end.`;
    });
    const items = made.map((message) => ({ message }));
    const kept = new KeptTexts<{ message: string }>(
      (item) => item.message,
      (item, text) => (item.message = text),
    );
    items.forEach((item) => kept.add(item));
    const total = made.reduce((n, t) => n + t.length, 0);
    expect(total).toBeGreaterThan(3 * (1 << 17));
    kept.finish();
    expect(items.map((item) => item.message)).toEqual(made);
  });

  it('leaves nothing to do when nothing was added', () => {
    const kept = new KeptTexts<{ message: string }>(
      (item) => item.message,
      () => {
        throw new Error('nothing to keep');
      },
    );
    expect(() => kept.finish()).not.toThrow();
  });
});
