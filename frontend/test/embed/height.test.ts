import { describe, expect, it } from 'vitest';
import { h5pAction, heightMessages, HeightReporter, wordpressSecret } from '../../src/embed/height';

describe('wordpressSecret', () => {
	it('reads an alphanumeric secret from #?secret=', () => {
		expect(wordpressSecret('#?secret=Ab12cd')).toBe('Ab12cd');
		expect(wordpressSecret('#?secret=Ab12cd&x=1')).toBe('Ab12cd');
		expect(wordpressSecret('#?secret=a-b')).toBeNull();
		expect(wordpressSecret('#secret=abc')).toBeNull();
		expect(wordpressSecret('')).toBeNull();
	});
});

describe('heightMessages', () => {
	it('speaks ours, WordPress (with a secret), Embedly (a JSON string), Canvas and, after its hello, H5P', () => {
		expect(heightMessages({ height: 640, width: 800 }, 'abc', 'http://lab/embed?run=1', true)).toEqual([
			{ source: 'traffic-lab', version: 1, type: 'resize', height: 640, width: 800 },
			{ message: 'height', value: 640, secret: 'abc' },
			JSON.stringify({ context: 'iframe.resize', src: 'http://lab/embed?run=1', height: 640 }),
			{ subject: 'lti.frameResize', height: 640 },
			{ context: 'h5p', action: 'resize', height: 640 },
		]);
	});

	it('leaves WordPress and H5P out when they are not there', () => {
		const messages = heightMessages({ height: 10, width: 5 }, null, 'http://lab/embed', false);
		expect(messages).toHaveLength(3);
		expect(JSON.stringify(messages)).not.toContain('h5p');
		expect(JSON.stringify(messages)).not.toContain('"message"');
	});
});

describe('HeightReporter', () => {
	it('says hello to H5P, then posts only when the height changes', () => {
		const posted: unknown[] = [];
		const reporter = new HeightReporter((data) => posted.push(data), null, 'http://lab/embed');
		reporter.start();
		expect(posted).toEqual([{ context: 'h5p', action: 'hello' }]);
		reporter.measured({ height: 500.2, width: 800 });
		expect(posted).toHaveLength(4);
		expect(posted[1]).toEqual({ source: 'traffic-lab', version: 1, type: 'resize', height: 501, width: 800 });
		reporter.measured({ height: 500.9, width: 700 });
		expect(posted).toHaveLength(4);
		reporter.measured({ height: 0, width: 700 });
		expect(posted).toHaveLength(4);
		reporter.measured({ height: 720, width: 700 });
		expect(posted).toHaveLength(7);
	});

	it('answers the H5P resizer\'s hello and its resize requests with the height', () => {
		const posted: unknown[] = [];
		const reporter = new HeightReporter((data) => posted.push(data), null, 'http://lab/embed');
		reporter.measured({ height: 300, width: 400 });
		posted.length = 0;
		reporter.h5pMessage();
		expect(posted).toEqual([{ context: 'h5p', action: 'resize', height: 300 }]);
		reporter.measured({ height: 350, width: 400 });
		expect(posted.at(-1)).toEqual({ context: 'h5p', action: 'resize', height: 350 });
	});
});

describe('h5pAction', () => {
	it('reads the resizer\'s messages only', () => {
		expect(h5pAction({ context: 'h5p', action: 'hello' })).toBe('hello');
		expect(h5pAction({ context: 'h5p', action: 'resize' })).toBe('resize');
		expect(h5pAction({ context: 'h5p', action: 'fullScreen' })).toBeNull();
		expect(h5pAction('{"context":"h5p"}')).toBeNull();
		expect(h5pAction(null)).toBeNull();
	});
});
