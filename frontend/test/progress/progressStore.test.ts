import { describe, expect, it } from 'vitest';
import { type KeyValueStorage, parseProgress, ProgressStore, STORAGE_KEY, stepRight } from '../../src/progress/progressStore';

class MemoryStorage implements KeyValueStorage {
	readonly items = new Map<string, string>();

	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}

	setItem(key: string, value: string): void {
		this.items.set(key, value);
	}

	removeItem(key: string): void {
		this.items.delete(key);
	}
}

/** Storage that throws as a sandboxed iframe's or a full quota's does. */
class RefusingStorage extends MemoryStorage {
	constructor(private readonly refuseReads: boolean) {
		super();
	}

	override getItem(key: string): string | null {
		if (this.refuseReads) {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		}
		return super.getItem(key);
	}

	override setItem(): void {
		throw new DOMException('Quota exceeded', 'QuotaExceededError');
	}
}

describe('ProgressStore', () => {
	it('starts empty', () => {
		expect(new ProgressStore(new MemoryStorage()).read()).toEqual({ lessons: {}, solved: [] });
	});

	it('marks a one-question step done with whether the prediction was right', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.recordAnswer('uneven-distribution', 1, 1, false, 1);
		store.recordAnswer('uneven-distribution', 2, 1, true, 1);
		const steps = store.read().lessons['uneven-distribution'];
		expect(steps['1']).toEqual({ answers: { 1: false }, done: true });
		expect(stepRight(steps['1'])).toBe(false);
		expect(stepRight(steps['2'])).toBe(true);
	});

	it('marks a step done only once every question is answered', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.recordAnswer('l', 3, 2, true, 2);
		expect(store.read().lessons.l['3'].done).toBe(false);
		expect(stepRight(store.read().lessons.l['3'])).toBe(false);
		store.recordAnswer('l', 3, 1, true, 2);
		expect(store.read().lessons.l['3']).toEqual({ answers: { 1: true, 2: true }, done: true });
	});

	it('keeps a step done when it is answered again, with the latest verdict', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.recordAnswer('l', 1, 1, true, 1);
		store.recordAnswer('l', 1, 1, false, 1);
		expect(store.read().lessons.l['1']).toEqual({ answers: { 1: false }, done: true });
	});

	it('records a solved challenge once', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.recordSolved('one-move-equal-shares');
		store.recordSolved('one-move-equal-shares');
		expect(store.read().solved).toEqual(['one-move-equal-shares']);
	});

	it('forgets lessons and challenges separately, and removes the key once nothing is left', () => {
		const storage = new MemoryStorage();
		const store = new ProgressStore(storage);
		store.recordAnswer('l', 1, 1, true, 1);
		store.recordSolved('c');
		store.forgetLessons();
		expect(store.read()).toEqual({ lessons: {}, solved: ['c'] });
		store.forgetChallenges();
		expect(store.read()).toEqual({ lessons: {}, solved: [] });
		expect(storage.items.has(STORAGE_KEY)).toBe(false);
	});

	it('keeps what another tab wrote since this page loaded', () => {
		const storage = new MemoryStorage();
		const here = new ProgressStore(storage);
		const otherTab = new ProgressStore(storage);
		otherTab.recordSolved('c');
		here.recordAnswer('l', 1, 1, true, 1);
		expect(here.read().solved).toEqual(['c']);
	});

	it('remembers nothing, and throws nothing, without a storage', () => {
		const store = new ProgressStore(undefined);
		expect(store.available).toBe(false);
		store.recordAnswer('l', 1, 1, true, 1);
		store.recordSolved('c');
		store.forgetLessons();
		expect(store.read()).toEqual({ lessons: {}, solved: [] });
	});

	it('reads as empty when the storage refuses reads, as in a sandboxed iframe', () => {
		const store = new ProgressStore(new RefusingStorage(true));
		expect(() => store.recordSolved('c')).not.toThrow();
		expect(store.read()).toEqual({ lessons: {}, solved: [] });
	});

	it('goes on when a write exceeds the quota, keeping what was stored before', () => {
		const storage = new RefusingStorage(false);
		storage.items.set(STORAGE_KEY, JSON.stringify({ lessons: {}, solved: ['a'] }));
		const store = new ProgressStore(storage);
		expect(() => store.recordSolved('b')).not.toThrow();
		expect(() => store.recordAnswer('l', 1, 1, true, 1)).not.toThrow();
		expect(store.read().solved).toEqual(['a']);
	});

	it('treats corrupted JSON as empty and overwrites it with the next record', () => {
		const storage = new MemoryStorage();
		storage.items.set(STORAGE_KEY, '{"lessons": {"l": ');
		const store = new ProgressStore(storage);
		expect(store.read()).toEqual({ lessons: {}, solved: [] });
		store.recordSolved('c');
		expect(JSON.parse(storage.items.get(STORAGE_KEY) ?? '')).toEqual({ lessons: {}, solved: ['c'] });
	});
});

describe('parseProgress', () => {
	it('reads what the store wrote', () => {
		const json = JSON.stringify({ lessons: { l: { 2: { answers: { 1: true }, done: true } } }, solved: ['c'] });
		expect(parseProgress(json)).toEqual({ lessons: { l: { 2: { answers: { 1: true }, done: true } } }, solved: ['c'] });
	});

	it.each([
		['null', 'null'],
		['a number', '42'],
		['a string', '"done"'],
		['an array', '[1, 2]'],
		['the wrong fields', '{"lesson": {}, "solve": []}'],
	])('treats %s as empty', (_name, json) => {
		expect(parseProgress(json)).toEqual({ lessons: {}, solved: [] });
	});

	it('drops the malformed parts and keeps the rest', () => {
		const json = JSON.stringify({
			lessons: {
				good: { 1: { answers: { 1: true, 2: 'yes' }, done: true }, 2: { answers: {}, done: 'yes' }, x: { answers: {}, done: true } },
				bad: 'all of it',
				empty: { 0: { answers: {}, done: true } },
			},
			solved: ['c', 7, null],
		});
		expect(parseProgress(json)).toEqual({ lessons: { good: { 1: { answers: { 1: true }, done: true } } }, solved: ['c'] });
	});
});
