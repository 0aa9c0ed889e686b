// The analyzer's share bars carry their width as data-bar-width: the Content-Security-Policy refuses style attributes
// in the markup, and a width set from script is allowed.
export function applyBarWidths(root: ParentNode): void {
	root.querySelectorAll<HTMLElement>('[data-bar-width]').forEach((bar) => {
		bar.style.width = bar.dataset.barWidth ?? '0';
	});
}
