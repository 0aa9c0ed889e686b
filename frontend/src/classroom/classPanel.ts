// The lesson panel of a class page follows the class: when the teacher moves to another step, the panel becomes that
// step; when a question of the step shown is revealed, or the pacing changes, the panel is rendered again (the server
// knows the student's own answers and marks them). The panel itself is server-rendered; this only decides when to fetch
// it, and swaps it in with htmx so its forms work.
import type { ClassState } from './classState';

/** What a rendered panel says about itself (its data- attributes). */
export interface PanelShown {
	activity: string;
	lesson: string;
	/** The step the panel shows. */
	step: number;
	/** The teacher's step when it was rendered. */
	teacherStep: number;
	pacing: string;
	/** The revealed questions of the teacher's step when it was rendered, as "1,3". */
	revealed: string;
}

export type PanelMove = { kind: 'stay' } | { kind: 'load'; step: number; followed: boolean } | { kind: 'reload-page' };

export function readPanel(panel: HTMLElement): PanelShown {
	const data = panel.dataset;
	return {
		activity: data.activity ?? '',
		lesson: data.lesson ?? '',
		step: Number(data.step ?? 0),
		teacherStep: Number(data.teacherStep ?? 0),
		pacing: data.pacing ?? '',
		revealed: data.revealed ?? '',
	};
}

/** What to do with a panel once the class is in this state. */
export function panelMove(shown: PanelShown, state: ClassState): PanelMove {
	if (state.activity !== shown.activity) {
		return { kind: 'reload-page' };
	}
	const lesson = state.lesson;
	if (lesson === null) {
		return { kind: 'stay' };
	}
	if (lesson.id !== shown.lesson || lesson.step !== shown.teacherStep) {
		return { kind: 'load', step: lesson.step, followed: true };
	}
	if (state.pacing === 'held' && shown.step > lesson.step) {
		return { kind: 'load', step: lesson.step, followed: true };
	}
	const revealed = state.questions.filter((question) => question.revealed).map((question) => question.question).join(',');
	if (state.pacing !== shown.pacing || (shown.step === lesson.step && revealed !== shown.revealed)) {
		return { kind: 'load', step: shown.step, followed: false };
	}
	return { kind: 'stay' };
}

interface Htmx {
	ajax(verb: string, path: string, context: { target: Element; swap: string }): Promise<void>;
}

export interface PanelEnvironment {
	document: Document;
	htmx(): Htmx | undefined;
	reload(): void;
	/** Said in the page's live region, such as "Your teacher moved to step 3". */
	announce(text: string): void;
	/** After a new panel is in. */
	swapped(panel: HTMLElement): void;
}

/** Keeps the page's [data-class-panel] in step with the class. */
export class PanelFollower {
	private latest: ClassState | null = null;
	private loading = false;
	/** The generation the last panel was loaded for: a panel newer than the state it answers is not fetched again. */
	private loadedFor = -1;

	constructor(private readonly env: PanelEnvironment) {}

	update(state: ClassState): void {
		this.latest = state;
		if (!this.loading) {
			void this.follow();
		}
	}

	private panel(): HTMLElement | null {
		return this.env.document.querySelector<HTMLElement>('[data-class-panel]');
	}

	private async follow(): Promise<void> {
		const panel = this.panel();
		const state = this.latest;
		if (panel === null || state === null) {
			return;
		}
		const move = panelMove(readPanel(panel), state);
		if (move.kind === 'stay' || (move.kind === 'load' && this.loadedFor === state.generation)) {
			return;
		}
		if (move.kind === 'reload-page') {
			this.env.reload();
			return;
		}
		const htmx = this.env.htmx();
		const base = panel.dataset.panelUrl;
		if (htmx === undefined || base === undefined) {
			this.env.reload();
			return;
		}
		this.loading = true;
		this.loadedFor = state.generation;
		try {
			await htmx.ajax('GET', `${base}?step=${move.step}`, { target: panel, swap: 'outerHTML' });
		}
		catch {
			return;
		}
		finally {
			this.loading = false;
		}
		const swapped = this.panel();
		if (swapped === null || swapped === panel) {
			return;
		}
		if (move.followed) {
			this.env.announce(`Your teacher moved to step ${move.step}: ${state.lesson?.stepTitle ?? ''}`.trim());
		}
		this.env.swapped(swapped);
		// the class may have moved on while the panel loaded
		void this.follow();
	}
}
