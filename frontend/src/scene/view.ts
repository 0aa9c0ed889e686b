// What the learner has picked, focused or is dragging: kept by the input modules, read by the renderer.
import type { FollowState } from './follow';
import type { Point } from './layout';

export type Item =
	| { kind: 'pod'; name: string }
	| { kind: 'node'; name: string }
	| { kind: 'packet'; connection: number }
	| { kind: 'lb' };

export interface Drag {
	pod: string;
	point: Point;
	/** The node under the pointer, or null outside every node (dropping there deletes the pod). */
	over: string | null;
}

export interface ViewState {
	selected: Item | null;
	/** The keyboard's position on the canvas; drawn only while the canvas has focus. */
	focused: Item | null;
	canvasFocused: boolean;
	/** A pod picked up with the keyboard, waiting for a node number. */
	carrying: string | null;
	drag: Drag | null;
	/** The packet under the pointer: it shows its source address like the selected one. */
	hover: number | null;
	/** A watcher's view (a classroom room's): nothing is drawn that looks like it changes the sandbox. */
	readOnly?: boolean;
	/** "Follow one connection": waiting for a client's next connection or tracing it hop by hop; null when live. */
	follow?: FollowState | null;
}

export const NO_VIEW: ViewState = {
	selected: null, focused: null, canvasFocused: false, carrying: null, drag: null, hover: null,
};

export function sameItem(a: Item | null, b: Item | null): boolean {
	if (a === null || b === null) {
		return a === b;
	}
	if (a.kind !== b.kind) {
		return false;
	}
	switch (a.kind) {
		case 'pod':
		case 'node':
			return a.name === (b as typeof a).name;
		case 'packet':
			return a.connection === (b as typeof a).connection;
		case 'lb':
			return true;
	}
}
