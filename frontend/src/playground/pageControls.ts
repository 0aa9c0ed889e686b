// The playground's buttons that are not htmx requests: the tables' actions, compare mode, sharing, the classroom room,
// applying manifests, "More controls"; and the client rate's number, which follows its slider while it moves.
import type { Command } from '../commands/commands';

export type ShareControl = 'copy-link' | 'export-yaml';

export type RoomControl = 'open-room' | 'close-room' | 'copy-room-link';

export interface PageActions {
	command(command: Command): void;
	toggleCompare(): void;
	share(control: ShareControl): void;
	room(control: RoomControl): void;
}

export function installPageControls(root: HTMLElement, actions: PageActions): void {
	root.addEventListener('click', (event) => {
		const target = event.target as Element;
		const button = target.closest<HTMLButtonElement>('button[data-command]');
		if (button !== null) {
			const command = tableCommand(button);
			if (command !== null) {
				actions.command(command);
			}
			return;
		}
		const control = target.closest<HTMLElement>('[data-control]')?.dataset.control;
		if (control === 'compare') {
			actions.toggleCompare();
		}
		else if (control === 'copy-link' || control === 'export-yaml') {
			actions.share(control);
		}
		else if (control === 'open-room' || control === 'close-room' || control === 'copy-room-link') {
			actions.room(control);
		}
		else if (control === 'more') {
			toggleMore(target.closest<HTMLElement>('[data-control="more"]'));
		}
		else if (control === 'apply-manifests') {
			const text = root.querySelector<HTMLTextAreaElement>('[data-control="manifests"]')?.value ?? '';
			actions.command({ kind: 'manifests', body: text });
		}
	});
	const rate = root.querySelector<HTMLInputElement>('[data-control="rate"]');
	rate?.addEventListener('input', () => {
		const output = root.querySelector('[data-control="rate-value"]');
		if (output !== null) {
			output.textContent = `${rate.value}/s`;
		}
	});
}

/** "More controls": the stylesheet shows the rest of the bar while it is expanded (a phone, a lesson step). */
export function toggleMore(button: HTMLElement | null): void {
	button?.setAttribute('aria-expanded', button.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
}

/** The command of a button in "The picture as tables", or null when it is not complete (no target node chosen). */
export function tableCommand(button: HTMLButtonElement): Command | null {
	const { command, node, pod } = button.dataset;
	switch (command) {
		case 'cordon':
		case 'uncordon':
		case 'drain':
		case 'kill':
		case 'remove-node':
			return node === undefined ? null : { kind: command, node };
		case 'delete-pod':
			return pod === undefined ? null : { kind: 'delete-pod', pod };
		case 'move': {
			const select = button.closest('tr')?.querySelector<HTMLSelectElement>('select');
			return pod === undefined || select === null || select === undefined || select.value === ''
				? null : { kind: 'move', pod, node: select.value };
		}
		default:
			return null;
	}
}
