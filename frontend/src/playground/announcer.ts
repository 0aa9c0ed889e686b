// The ARIA live region: sentences are collected and read out together, at most once a second, so that a burst of
// changes does not flood a screen reader.

export class Announcer {
	private pending: string[] = [];
	private timer: number | null = null;

	constructor(private readonly region: HTMLElement, private readonly intervalMs = 1000) {}

	say(sentence: string): void {
		if (!this.pending.includes(sentence)) {
			this.pending.push(sentence);
		}
		if (this.timer === null) {
			this.timer = window.setTimeout(() => this.flush(), this.intervalMs);
		}
	}

	private flush(): void {
		this.timer = null;
		if (this.pending.length === 0) {
			return;
		}
		const item = this.region.ownerDocument.createElement('p');
		item.textContent = this.pending.slice(0, 6).join(' ');
		this.pending = [];
		this.region.append(item);
		while (this.region.childElementCount > 5) {
			this.region.firstElementChild?.remove();
		}
	}
}
