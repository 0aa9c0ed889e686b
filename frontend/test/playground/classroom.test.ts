import { describe, expect, it } from 'vitest';
import { closeRoom, isRoomInfo, openRoom, readRoom, roomIsGone, shortAddress, watchingText } from '../../src/playground/classroom';
import { roomGone } from '../../src/room/roomWatcher';

const ROOM = {
	code: 'K7F2QX', display: 'K7F-2QX', joinPage: 'http://host/rooms', joinUrl: 'http://host/rooms/K7F-2QX',
	projectorUrl: 'http://host/rooms/K7F-2QX/projector', forkUrl: 'http://host/rooms/K7F-2QX/fork',
	topic: '/topic/rooms/K7F2QX/events', statsTopic: '/topic/rooms/K7F2QX/stats',
	snapshotDestination: '/app/rooms/K7F2QX/snapshot', watching: 2, maxStudents: 200,
};

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('openRoom', () => {
	it('posts the sandbox id and reads the room', async () => {
		const asked: { url: string; method?: string }[] = [];
		const result = await openRoom((url, init) => {
			asked.push({ url, method: init?.method });
			return Promise.resolve(json(201, ROOM));
		}, '/api/v1/rooms', 'a/b c');
		expect(asked).toEqual([{ url: '/api/v1/rooms?sandbox=a%2Fb%20c', method: 'POST' }]);
		expect(result).toEqual({ ok: true, room: ROOM });
	});

	it('passes the server’s reason on, such as the cap on rooms', async () => {
		const result = await openRoom(() => Promise.resolve(json(503, { errors: ['Traffic Lab has its limit of 100 open classroom rooms.'] })),
			'/api/v1/rooms', 'id');
		expect(result).toEqual({ ok: false, status: 503, message: 'Traffic Lab has its limit of 100 open classroom rooms.' });
		expect(roomIsGone(result)).toBe(false);
	});

	it('refuses an answer that is not a room', async () => {
		const result = await openRoom(() => Promise.resolve(json(201, { code: 'K7F2QX' })), '/api/v1/rooms', 'id');
		expect(result.ok).toBe(false);
	});
});

describe('readRoom and closeRoom', () => {
	it('tells an ended or unknown room from a server that is briefly unwell', async () => {
		const ended = await readRoom(() => Promise.resolve(json(410, { errors: ['This room has ended: the teacher closed it.'] })),
			'/api/v1/rooms', 'K7F2QX');
		expect(roomIsGone(ended)).toBe(true);
		expect(roomIsGone(await readRoom(() => Promise.resolve(json(404, { errors: ['There is no room'] })), '/api/v1/rooms', 'K7F2QX')))
			.toBe(true);
		expect(roomIsGone(await readRoom(() => Promise.resolve(json(502, {})), '/api/v1/rooms', 'K7F2QX'))).toBe(false);
		expect(roomGone(410)).toBe(true);
		expect(roomGone(404)).toBe(true);
		expect(roomGone(200)).toBe(false);
	});

	it('closes with the sandbox id, and says why not when refused', async () => {
		const asked: string[] = [];
		expect(await closeRoom((url, init) => {
			asked.push(`${init?.method} ${url}`);
			return Promise.resolve(new Response(null, { status: 204 }));
		}, '/api/v1/rooms', 'K7F2QX', 'sandbox-1')).toBeNull();
		expect(asked).toEqual(['DELETE /api/v1/rooms/K7F2QX?sandbox=sandbox-1']);
		expect(await closeRoom(() => Promise.resolve(json(403, { errors: ['Only the teacher can close room K7F-2QX'] })),
			'/api/v1/rooms', 'K7F2QX', 'other')).toBe('Only the teacher can close room K7F-2QX');
	});
});

describe('banner texts', () => {
	it('counts who watches, and says when the room is full', () => {
		expect(watchingText(0, 200)).toBe('Nobody is watching yet.');
		expect(watchingText(1, 200)).toBe('1 browser is watching.');
		expect(watchingText(30, 200)).toBe('30 browsers are watching.');
		expect(watchingText(200, 200)).toBe('200 browsers are watching: the room is full (at most 200).');
	});

	it('shortens addresses for reading aloud', () => {
		expect(shortAddress('https://lab.example.com/rooms')).toBe('lab.example.com/rooms');
		expect(shortAddress('http://localhost:8080/rooms/K7F-2QX')).toBe('localhost:8080/rooms/K7F-2QX');
	});

	it('knows a room when it sees one', () => {
		expect(isRoomInfo(ROOM)).toBe(true);
		expect(isRoomInfo({ ...ROOM, watching: '2' })).toBe(false);
		expect(isRoomInfo(null)).toBe(false);
	});
});
