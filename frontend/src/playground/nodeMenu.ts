// A node's menu over the canvas: cordon or uncordon, drain, kill, remove. A real menu of buttons, so it works with the
// keyboard (arrows, Enter, Esc) and screen readers; the focus returns to the canvas when it closes.
import type { Point } from '../scene/layout';

export type NodeAction = 'cordon' | 'uncordon' | 'drain' | 'kill' | 'remove-node';

export class NodeMenu {
	private node: string | null = null;

	constructor(private readonly menu: HTMLElement, private readonly returnFocus: HTMLElement,
		private readonly onAction: (action: NodeAction, node: string) => void) {
		menu.addEventListener('click', (event) => {
			if ((event.target as Element).closest('[data-node-menu-close]') !== null) {
				this.close();
				return;
			}
			const button = (event.target as Element).closest<HTMLButtonElement>('button[data-node-action]');
			if (button !== null && this.node !== null) {
				const node = this.node;
				this.close();
				this.onAction(button.dataset.nodeAction as NodeAction, node);
			}
		});
		menu.addEventListener('keydown', (event) => this.key(event));
		menu.ownerDocument.addEventListener('pointerdown', (event) => {
			if (this.node !== null && !menu.contains(event.target as Node)) {
				this.close(false);
			}
		});
	}

	get openFor(): string | null {
		return this.node;
	}

	open(node: string, at: Point, cordoned: boolean): void {
		this.node = node;
		const title = this.menu.querySelector('[data-node-menu-title]');
		if (title !== null) {
			title.textContent = `Node ${node}`;
		}
		const cordon = this.menu.querySelector<HTMLButtonElement>('[data-node-action="cordon"], [data-node-action="uncordon"]');
		if (cordon !== null) {
			cordon.dataset.nodeAction = cordoned ? 'uncordon' : 'cordon';
			cordon.textContent = cordoned ? 'Uncordon: schedulable again' : 'Cordon: no new pods';
		}
		this.menu.hidden = false;
		const parent = this.menu.offsetParent as HTMLElement | null;
		const maxX = (parent?.clientWidth ?? 10_000) - this.menu.offsetWidth - 4;
		this.menu.style.left = `${Math.max(4, Math.min(at.x, maxX))}px`;
		this.menu.style.top = `${Math.max(4, at.y)}px`;
		this.items()[0]?.focus();
	}

	close(focusCanvas = true): void {
		this.node = null;
		this.menu.hidden = true;
		if (focusCanvas) {
			this.returnFocus.focus();
		}
	}

	private items(): HTMLButtonElement[] {
		return Array.from(this.menu.querySelectorAll<HTMLButtonElement>('button'));
	}

	private key(event: KeyboardEvent): void {
		const items = this.items();
		const index = items.indexOf(event.target as HTMLButtonElement);
		switch (event.key) {
			case 'Escape':
				event.preventDefault();
				this.close();
				return;
			case 'ArrowDown':
				event.preventDefault();
				items[(index + 1) % items.length]?.focus();
				return;
			case 'ArrowUp':
				event.preventDefault();
				items[(index - 1 + items.length) % items.length]?.focus();
				return;
			case 'Tab':
				this.close(false);
				return;
			default:
		}
	}
}
