// The teacher's controls on the teacher's page: reveal a question, move the class to another step, hold or free the
// pacing, refuse new joins, end the room. Each is one request to the room's API; the browser sends the teacher's
// cookie, which only this browser holds. The answer (the class as it is now) goes to the page at once; the class topic
// brings the same to every other page.
import type { Fetch } from '../commands/commands';
import { errorOf } from '../playground/share';
import { isClassState, type ClassState } from './classState';

export interface TeacherRequest {
	method: 'POST' | 'PUT' | 'DELETE';
	url: string;
}

/** The request a control stands for; null when it names none. */
export function teacherRequest(roomApi: string, action: string, data: DOMStringMap | Record<string, string | undefined>,
	value?: string): TeacherRequest | null {
	const query = (name: string, text: string | undefined) => (text === undefined || text === '' ? null : `${name}=${encodeURIComponent(text)}`);
	switch (action) {
		case 'reveal': {
			const question = query('question', data.question);
			return question === null ? null : { method: 'POST', url: `${roomApi}/reveal?${question}` };
		}
		case 'step': {
			const step = query('step', data.step);
			return step === null ? null : { method: 'PUT', url: `${roomApi}/step?${step}` };
		}
		case 'pacing':
			return value === 'held' || value === 'free' ? { method: 'PUT', url: `${roomApi}/pacing?value=${value}` } : null;
		case 'joins':
			return value === 'open' || value === 'closed' ? { method: 'PUT', url: `${roomApi}/joins?value=${value}` } : null;
		case 'end':
			return { method: 'DELETE', url: roomApi };
		default:
			return null;
	}
}

export interface TeacherEnvironment {
	fetcher: Fetch;
	/** The room's API: /api/v1/rooms/{code}. */
	roomApi: string;
	/** The class after a command, as the server answered it. */
	changed(state: ClassState): void;
	ended(): void;
	confirm(text: string): boolean;
}

async function send(request: TeacherRequest, env: TeacherEnvironment): Promise<string | null> {
	const response = await env.fetcher(request.url, {
		method: request.method,
		headers: { Accept: 'application/json' },
		credentials: 'same-origin',
	}).catch(() => null);
	if (response === null) {
		return 'The server cannot be reached.';
	}
	if (!response.ok) {
		return errorOf(response);
	}
	if (request.method === 'DELETE') {
		env.ended();
		return null;
	}
	const body: unknown = await response.json().catch(() => null);
	if (isClassState(body)) {
		env.changed(body);
		// a reveal the sandbox could not show (the teacher had changed it): the answer says so, for the teacher only
		return body.notice ?? null;
	}
	return null;
}

/** Wires every [data-teacher-action] under root (buttons on click, radios and checkboxes on change). */
export function installTeacherActions(root: HTMLElement, env: TeacherEnvironment): void {
	const error = root.querySelector<HTMLElement>('[data-part="teacher-error"]');
	const say = (text: string | null) => {
		if (error !== null) {
			error.textContent = text ?? '';
		}
	};
	const run = (control: HTMLElement, value?: string) => {
		const action = control.dataset.teacherAction ?? '';
		const request = teacherRequest(env.roomApi, action, control.dataset, value);
		if (request === null) {
			return;
		}
		if (action === 'end' && !env.confirm('End the room for everyone? Nothing about the students is kept.')) {
			return;
		}
		if (control instanceof HTMLButtonElement) {
			control.disabled = true;
		}
		void send(request, env).then((message) => {
			say(message);
			// a revealed question's button stays disabled (showCounts keeps it so)
			if (control instanceof HTMLButtonElement && (message !== null || action !== 'reveal')) {
				control.disabled = false;
			}
		});
	};
	root.addEventListener('click', (event) => {
		const control = (event.target as Element | null)?.closest<HTMLElement>('button[data-teacher-action]');
		if (control !== null && control !== undefined && root.contains(control)) {
			event.preventDefault();
			run(control);
		}
	});
	root.addEventListener('change', (event) => {
		const input = event.target as HTMLInputElement | null;
		if (input === null || input.dataset.teacherAction === undefined) {
			return;
		}
		if (input.type === 'checkbox') {
			run(input, input.checked ? input.dataset.on : input.dataset.off);
		}
		else if (input.checked) {
			run(input, input.value);
		}
	});
}

/** The bar's switches show the class as it is, whoever changed it. */
export function showSwitches(root: ParentNode, state: ClassState): void {
	root.querySelectorAll<HTMLInputElement>('input[data-teacher-action="pacing"]').forEach((input) => {
		input.checked = input.value === state.pacing;
	});
	root.querySelectorAll<HTMLInputElement>('input[data-teacher-action="joins"]').forEach((input) => {
		input.checked = state.joins === input.dataset.on;
	});
}
