import { describe, expect, it } from 'vitest';
import { testFirestore } from '../support/firestore.ts';

describe('firestore emulator', () => {
  it('round-trips a document', async () => {
    const { db } = testFirestore();
    await db.doc('a/b').set({ x: 1 });
    expect((await db.doc('a/b').get()).data()).toEqual({ x: 1 });
  });
});
